"""Pages for data protection: a person's data (export, erasure), the audit log.

For admins and regional coordinators; everybody else, and every person outside the
coordinator's region, gets 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pnt.accounts.audit import record_access
from pnt.privacy import anonymise, audit_log, export, queries
from pnt.privacy.audit_log import AuditFilter
from pnt.privacy.consent import consents_of
from pnt.privacy.errors import PrivacyError
from pnt.privacy.forms import AuditFilterForm, EraseForm, SubjectSearchForm
from pnt.privacy.models import Anonymisation


def _require_handler(request: HttpRequest) -> None:
    if not queries.handles_requests(request.user):
        raise Http404


def _subject(request: HttpRequest, kind: str, pk: int):
    _require_handler(request)
    return get_object_or_404(queries.subjects(request.user, kind), pk=pk)


@login_required
def privacy_index(request: HttpRequest) -> HttpResponse:
    """Find the person a request is about."""
    _require_handler(request)
    form = SubjectSearchForm(request.GET or None)
    results = queries.search(request.user, form.cleaned_data["q"]) if form.is_valid() else None
    return render(request, "privacy/index.html", {"form": form, "results": results})


@never_cache
@login_required
def privacy_subject(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """What pnt holds about one person, with the export and erasure actions."""
    subject = _subject(request, kind, pk)
    record_access(user=request.user, action="view", obj=subject, detail="privacy page")
    label = subject._meta.label_lower
    return render(
        request,
        "privacy/subject.html",
        {
            "kind": kind,
            "subject": subject,
            "sections": export.sections_for(subject),
            "consents": consents_of(subject),
            "anonymisation": Anonymisation.objects.filter(
                subject_type=label, subject_id=str(subject.pk)
            ).first(),
            "erase_form": EraseForm(),
        },
    )


EXPORTS = {
    "json": ("application/json", "json"),
    "pdf": ("application/pdf", "pdf"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}


@never_cache
@login_required
def privacy_export(request: HttpRequest, kind: str, pk: int, fmt: str) -> HttpResponse:
    """Download everything about the person (JSON, PDF) or who accessed it (CSV)."""
    subject = _subject(request, kind, pk)
    if fmt not in EXPORTS:
        raise Http404
    if fmt == "json":
        body: str | bytes = export.as_json(subject)
    elif fmt == "pdf":
        body = export.as_pdf(subject)
    else:
        body = audit_log.entries_csv(audit_log.entries_about(subject))
    record_access(user=request.user, action="export", obj=subject, detail=f"privacy {fmt}")
    content_type, extension = EXPORTS[fmt]
    response = HttpResponse(body, content_type=content_type)
    name = f"pnt-{kind}-{subject.pk}{'-access-log' if fmt == 'csv' else ''}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def privacy_erase(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Erase (anonymise) the person's data at their request."""
    subject = _subject(request, kind, pk)
    form = EraseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm the erasure."))
        return redirect("privacy_subject", kind=kind, pk=pk)
    action = anonymise.anonymise_newcomer if kind == "newcomers" else anonymise.anonymise_volunteer
    argument = "newcomer" if kind == "newcomers" else "volunteer"
    try:
        done = action(
            **{argument: subject},
            reason=Anonymisation.Reason.REQUEST,
            by=request.user,
            note=form.cleaned_data["note"],
        )
    except PrivacyError as error:
        messages.error(request, str(error))
    else:
        if done:
            messages.success(request, _("The personal data are erased; the figures stay."))
        else:
            messages.info(request, _("This record had already been anonymised."))
    return redirect("privacy_subject", kind=kind, pk=pk)


def _filtered(request: HttpRequest):
    form = AuditFilterForm(request.GET or None)
    entries = audit_log.visible_entries(request.user)
    if form.is_valid():
        entries = AuditFilter(**form.cleaned_data).apply(entries)
    return form, entries


@login_required
def audit_log_view(request: HttpRequest) -> HttpResponse:
    """The audit log: who viewed, exported or changed which personal record, filterable."""
    if not audit_log.can_read_audit_log(request.user):
        raise Http404
    form, entries = _filtered(request)
    page = Paginator(entries.order_by("-at", "-pk"), 50).get_page(request.GET.get("page"))
    return render(request, "privacy/audit_log.html", {"form": form, "page": page})


@never_cache
@login_required
def audit_log_csv(request: HttpRequest) -> HttpResponse:
    """The filtered audit log as CSV (for a data subject request, filter on the record)."""
    if not audit_log.can_read_audit_log(request.user):
        raise Http404
    _form, entries = _filtered(request)
    response = HttpResponse(audit_log.entries_csv(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="pnt-audit-log.csv"'
    return response
