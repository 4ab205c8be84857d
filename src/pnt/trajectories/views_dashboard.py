"""The coach dashboard, proofs of participation and the documents (PDF, CSV)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.accounts.audit import record_access
from pnt.accounts.models import AuditEntry
from pnt.offer.models import Activity
from pnt.trajectories import documents, queries, services
from pnt.trajectories.errors import TrajectoryError
from pnt.trajectories.forms import DashboardFilterForm, ProofConfirmForm
from pnt.trajectories.models import Trajectory


def _staff_with_caseload(request: HttpRequest) -> None:
    if queries.is_provider_only(request.user):
        raise Http404


@login_required
def coach_dashboard(request: HttpRequest) -> HttpResponse:
    """Caseload with filters and who is stuck; one query for the page, one for the counts."""
    _staff_with_caseload(request)
    form = DashboardFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    defaults = queries.StuckRules()
    rules = queries.StuckRules(
        no_activity_days=data.get("no_activity_days") or defaults.no_activity_days,
        no_hours_weeks=data.get("no_hours_weeks") or defaults.no_hours_weeks,
        deadline_days=data.get("deadline_days") or defaults.deadline_days,
    )
    base = queries.caseload(request.user, rules=rules)
    if data.get("mine"):
        base = base.filter(coach=request.user)
    counts = queries.stuck_counts(base)
    rows = queries.filter_caseload(
        base,
        stuck=data.get("stuck", ""),
        status=data.get("status", ""),
        search=data.get("q", ""),
    ).order_by("trajectory__next_action_on", "last_name", "first_name")
    # Sort and page on ids only; the flags are then computed for the 50 rows shown.
    page = Paginator(rows.values_list("pk", flat=True), 50).get_page(request.GET.get("page"))
    shown = base.in_bulk(list(page.object_list))
    page.object_list = [shown[pk] for pk in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "trajectories/coach_dashboard.html",
        {
            "form": form,
            "page": page,
            "counts": counts,
            "rules": rules,
            "querystring": query.urlencode(),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def proof_request(request: HttpRequest, pk: int, activity_pk: int) -> HttpResponse:
    _staff_with_caseload(request)
    newcomer = get_object_or_404(queries.newcomers(request.user), pk=pk)
    activity = get_object_or_404(Activity.objects.all(), pk=activity_pk)
    try:
        proof = services.request_proof(newcomer=newcomer, activity=activity, by=request.user)
    except TrajectoryError as exc:
        messages.error(request, str(exc))
        return redirect("newcomer_detail", pk)
    messages.success(request, _("The organisation is asked to confirm the proof."))
    return redirect("proof_detail", proof.pk)


@login_required
def proof_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proof = get_object_or_404(
        queries.proofs(request.user).select_related("newcomer", "activity__provider"), pk=pk
    )
    can_confirm = queries.can_confirm_proof(request.user, proof)
    form = ProofConfirmForm(
        request.POST or None, request.FILES or None, initial={"name": request.user.get_full_name()}
    )
    if request.method == "POST":
        if not can_confirm:
            raise Http404
        if form.is_valid():
            try:
                services.confirm_proof(
                    proof=proof,
                    by=request.user,
                    name=form.cleaned_data["name"],
                    paper=form.cleaned_data.get("paper"),
                )
            except TrajectoryError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Thank you: participation confirmed."))
                return redirect("proof_detail", proof.pk)
    return render(
        request,
        "trajectories/proof_detail.html",
        {
            "proof": proof,
            "form": form,
            "can_confirm": can_confirm,
            "can_accept": queries.can_accept_proof(request.user, proof),
            "limited": queries.is_provider_only(request.user),
        },
    )


@login_required
@require_POST
def proof_accept(request: HttpRequest, pk: int) -> HttpResponse:
    proof = get_object_or_404(queries.proofs(request.user).select_related("newcomer"), pk=pk)
    if not queries.can_accept_proof(request.user, proof):
        raise Http404
    try:
        services.accept_proof(proof=proof, by=request.user)
    except TrajectoryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Proof accepted."))
    return redirect("proof_detail", pk)


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def proof_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    proof = get_object_or_404(
        queries.proofs(request.user).select_related(
            "newcomer__municipality", "activity__provider", "accepted_by"
        ),
        pk=pk,
    )
    record_access(user=request.user, action="export", obj=proof.newcomer, detail="proof PDF")
    return _pdf_response(documents.proof_pdf(proof), f"bewijs-van-deelname-{proof.pk}.pdf")


@login_required
def overview_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    _staff_with_caseload(request)
    newcomer = get_object_or_404(
        queries.newcomers(request.user).select_related("municipality", "trajectory"), pk=pk
    )
    if newcomer.trajectory.status != Trajectory.Status.COMPLETED:
        raise Http404
    record_access(user=request.user, action="export", obj=newcomer, detail="final overview PDF")
    lines = services.hours_by_activity(newcomer)
    return _pdf_response(documents.overview_pdf(newcomer, lines), f"pnt-overzicht-{pk}.pdf")


@login_required
def completed_export(request: HttpRequest) -> HttpResponse:
    _staff_with_caseload(request)
    trajectories = list(queries.completed_trajectories(request.user))
    AuditEntry.objects.bulk_create(
        AuditEntry(
            user=request.user,
            action="export",
            object_type="trajectories.newcomer",
            object_id=str(t.newcomer_id),
            detail="completed trajectories CSV",
        )
        for t in trajectories
    )
    response = HttpResponse(documents.completed_csv(trajectories), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="pnt-afgerond.csv"'
    return response
