"""Pages of the matching: recommendations and a 40-hour plan on the newcomer's page (an
htmx fragment), and the coordinator's allocation rounds and matching weights of the region.
Outside scope is always 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from pnt.accounts.audit import record_access
from pnt.accounts.scoping import scope_for
from pnt.geo.models import Region
from pnt.trajectories import allocation_services, matching_adapter, queries, weights_services
from pnt.trajectories.errors import TrajectoryError
from pnt.trajectories.forms_matching import (
    AllocationRoundForm,
    PlanPeriodForm,
    RegionWeightsForm,
)
from pnt.trajectories.matching_reasons import reason_texts
from pnt.trajectories.models import Newcomer
from pnt.trajectories.models_allocation import AllocationAssignment, AllocationRound
from pnt.trajectories.models_weights import RegionWeights, normalised

# --- the newcomer's page -----------------------------------------------------------------


def _newcomer(request: HttpRequest, pk: int) -> Newcomer:
    """A newcomer whose file the user may change (provider staff never: 404)."""
    if queries.is_provider_only(request.user):
        raise Http404
    visible = queries.newcomers(request.user).filter(pk=pk)
    if not visible.exists():
        raise Http404
    return matching_adapter.load_newcomer(pk)


@login_required
def newcomer_recommendations(request: HttpRequest, pk: int) -> HttpResponse:
    """Recommended activities with their reasons, those left out and why, and the proposed
    40-hour plan with alternatives. A fragment for htmx, a page otherwise."""
    newcomer = _newcomer(request, pk)
    record_access(user=request.user, action="view", obj=newcomer, detail="recommendations")
    period = PlanPeriodForm(request.GET or None)
    weeks = period.cleaned_data["weeks"] if period.is_valid() else 13
    found = matching_adapter.recommendations(newcomer)
    plan = matching_adapter.plan(newcomer, weeks=weeks)
    context = {
        "newcomer": newcomer,
        "top": [(s, reason_texts(s.reasons)) for s in found.top],
        "left_out": [(x, reason_texts(x.reasons)) for x in found.left_out],
        "left_out_more": found.left_out_total - len(found.left_out),
        "considered": found.considered,
        "plan": plan,
        "period_form": PlanPeriodForm(initial={"weeks": weeks}),
        "fragment": bool(request.htmx),
    }
    if request.htmx:
        return render(request, "trajectories/_recommendations.html", context)
    return render(request, "trajectories/recommendations_page.html", context)


@login_required
@require_POST
def newcomer_take_activities(request: HttpRequest, pk: int) -> HttpResponse:
    """Turn one recommended activity (or a whole plan) into enrolment requests."""
    newcomer = _newcomer(request, pk)
    ids = [int(v) for v in request.POST.getlist("activity") if v.isdigit()]
    activities = list(queries.enrolable_activities(request.user).filter(pk__in=ids))
    if activities:
        made, refused = allocation_services.take_suggestions(
            newcomer=newcomer, activities=activities, by=request.user
        )
    else:
        made, refused = [], [_("This activity cannot be chosen.")]
    if request.htmx:
        return render(
            request,
            "trajectories/_take_result.html",
            {"made": made, "refused": refused, "newcomer": newcomer},
        )
    for enrolment in made:
        messages.success(
            request, _("%(activity)s: requested.") % {"activity": enrolment.activity.title}
        )
    for message in refused:
        messages.error(request, message)
    return redirect(reverse("newcomer_detail", args=[pk]) + "#enrolments")


# --- allocation rounds -----------------------------------------------------------------------


def _coordinated_regions(request: HttpRequest) -> QuerySet[Region]:
    """Regions where the user coordinates (all for an admin); nobody else gets these pages."""
    scope = scope_for(request.user)
    if scope.is_admin:
        return Region.objects.all()
    if not scope.coordinator_region_ids:
        raise Http404
    return Region.objects.filter(pk__in=scope.coordinator_region_ids)


def _round(request: HttpRequest, pk: int) -> AllocationRound:
    return get_object_or_404(
        AllocationRound.objects.visible_to(request.user).select_related(
            "region", "created_by", "confirmed_by"
        ),
        pk=pk,
    )


@login_required
def allocation_round_list(request: HttpRequest) -> HttpResponse:
    """The rounds of one's regions, and the form to start one."""
    regions = _coordinated_regions(request)
    form = AllocationRoundForm(request.POST or None, regions=regions)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = allocation_services.start_allocation_round(
                region=form.cleaned_data["region"],
                by=request.user,
                parameters=form.parameters(),
                note=form.cleaned_data["note"],
            )
        except TrajectoryError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("allocation_round", pk=round_.pk)
    rounds = AllocationRound.objects.visible_to(request.user).select_related("region")
    page = Paginator(rounds, 25).get_page(request.GET.get("page"))
    return render(request, "trajectories/allocation_round_list.html", {"form": form, "page": page})


@login_required
def allocation_round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress while computing; then the preview (who gets what, who not, compared with
    first come, first served) or, once confirmed, the record of the run."""
    round_ = _round(request, pk)
    record_access(user=request.user, action="view", obj=round_, detail="allocation round")
    assignments = round_.assignments.select_related(
        "newcomer", "newcomer__municipality", "newcomer__trajectory", "activity", "enrolment"
    ).defer("newcomer__municipality__outline")
    page = Paginator(assignments, 100).get_page(request.GET.get("page"))
    rows = [(a, reason_texts(a.reasons)) for a in page]
    unplaced = (
        Newcomer.objects.filter(pk__in=_unplaced_ids(round_)[:200])
        .select_related("municipality")
        .defer("municipality__outline")
    )
    context = {
        "round": round_,
        "page": page,
        "rows": rows,
        "unplaced": unplaced,
        "parameters": _parameter_rows(round_.parameters),
        "comparison": _comparison(round_),
        "computed_placed": round_.assignments.values("newcomer").distinct().count(),
        "Status": AllocationRound.Status,
    }
    return render(request, "trajectories/allocation_round_detail.html", context)


def _unplaced_ids(round_: AllocationRound) -> list[int]:
    """Who gets nothing: not placed by the computation, or every assignment taken out."""
    statuses = dict.fromkeys(round_.unplaced, False)
    for newcomer_id, status in round_.assignments.values_list("newcomer_id", "status"):
        kept = status not in (
            AllocationAssignment.Status.REMOVED,
            AllocationAssignment.Status.SKIPPED,
        )
        statuses[newcomer_id] = statuses.get(newcomer_id, False) or kept
    return [pk for pk, kept in statuses.items() if not kept]


def _comparison(round_: AllocationRound) -> str:
    """One sentence on how this round compares with first come, first served."""
    more = round_.placed_count - round_.fcfs_placed
    gain = round_.gain_vs_fcfs
    if gain is None:
        return ""
    values = {"pct": abs(round(gain * 100)), "n": abs(more)}
    if abs(gain) < 0.005 and more == 0:
        return _("The same total fit as first come, first served.")
    if gain >= 0 and more >= 0:
        text = _("%(pct)s%% more total fit than first come, first served")
    elif gain >= 0:
        text = _("%(pct)s%% more total fit than first come, first served, for fewer newcomers")
    else:
        text = _("%(pct)s%% less total fit than first come, first served")
    if more > 0:
        text += ", " + ngettext(
            "and %(n)s more newcomer placed", "and %(n)s more newcomers placed", more
        )
    return (text + ".") % values


def _parameter_rows(parameters: dict) -> list[tuple[str, object]]:
    labels = {
        "k": _("Places per newcomer at most"),
        "fairness": _("First give as many newcomers as possible one place"),
        "compulsory_bonus": _("Priority for a compulsory trajectory"),
        "per_month_waiting": _("Priority per month of waiting"),
        "deadline_bonus": _("Priority when the deadline is near"),
    }
    rows = []
    for key, label in labels.items():
        value = parameters.get(key)
        if isinstance(value, bool):
            value = _("yes") if value else _("no")
        rows.append((label, value))
    return rows


@login_required
def allocation_round_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment polled by htmx; once computed, the page reloads itself."""
    round_ = _round(request, pk)
    response = render(request, "trajectories/_allocation_progress.html", {"round": round_})
    if request.htmx and not round_.is_computing:
        response["HX-Refresh"] = "true"
    return response


def _after(request: HttpRequest, round_: AllocationRound, change, success: str) -> HttpResponse:
    try:
        change()
    except TrajectoryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("allocation_round", pk=round_.pk)


@login_required
@require_POST
def allocation_assignment_remove(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    round_ = _round(request, pk)
    assignment = get_object_or_404(
        AllocationAssignment.objects.select_related("newcomer", "activity"),
        pk=assignment_pk,
        round=round_,
    )
    return _after(
        request,
        round_,
        lambda: allocation_services.remove_assignment(assignment=assignment, by=request.user),
        _("%(name)s — %(activity)s: removed from the proposal.")
        % {"name": assignment.newcomer.first_name, "activity": assignment.activity.title},
    )


@login_required
@require_POST
def allocation_round_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk)
    try:
        round_ = allocation_services.confirm_allocation_round(round=round_, by=request.user)
    except TrajectoryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Confirmed: %(n)s places offered.") % {"n": round_.offers_count},
        )
    return redirect("allocation_round", pk=round_.pk)


@login_required
@require_POST
def allocation_round_discard(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk)
    return _after(
        request,
        round_,
        lambda: allocation_services.discard_allocation_round(round=round_, by=request.user),
        _("The round is discarded; nothing was offered."),
    )


# --- the matching weights of a region --------------------------------------------------------


@login_required
def matching_weights_list(request: HttpRequest) -> HttpResponse:
    """The regions one coordinates, each with how many weights it set itself."""
    regions = list(_coordinated_regions(request))
    stored = dict(
        RegionWeights.objects.filter(region__in=regions).values_list("region_id", "values")
    )
    rows = [(region, len(normalised(stored.get(region.pk) or {}))) for region in regions]
    return render(request, "trajectories/matching_weights_list.html", {"rows": rows})


def _weights_region(request: HttpRequest, slug: str) -> Region:
    """A region the user coordinates (any for an admin); 404 otherwise."""
    return get_object_or_404(_coordinated_regions(request), slug=slug)


@login_required
def matching_weights(request: HttpRequest, slug: str) -> HttpResponse:
    """The region's weights, each with its meaning and default; saving stores them for the
    region's recommendations, plans and new allocation rounds."""
    region = _weights_region(request, slug)
    row = RegionWeights.objects.select_related("changed_by").filter(region=region).first()
    form = RegionWeightsForm(request.POST or None, current=normalised(row.values) if row else {})
    if request.method == "POST" and form.is_valid():
        try:
            weights_services.set_region_weights(
                region=region, values=form.values(), by=request.user
            )
        except TrajectoryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("The matching weights of %(region)s are saved.") % {"region": region}
            )
            return redirect("matching_weights", slug=region.slug)
    context = {"region": region, "form": form, "row": row}
    return render(request, "trajectories/matching_weights.html", context)


@login_required
@require_POST
def matching_weights_reset(request: HttpRequest, slug: str) -> HttpResponse:
    """Back to the default weights for the region."""
    region = _weights_region(request, slug)
    weights_services.reset_region_weights(region=region, by=request.user)
    messages.success(
        request, _("%(region)s uses the default matching weights again.") % {"region": region}
    )
    return redirect("matching_weights", slug=region.slug)
