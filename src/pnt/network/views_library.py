"""Pages of the good practices library and of funding (applications, deliverables)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.network import queries, services
from pnt.network.access import network_access
from pnt.network.documents import serve
from pnt.network.errors import NetworkError
from pnt.network.forms_plan import (
    ApplicationForm,
    ApplicationStatusForm,
    AttachmentForm,
    DeliverableForm,
    HandInForm,
    PracticeForm,
    PracticeSearchForm,
)
from pnt.network.views import require_manager, require_managing_somewhere

PRACTICE_FIELDS = ("title", "summary", "where", "contact", "effort", "results", "shared",
                   "themes", "activities", "actions")  # fmt: skip


@login_required
def practice_list(request: HttpRequest) -> HttpResponse:
    form = PracticeSearchForm(request.GET)
    practices = queries.practices(request.user)
    if form.is_valid():
        practices = queries.search_practices(
            practices, form.cleaned_data["q"], form.cleaned_data["theme"]
        )
    page = Paginator(practices.order_by("title"), 30).get_page(request.GET.get("page"))
    template = "network/_practice_results.html" if request.htmx else "network/practice_list.html"
    return render(
        request,
        template,
        {"form": form, "page": page, "manages": network_access(request.user).manages_any},
    )


@login_required
def practice_new(request: HttpRequest) -> HttpResponse:
    require_managing_somewhere(request.user)
    form = PracticeForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                practice = services.create_practice(
                    region=form.chosen_region(), by=request.user,
                    **{name: data[name] for name in PRACTICE_FIELDS},
                )  # fmt: skip
                if data["attachment"]:
                    services.add_attachment(
                        practice=practice, by=request.user, upload=data["attachment"]
                    )
        except NetworkError as error:
            form.add_error("attachment" if data.get("attachment") else None, str(error))
        else:
            messages.success(request, _("The practice is in the library."))
            return redirect("practice_detail", pk=practice.pk)
    return render(
        request,
        "network/form.html",
        {"form": form, "title": _("New good practice"), "multipart": True},
    )


@login_required
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_object_or_404(queries.practices(request.user), pk=pk)
    manages = queries.manages(request.user, practice.region_id)
    return render(
        request,
        "network/practice_detail.html",
        {
            "practice": practice,
            "activities": practice.activities.published().select_related("municipality"),
            "actions": practice.actions.select_related("pillar__plan")
            if network_access(request.user).sees_region(practice.region_id)
            else [],
            "attachments": practice.attachments.all(),
            "attachment_form": AttachmentForm() if manages else None,
        },
    )


@login_required
@require_POST
def practice_attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_object_or_404(queries.practices(request.user), pk=pk)
    require_manager(request.user, practice.region_id)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(
                practice=practice, by=request.user, upload=form.cleaned_data["file"]
            )
        except NetworkError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The file is attached."))
    else:
        messages.error(request, _("Choose a file."))
    return redirect("practice_detail", pk=practice.pk)


@login_required
def practice_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = get_object_or_404(queries.attachments(request.user), pk=pk)
    return serve(attachment.file, attachment.name, attachment.content_type)


# --- funding -------------------------------------------------------------------------------


@login_required
def funding_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "network/funding_list.html",
        {
            "applications": queries.applications(request.user).prefetch_related("deliverables"),
            "due": queries.due_deliverables(request.user),
            "manages": network_access(request.user).manages_any,
        },
    )


@login_required
def application_new(request: HttpRequest) -> HttpResponse:
    require_managing_somewhere(request.user)
    form = ApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("region", None)
        try:
            application = services.create_application(
                region=form.chosen_region(), by=request.user, **data
            )
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The application is recorded. Add its deliverables."))
            return redirect("application_detail", pk=application.pk)
    return render(
        request, "network/form.html", {"form": form, "title": _("New funding application")}
    )


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(queries.applications(request.user), pk=pk)
    manages = queries.manages(request.user, application.region_id)
    return render(
        request,
        "network/application_detail.html",
        {
            "application": application,
            "deliverables": application.deliverables.all(),
            "manages": manages,
            "deliverable_form": DeliverableForm() if manages else None,
            "status_form": ApplicationStatusForm(
                initial={"status": application.status, "amount_granted": application.amount_granted}
            )
            if manages
            else None,
            "hand_in_form": HandInForm() if manages else None,
        },
    )


@login_required
@require_POST
def application_status(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(queries.applications(request.user), pk=pk)
    require_manager(request.user, application.region_id)
    form = ApplicationStatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_application_status(
                application=application, by=request.user, **form.cleaned_data
            )
        except NetworkError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The application is saved."))
    else:
        messages.error(request, _("Choose a status."))
    return redirect("application_detail", pk=application.pk)


@login_required
@require_POST
def deliverable_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(queries.applications(request.user), pk=pk)
    require_manager(request.user, application.region_id)
    form = DeliverableForm(request.POST)
    if form.is_valid():
        services.add_deliverable(application=application, by=request.user, **form.cleaned_data)
        messages.success(request, _("The deliverable is added."))
    else:
        messages.error(request, _("Give the deliverable a title and a due date."))
    return redirect("application_detail", pk=application.pk)


@login_required
@require_POST
def deliverable_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Hand a deliverable in (with its report) or mark it accepted by the funder."""
    deliverable = get_object_or_404(queries.deliverables(request.user), pk=pk)
    application = deliverable.application
    require_manager(request.user, application.region_id)
    form = HandInForm(request.POST, request.FILES)
    try:
        if request.POST.get("action") == "accept":
            services.accept_deliverable(deliverable=deliverable, by=request.user)
        elif form.is_valid():
            services.hand_in_deliverable(
                deliverable=deliverable, by=request.user, document=form.cleaned_data["document"]
            )
    except NetworkError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The deliverable is saved."))
    if request.POST.get("back") == "deliverable":
        return redirect("deliverable_detail", pk=deliverable.pk)
    return redirect("application_detail", pk=application.pk)


@login_required
def deliverable_document(request: HttpRequest, pk: int) -> HttpResponse:
    deliverable = get_object_or_404(queries.deliverables(request.user).exclude(document=""), pk=pk)
    return serve(deliverable.document, deliverable.document_name, deliverable.document_type)
