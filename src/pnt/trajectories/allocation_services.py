"""Every write of allocation rounds and of matching suggestions taken by a coach.

Keyword-only functions, one transaction each; a :class:`AllocationError` (a
:class:`~pnt.trajectories.errors.TrajectoryError`) carries a message fit to show. Faces
(views, API, the task) check who may act; these functions check the rules.

The life of a round: :func:`start_allocation_round` stores it (*queued*) and hands it to the
background worker; :func:`compute_allocation_round` (the task) reads, scores, solves and
stores the proposal (*ready*); the coordinator removes assignments
(:func:`remove_assignment`) and confirms (:func:`confirm_allocation_round`): every kept
assignment becomes an offered place with an expiry, through the enrolment services, never
beyond an activity's capacity. Or discards it (:func:`discard_allocation_round`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Sequence

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt import matching
from pnt.offer.models import Activity
from pnt.trajectories import matching_adapter, notifications, services
from pnt.trajectories.errors import EnrolmentError, TrajectoryError
from pnt.trajectories.models import Enrolment, Newcomer
from pnt.trajectories.models_allocation import AllocationAssignment, AllocationRound

logger = logging.getLogger(__name__)
R = AllocationRound.Status
A = AllocationAssignment.Status

DEFAULT_PARAMETERS = {
    "k": 1,
    "fairness": True,
    "compulsory_bonus": 0.5,
    "per_month_waiting": 0.05,
    "deadline_bonus": 0.5,
}


class AllocationError(TrajectoryError):
    """An allocation round cannot do what was asked."""


def clean_parameters(parameters: dict | None) -> dict:
    """The defaults overridden by the given parameters, in range (the faces validate
    input; this guards the stored run against nonsense)."""
    params = {**DEFAULT_PARAMETERS, **(parameters or {})}
    params["k"] = min(5, max(1, int(params["k"])))
    params["fairness"] = bool(params["fairness"])
    for key in ("compulsory_bonus", "per_month_waiting", "deadline_bonus"):
        params[key] = min(10.0, max(0.0, float(params[key])))
    return params


# --- start and compute ---------------------------------------------------------------------


def start_allocation_round(
    *, region, by, parameters: dict | None = None, note: str = ""
) -> AllocationRound:
    """Store a new round (*queued*) and hand it to the background worker after the commit.

    Raises :class:`AllocationError` while another round of the region is open (computing
    or waiting for confirmation): two previews could promise the same places.
    """
    from pnt.trajectories.tasks_matching import run_allocation_round

    with transaction.atomic():
        open_rounds = AllocationRound.objects.select_for_update().filter(
            region=region, status__in=AllocationRound.OPEN
        )
        if open_rounds.exists():
            raise AllocationError(
                _("A round of this region is still open: confirm or discard it first.")
            )
        round_ = AllocationRound.objects.create(
            region=region,
            created_by=by if getattr(by, "is_authenticated", False) else None,
            # The region's fit weights as they are now go with the round, so the stored
            # round says how it was scored even after the coordinator changes them.
            parameters=clean_parameters(
                {**matching_adapter.region_weight_values(region), **(parameters or {})}
            ),
            note=note.strip()[:120],
        )
        transaction.on_commit(lambda: run_allocation_round.enqueue(round_.pk))
    return round_


def _stage(round_id: int, stage: str, progress: int, **fields) -> None:
    # Outside any transaction, so the page that polls sees the progress at once.
    AllocationRound.objects.filter(pk=round_id).update(stage=stage, progress=progress, **fields)


def compute_allocation_round(*, round_id: int) -> AllocationRound:
    """Compute a queued round: the optimal allocation (min-cost flow, with the fairness
    option), the first-come-first-served comparison, and the assignments with reasons.

    Guarantees: no activity gets more newcomers than its free places, no newcomer more
    than ``k`` places (minus those they hold); a round that is not queued is left alone.
    A failure marks the round *failed* with a short message.
    """
    claimed = AllocationRound.objects.filter(pk=round_id, status=R.QUEUED).update(
        status=R.RUNNING, stage=AllocationRound.Stage.READING, progress=5
    )
    round_ = AllocationRound.objects.select_related("region").get(pk=round_id)
    if not claimed:
        return round_
    started = time.perf_counter()
    try:
        _compute(round_, started)
    except Exception as exc:
        logger.exception("allocation round %s failed", round_id)
        _stage(round_id, round_.stage, round_.progress, status=R.FAILED, error=str(exc)[:255])
    round_.refresh_from_db()
    return round_


def _compute(round_: AllocationRound, started: float) -> None:
    params = round_.parameters
    data = matching_adapter.allocation_input(
        round_.region, params, on_read=lambda: _stage(round_.pk, AllocationRound.Stage.SCORING, 30)
    )
    problem = data.problem
    _stage(round_.pk, AllocationRound.Stage.SOLVING, 60)
    best = matching.allocate(problem, fairness=bool(params.get("fairness")))
    fcfs = matching.fcfs_allocation(problem, order=data.arrival)
    _stage(round_.pk, AllocationRound.Stage.SAVING, 85)
    rows = _assignments(round_, data, best.edges)
    placed = {a.newcomer_id for a in rows}
    unplaced = [n.pk for n in data.newcomers if n.pk not in placed]
    with transaction.atomic():
        AllocationAssignment.objects.bulk_create(rows)
        AllocationRound.objects.filter(pk=round_.pk).update(
            status=R.READY,
            stage=AllocationRound.Stage.DONE,
            progress=100,
            newcomers_count=len(data.newcomers),
            activities_count=len(data.activities),
            places_count=int(problem.capacity.sum()),
            candidates_count=int(problem.newcomer.size),
            placed_count=best.placed,
            unplaced_count=len(unplaced),
            unplaced=unplaced,
            optimal_fit=best.fit,
            total_fit=best.fit,
            objective=best.objective,
            fcfs_fit=fcfs.fit,
            fcfs_placed=fcfs.placed,
            seconds=time.perf_counter() - started,
            finished_at=timezone.now(),
        )


def _assignments(
    round_: AllocationRound, data: matching_adapter.AllocationInput, edges: np.ndarray
) -> list[AllocationAssignment]:
    p, ctx = data.problem, data.context
    rows = []
    for e in edges.tolist():
        i, j = int(p.newcomer[e]), int(p.activity[e])
        reasons = matching.fit_reasons(ctx, e) if ctx is not None else []
        km = next((float(r.params["km"]) for r in reasons if r.code == "distance"), None)
        rows.append(
            AllocationAssignment(
                round=round_,
                newcomer=data.newcomers[i],
                activity=data.activities[j],
                fit=float(p.fit[e]),
                priority=float(p.priority[i]),  # type: ignore[index]
                distance_km=km,
                reasons=matching_adapter.reason_dicts(reasons),
            )
        )
    return rows


# --- adjust, confirm, discard ----------------------------------------------------------------


def _locked_ready(round_: AllocationRound) -> AllocationRound:
    locked = AllocationRound.objects.select_for_update().get(pk=round_.pk)
    if locked.status != R.READY:
        raise AllocationError(
            _("This round is %(status)s; only a preview can change.")
            % {"status": locked.get_status_display()}
        )
    return locked


def _recount(round_: AllocationRound) -> None:
    kept = list(
        round_.assignments.exclude(status__in=[A.REMOVED, A.SKIPPED]).values_list(
            "newcomer_id", "fit"
        )
    )
    placed = {n for n, _f in kept}
    waiting = set(round_.unplaced) | set(round_.assignments.values_list("newcomer_id", flat=True))
    round_.total_fit = float(sum(f for _n, f in kept))
    round_.placed_count = len(placed)
    round_.unplaced_count = len(waiting - placed)
    round_.save(update_fields=["total_fit", "placed_count", "unplaced_count"])


def remove_assignment(*, assignment: AllocationAssignment, by) -> AllocationAssignment:
    """Take one proposed assignment out of a preview; the totals follow."""
    with transaction.atomic():
        round_ = _locked_ready(assignment.round)
        assignment = AllocationAssignment.objects.select_for_update().get(pk=assignment.pk)
        if assignment.status != A.PROPOSED:
            raise AllocationError(_("This assignment was already removed."))
        assignment.status = A.REMOVED
        assignment.save(update_fields=["status"])
        _recount(round_)
    return assignment


def discard_allocation_round(*, round: AllocationRound, by) -> AllocationRound:  # noqa: A002
    """Drop a preview (or a round that failed): nothing is offered; the run stays on record."""
    with transaction.atomic():
        round_ = AllocationRound.objects.select_for_update().get(pk=round.pk)
        if round_.status not in (R.READY, R.FAILED, R.QUEUED):
            raise AllocationError(_("Only a preview or a failed round can be discarded."))
        round_.status = R.DISCARDED
        round_.save(update_fields=["status"])
    return round_


def confirm_allocation_round(*, round: AllocationRound, by) -> AllocationRound:  # noqa: A002
    """Turn every kept assignment into an offered place (with the usual expiry), through
    the enrolment services, in one transaction.

    Guarantees: an activity never holds more places than its capacity — each activity row
    is locked and its places counted again (the world may have changed since the preview);
    an assignment that no longer fits (full, closed trajectory, already enrolled) is
    *skipped* with the reason, the others are offered.
    """
    with transaction.atomic():
        round_ = _locked_ready(round)
        kept = list(
            round_.assignments.filter(status=A.PROPOSED)
            .select_related("newcomer__trajectory", "activity")
            .order_by("-priority", "-fit", "pk")
        )
        offered = 0
        for assignment in kept:
            offered += _offer(assignment, by)
        round_.status = R.CONFIRMED
        round_.confirmed_by = by if getattr(by, "is_authenticated", False) else None
        round_.confirmed_at = timezone.now()
        round_.offers_count = offered
        round_.save(update_fields=["status", "confirmed_by", "confirmed_at", "offers_count"])
        _recount(round_)
    return round_


def _offer(assignment: AllocationAssignment, by) -> int:
    """Offer the assignment's place; 1 when offered, 0 when skipped (with the reason)."""
    try:
        with transaction.atomic():
            enrolment = offer_place(
                newcomer=assignment.newcomer, activity=assignment.activity, by=by
            )
    except TrajectoryError as exc:
        assignment.status, assignment.note = A.SKIPPED, str(exc)[:200]
        assignment.save(update_fields=["status", "note"])
        return 0
    assignment.status, assignment.enrolment = A.OFFERED, enrolment
    assignment.save(update_fields=["status", "enrolment"])
    return 1


def offer_place(*, newcomer: Newcomer, activity: Activity, by=None) -> Enrolment:
    """Offer the newcomer a place in the activity, reserved until the usual expiry.

    The newcomer's open request or waiting-list entry for the activity becomes the offer;
    without one, a request is made first (:func:`services.request_enrolment`, with its
    checks). The activity row is locked and its places counted: raises
    :class:`EnrolmentError` when no place is free or the newcomer already holds one.
    """
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        holders = Enrolment.objects.filter(activity=activity, status__in=Enrolment.HOLDS_PLACE)
        if holders.filter(newcomer=newcomer).exists():
            raise EnrolmentError(
                _("%(name)s already has a place in %(activity)s.")
                % {"name": newcomer.first_name, "activity": activity.title}
            )
        if holders.count() >= activity.capacity:
            raise EnrolmentError(
                _("%(activity)s has no free place any more.") % {"activity": activity.title}
            )
        enrolment = (
            Enrolment.objects.select_for_update()
            .filter(
                newcomer=newcomer,
                activity=activity,
                status__in=[Enrolment.Status.REQUESTED, Enrolment.Status.WAITING],
            )
            .first()
        )
        if enrolment is None:
            enrolment = services.request_enrolment(newcomer=newcomer, activity=activity, by=by)
        now = timezone.now()
        enrolment.status = Enrolment.Status.OFFERED
        enrolment.offered_at = now
        enrolment.offer_expires_at = now + dt.timedelta(hours=services.offer_hours())
        enrolment.save(update_fields=["status", "offered_at", "offer_expires_at"])
        notifications.place_offered(enrolment)
    return enrolment


# --- suggestions taken by a coach ----------------------------------------------------------


def take_suggestions(
    *, newcomer: Newcomer, activities: Sequence[Activity], by
) -> tuple[list[Enrolment], list[str]]:
    """Turn recommended or planned activities into enrolment requests, one each, through
    :func:`services.request_enrolment` (so its checks and the waiting list apply later).

    Returns the requests made and the messages of those refused (already enrolled, …).
    """
    made, refused = [], []
    for activity in activities:
        try:
            made.append(services.request_enrolment(newcomer=newcomer, activity=activity, by=by))
        except EnrolmentError as exc:
            refused.append(str(exc))
    return made, refused
