"""A deliverable's page: what is owed to the funder by when, and the reports of pnt.reporting
made for it (attached by the region's coordinator and coaches, downloaded only by them)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.accounts.audit import record_access
from pnt.network import queries, services
from pnt.network.documents import serve
from pnt.network.errors import NetworkError
from pnt.network.forms_plan import DeliverableReportForm
from pnt.network.models import Deliverable
from pnt.network.views import require_manager


def _deliverables(user):
    return queries.deliverables(user).select_related(
        "application", "application__region", "application__programme"
    )


def _page(
    request: HttpRequest, deliverable: Deliverable, form: DeliverableReportForm | None = None
) -> HttpResponse:
    manages = queries.manages(request.user, deliverable.application.region_id)
    if manages and form is None:
        form = DeliverableReportForm(deliverable=deliverable)
    reports = deliverable.reports.select_related("made_by", "municipality") if manages else []
    return render(
        request,
        "network/deliverable_detail.html",
        {
            "deliverable": deliverable,
            "application": deliverable.application,
            "manages": manages,
            "reports": reports,
            "report_form": form if manages else None,
        },
    )


@login_required
def deliverable_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_object_or_404(_deliverables(request.user), pk=pk))


@login_required
@require_POST
def deliverable_report_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a report of pnt.reporting and attach it (optionally handing the deliverable in)."""
    deliverable = get_object_or_404(_deliverables(request.user), pk=pk)
    require_manager(request.user, deliverable.application.region_id)
    form = DeliverableReportForm(request.POST, deliverable=deliverable)
    if form.is_valid():
        try:
            services.attach_report(deliverable=deliverable, by=request.user, **form.cleaned_data)
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The report is made and attached."))
            return redirect("deliverable_detail", pk=deliverable.pk)
    return _page(request, deliverable, form)


@login_required
def deliverable_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The attached file, for those who may attach one; every download is in the audit log."""
    report = get_object_or_404(queries.deliverable_reports(request.user), pk=pk)
    record_access(
        user=request.user, action="export", obj=report, detail=f"{report.kind} {report.quarter}"
    )
    return serve(report.file, report.file_name, report.content_type)
