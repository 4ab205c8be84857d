"""Every write of the trajectories: intake, hand-over, enrolment, attendance, proofs, notes.

Each function is keyword-only, runs in one transaction and raises a
:class:`~pnt.trajectories.errors.TrajectoryError` (or :class:`EnrolmentError`) whose message
is fit to show. Faces (views, API, commands, tasks) check who may act; these functions check
the rules of the domain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.offer.models import Activity
from pnt.trajectories import notifications, quarter_hours
from pnt.trajectories.errors import DuplicateNewcomer, EnrolmentError, TrajectoryError
from pnt.trajectories.models import (
    PNT_HOURS,
    ActivitySession,
    Attendance,
    CoachNote,
    Enrolment,
    Intake,
    Move,
    Newcomer,
    ParticipationProof,
    Trajectory,
)
from pnt.trajectories.queries import find_duplicates

__all__ = ["DuplicateNewcomer", "EnrolmentError", "TrajectoryError"]

S = Enrolment.Status
NEWCOMER_FIELDS = {
    "first_name", "last_name", "email", "phone", "municipality", "languages",
    "preferred_language", "dutch_level", "birth_year", "gender", "obliged",
    "working_or_studying", "obligation_start", "counsellor", "coach", "interests", "goals",
}  # fmt: skip
INTAKE_FIELDS = {
    "held_on", "talents", "availability", "mobility", "max_km", "childcare_needed",
    "cost_barrier", "confidence_barrier", "language_barrier", "notes", "own_words",
}  # fmt: skip


def offer_hours() -> int:
    """How long an offered place stays reserved before it goes to the next in line."""
    return int(getattr(settings, "PNT_OFFER_HOURS", 72))


# --- intake --------------------------------------------------------------------------------


def register_newcomer(
    *,
    by,
    details: dict,
    answers: dict | None = None,
    deadline: dt.date | None = None,
    allow_duplicate: bool = False,
    via: str = "web",
) -> Newcomer:
    """Create a newcomer with the intake record and an open trajectory (status *searching*).

    Raises :class:`DuplicateNewcomer` when a record with the same name, birth year and
    municipality, or the same e-mail, exists — unless ``allow_duplicate`` says the person
    doing the intake checked it is someone else.
    """
    _check_newcomer_details(details)
    if not allow_duplicate:
        matches = find_duplicates(
            first_name=details["first_name"],
            last_name=details["last_name"],
            birth_year=details.get("birth_year"),
            municipality_id=getattr(details.get("municipality"), "pk", None),
            email=details.get("email", ""),
        )
        if matches:
            raise DuplicateNewcomer(
                _("This person may already be on record. Check the matches below."), matches
            )
    with transaction.atomic():
        newcomer = Newcomer.objects.create(
            **{k: v for k, v in details.items() if k in NEWCOMER_FIELDS}
        )
        Intake.objects.create(
            newcomer=newcomer,
            held_by=by,
            **{k: v for k, v in (answers or {}).items() if k in INTAKE_FIELDS},
        )
        Trajectory.objects.create(
            newcomer=newcomer,
            status=Trajectory.Status.SEARCHING,
            compulsory=newcomer.pnt_compulsory,
            deadline=deadline,
        )
        record_access(user=by, action="create", obj=newcomer, via=via, detail="intake")
    return newcomer


def update_intake(
    *, newcomer: Newcomer, by, details: dict, answers: dict, via: str = "web"
) -> Newcomer:
    """Change the newcomer's details and intake answers; the trajectory's compulsory flag
    follows the obligation status."""
    _check_newcomer_details(details)
    with transaction.atomic():
        for key, value in details.items():
            if key in NEWCOMER_FIELDS and key != "municipality":
                setattr(newcomer, key, value)
        newcomer.save()
        intake, _created = Intake.objects.get_or_create(newcomer=newcomer)
        for key, value in answers.items():
            if key in INTAKE_FIELDS:
                setattr(intake, key, value)
        intake.held_by = intake.held_by or by
        intake.save()
        Trajectory.objects.filter(newcomer=newcomer).update(compulsory=newcomer.pnt_compulsory)
        record_access(user=by, action="change", obj=newcomer, via=via, detail="intake")
    return newcomer


def _check_newcomer_details(details: dict) -> None:
    year = details.get("birth_year")
    this_year = timezone.localdate().year
    if year is not None and not (this_year - 110 <= year <= this_year):
        raise TrajectoryError(_("The birth year %(year)s is not possible.") % {"year": year})
    start = details.get("obligation_start")
    if start is not None and start > timezone.localdate() + dt.timedelta(days=366):
        raise TrajectoryError(_("The start of the obligation lies too far in the future."))


def move_newcomer(
    *, newcomer: Newcomer, to_municipality, moved_on: dt.date, by, note: str = ""
) -> Move:
    """Hand the newcomer over to another municipality: the record and its history follow,
    the old area's staff lose access (scopes read the current municipality), and a coach
    whose region does not cover the new municipality is released."""
    if to_municipality.pk == newcomer.municipality_id:
        raise TrajectoryError(_("The newcomer already lives in %(m)s.") % {"m": to_municipality})
    if moved_on > timezone.localdate() + dt.timedelta(days=90):
        raise TrajectoryError(_("A move can be recorded at most 90 days ahead."))
    with transaction.atomic():
        newcomer = Newcomer.objects.select_for_update().get(pk=newcomer.pk)
        move = Move.objects.create(
            newcomer=newcomer,
            moved_on=moved_on,
            from_municipality_id=newcomer.municipality_id,
            to_municipality=to_municipality,
            previous_coach_id=newcomer.coach_id,
            recorded_by=by,
            note=note,
        )
        newcomer.municipality = to_municipality
        if newcomer.coach_id and not _coach_covers(newcomer.coach_id, to_municipality):
            newcomer.coach = None
        newcomer.save(update_fields=["municipality", "coach"])
        if not to_municipality.regions.exists():
            # Outside every regional network: no one here follows the trajectory any more.
            Trajectory.objects.filter(
                newcomer=newcomer, status__in=_open_trajectory_states()
            ).update(status=Trajectory.Status.MOVED)
        record_access(user=by, action="change", obj=newcomer, detail="moved")
    return move


def _coach_covers(coach_id: int, municipality) -> bool:
    from pnt.accounts.models import Membership, Role

    return Membership.objects.filter(
        user_id=coach_id, role=Role.COACH, region__municipalities=municipality
    ).exists()


def _open_trajectory_states() -> list[str]:
    return [Trajectory.Status.INTAKE, Trajectory.Status.SEARCHING, Trajectory.Status.ACTIVE]


def add_note(*, newcomer: Newcomer, author, text: str) -> CoachNote:
    """Add a note to the newcomer's file, signed with the author and the time."""
    text = text.strip()
    if not text:
        raise TrajectoryError(_("A note cannot be empty."))
    return CoachNote.objects.create(newcomer=newcomer, author=author, text=text[:5000])


def plan_next_action(*, trajectory: Trajectory, text: str, on: dt.date | None, by) -> Trajectory:
    """Set what happens next in the trajectory, and when."""
    trajectory.next_action = text.strip()[:200]
    trajectory.next_action_on = on
    trajectory.save(update_fields=["next_action", "next_action_on"])
    return trajectory


def stop_trajectory(*, trajectory: Trajectory, by, on: dt.date | None = None) -> Trajectory:
    """Stop an open trajectory; the ledger and enrolments stay for the record."""
    if trajectory.status not in _open_trajectory_states():
        raise TrajectoryError(_("Only an open trajectory can be stopped."))
    trajectory.status = Trajectory.Status.STOPPED
    trajectory.stopped_on = on or timezone.localdate()
    trajectory.save(update_fields=["status", "stopped_on"])
    return trajectory


# --- enrolment -----------------------------------------------------------------------------


def request_enrolment(*, newcomer: Newcomer, activity: Activity, by=None) -> Enrolment:
    """Ask for a place: the enrolment starts as *requested*.

    Raises :class:`EnrolmentError` when the newcomer already has an open enrolment in the
    activity or the activity takes no requests.
    """
    if activity.status not in (Activity.Status.PUBLISHED, Activity.Status.FULL):
        raise EnrolmentError(_("This activity does not take requests at the moment."))
    trajectory = getattr(newcomer, "trajectory", None)
    if trajectory is not None and trajectory.status not in _open_trajectory_states():
        raise EnrolmentError(_("The trajectory is closed; reopen it before enrolling."))
    compulsory = trajectory.compulsory if trajectory else newcomer.pnt_compulsory
    try:
        with transaction.atomic():
            return Enrolment.objects.create(
                newcomer=newcomer,
                activity=activity,
                requested_by=by if getattr(by, "is_authenticated", False) else None,
                priority=0 if compulsory else 1,
            )
    except IntegrityError:
        raise EnrolmentError(
            _("%(name)s is already enrolled in %(activity)s.")
            % {"name": newcomer.first_name, "activity": activity.title}
        ) from None


def confirm_enrolment(*, enrolment: Enrolment, by=None) -> Enrolment:
    """Give the requested place, or put the request on the waiting list when the activity
    is full (or others already wait). Never exceeds capacity, also under concurrent calls:
    the activity row is locked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite serialises
    writers by its IMMEDIATE transactions)."""
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=enrolment.activity_id)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status in (S.CONFIRMED, S.ATTENDING):
            raise EnrolmentError(_("This place is already confirmed."))
        if enrolment.status not in (S.REQUESTED, S.WAITING):
            raise EnrolmentError(
                _("An enrolment that is %(status)s cannot be confirmed.")
                % {"status": enrolment.get_status_display()}
            )
        holders = Enrolment.objects.filter(activity=activity, status__in=Enrolment.HOLDS_PLACE)
        ahead = Enrolment.objects.filter(activity=activity, status=S.WAITING).exclude(
            pk=enrolment.pk
        )
        if enrolment.status == S.WAITING:
            ahead = ahead.filter(_ahead_of(enrolment))
        now = timezone.now()
        if holders.count() < activity.capacity and not ahead.exists():
            enrolment.status = S.CONFIRMED
            enrolment.confirmed_at = now
            enrolment.save(update_fields=["status", "confirmed_at"])
            notifications.enrolment_confirmed(enrolment)
        elif enrolment.status == S.REQUESTED:
            enrolment.status = S.WAITING
            enrolment.waiting_since = now
            enrolment.save(update_fields=["status", "waiting_since"])
            notifications.enrolment_waiting(enrolment)
        else:
            raise EnrolmentError(_("There is no free place yet; the request stays waiting."))
    return enrolment


def _ahead_of(enrolment: Enrolment):
    from django.db.models import Q

    since = enrolment.waiting_since or enrolment.requested_at
    return Q(priority__lt=enrolment.priority) | Q(
        priority=enrolment.priority, waiting_since__lt=since
    )


def waiting_list(activity: Activity):
    """The waiting list in the order places are offered: compulsory first, then the
    longest wait."""
    return Enrolment.objects.filter(activity=activity, status=S.WAITING).order_by(
        "priority", "waiting_since", "pk"
    )


def _offer_free_places(activity: Activity) -> list[Enrolment]:
    """Offer every free place to the next on the waiting list. Call with the activity
    row locked."""
    free = (
        activity.capacity
        - Enrolment.objects.filter(activity=activity, status__in=Enrolment.HOLDS_PLACE).count()
    )
    offered = []
    if free <= 0:
        return offered
    now = timezone.now()
    for enrolment in waiting_list(activity).select_for_update()[:free]:
        enrolment.status = S.OFFERED
        enrolment.offered_at = now
        enrolment.offer_expires_at = now + dt.timedelta(hours=offer_hours())
        enrolment.save(update_fields=["status", "offered_at", "offer_expires_at"])
        notifications.place_offered(enrolment)
        offered.append(enrolment)
    return offered


def _close(enrolment: Enrolment, status: str, reason: str = "") -> Enrolment:
    enrolment.status = status
    enrolment.closed_at = timezone.now()
    enrolment.close_reason = reason[:200]
    enrolment.save(update_fields=["status", "closed_at", "close_reason"])
    return enrolment


def _change(enrolment: Enrolment, allowed: Sequence[str], message: str):
    """Lock the activity and the enrolment; check the enrolment is in an allowed state."""
    activity = Activity.objects.select_for_update().get(pk=enrolment.activity_id)
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if locked.status not in allowed:
        raise EnrolmentError(message % {"status": locked.get_status_display()})
    return activity, locked


def cancel_enrolment(*, enrolment: Enrolment, by=None, reason: str = "") -> Enrolment:
    """Cancel an open enrolment; a place it held goes to the next on the waiting list."""
    with transaction.atomic():
        activity, enrolment = _change(
            enrolment, Enrolment.OPEN, _("An enrolment that is %(status)s cannot be cancelled.")
        )
        _close(enrolment, S.CANCELLED, reason)
        _offer_free_places(activity)
    return enrolment


def accept_offer(*, enrolment: Enrolment, by=None) -> Enrolment:
    """Take an offered place before the offer expires."""
    with transaction.atomic():
        _activity, enrolment = _change(
            enrolment, [S.OFFERED], _("There is no open offer (the enrolment is %(status)s).")
        )
        if enrolment.offer_expires_at and enrolment.offer_expires_at < timezone.now():
            raise EnrolmentError(_("This offer has expired."))
        enrolment.status = S.CONFIRMED
        enrolment.confirmed_at = timezone.now()
        enrolment.save(update_fields=["status", "confirmed_at"])
        notifications.enrolment_confirmed(enrolment)
    return enrolment


def decline_offer(*, enrolment: Enrolment, by=None) -> Enrolment:
    """Turn an offered place down; it goes to the next on the waiting list."""
    with transaction.atomic():
        activity, enrolment = _change(
            enrolment, [S.OFFERED], _("There is no open offer (the enrolment is %(status)s).")
        )
        _close(enrolment, S.CANCELLED, "offer declined")
        _offer_free_places(activity)
    return enrolment


def expire_offers(*, now: dt.datetime | None = None) -> int:
    """Close offers past their expiry and offer the places on; returns how many expired."""
    now = now or timezone.now()
    expired = 0
    ids = list(
        Enrolment.objects.filter(status=S.OFFERED, offer_expires_at__lt=now).values_list(
            "pk", flat=True
        )
    )
    for pk in ids:
        with transaction.atomic():
            enrolment = Enrolment.objects.get(pk=pk)
            activity = Activity.objects.select_for_update().get(pk=enrolment.activity_id)
            enrolment = Enrolment.objects.select_for_update().get(pk=pk)
            if enrolment.status != S.OFFERED:
                continue
            _close(enrolment, S.CANCELLED, "offer expired")
            _offer_free_places(activity)
            expired += 1
    return expired


def mark_no_show(*, enrolment: Enrolment, by=None) -> Enrolment:
    """The newcomer never came: the place is freed for the waiting list."""
    with transaction.atomic():
        activity, enrolment = _change(
            enrolment, [S.CONFIRMED], _("Only a confirmed place can be marked as not come.")
        )
        _close(enrolment, S.NO_SHOW)
        _offer_free_places(activity)
    return enrolment


def finish_enrolment(*, enrolment: Enrolment, by=None) -> Enrolment:
    """The newcomer completed the activity; the place is freed for the waiting list."""
    with transaction.atomic():
        activity, enrolment = _change(
            enrolment,
            [S.ATTENDING, S.CONFIRMED],
            _("An enrolment that is %(status)s cannot be finished."),
        )
        _close(enrolment, S.FINISHED)
        _offer_free_places(activity)
    return enrolment


# --- the hours ledger ------------------------------------------------------------------------


def add_session(
    *, activity: Activity, date: dt.date, start: dt.time, end: dt.time, by=None
) -> ActivitySession:
    """Add one session to an activity; the end must come after the start and the date lie
    within the activity's first and last day."""
    if end <= start:
        raise TrajectoryError(_("A session must end after it starts."))
    if activity.start_date and date < activity.start_date:
        raise TrajectoryError(_("The activity only starts on %(d)s.") % {"d": activity.start_date})
    if activity.end_date and date > activity.end_date:
        raise TrajectoryError(_("The activity ends on %(d)s.") % {"d": activity.end_date})
    try:
        with transaction.atomic():
            return ActivitySession.objects.create(
                activity=activity, date=date, start=start, end=end
            )
    except IntegrityError:
        raise TrajectoryError(_("There is already a session at that date and time.")) from None


def plan_weekly_sessions(*, activity: Activity, until: dt.date, by=None) -> int:
    """Create the weekly sessions of a weekly activity up to ``until`` (existing ones are
    kept); returns how many were added."""
    if activity.weekday is None or not (activity.start_time and activity.end_time):
        raise TrajectoryError(_("The activity has no weekly day and times."))
    day = activity.start_date or timezone.localdate()
    day += dt.timedelta(days=(activity.weekday - day.weekday()) % 7)
    last = min(until, activity.end_date) if activity.end_date else until
    existing = set(activity.sessions.values_list("date", flat=True))
    new = []
    while day <= last:
        if day not in existing:
            new.append(
                ActivitySession(
                    activity=activity, date=day, start=activity.start_time, end=activity.end_time
                )
            )
        day += dt.timedelta(days=7)
    ActivitySession.objects.bulk_create(new)
    return len(new)


@dataclass(frozen=True)
class Mark:
    """One line of an attendance sheet; ``hours`` None means the session's full length."""

    enrolment_id: int
    status: str
    hours: Decimal | None = None


MARKABLE = (S.CONFIRMED, S.ATTENDING, S.FINISHED)


def record_attendance(*, session: ActivitySession, marks: Sequence[Mark], by) -> list[Attendance]:
    """Record who was at a session. All lines are checked first; one bad line stores
    nothing. Hours default to the session's length and may not exceed it. Afterwards the
    newcomers' ledgers are recounted (start, completion at 40 hours)."""
    if session.date > timezone.localdate():
        raise TrajectoryError(
            _("Attendance can only be recorded once the session has taken place.")
        )
    length = session.length_hours
    enrolments = Enrolment.objects.select_related("newcomer").in_bulk(
        [m.enrolment_id for m in marks]
    )
    rows = []
    for mark in marks:
        enrolment = enrolments.get(mark.enrolment_id)
        if enrolment is None or enrolment.activity_id != session.activity_id:
            raise TrajectoryError(_("Attendance can only be recorded for people enrolled here."))
        if enrolment.status not in MARKABLE:
            raise TrajectoryError(
                _("%(name)s has no confirmed place in this activity.")
                % {"name": enrolment.newcomer.first_name}
            )
        rows.append((enrolment, mark.status, _checked_hours(mark, length)))
    with transaction.atomic():
        saved = []
        for enrolment, status, hours in rows:
            attendance, _created = Attendance.objects.update_or_create(
                session=session,
                enrolment=enrolment,
                defaults={
                    "status": status,
                    "hours": hours,
                    "recorded_by": by,
                    "recorded_at": timezone.now(),
                },
            )
            saved.append(attendance)
            if status == Attendance.Status.PRESENT and enrolment.status == S.CONFIRMED:
                Enrolment.objects.filter(pk=enrolment.pk).update(status=S.ATTENDING)
        # In id order: two sheets recounting the same people lock their trajectories in the
        # same order and cannot deadlock (found by the load test, bench/load).
        for newcomer_id in sorted({e.newcomer_id for e, _s, _h in rows}):
            recount_hours(newcomer_id=newcomer_id)
    return saved


def _checked_hours(mark: Mark, length: Decimal) -> Decimal:
    if mark.status not in Attendance.Status.values:
        raise TrajectoryError(_("Unknown attendance: %(s)s.") % {"s": mark.status})
    if mark.status != Attendance.Status.PRESENT:
        return Decimal("0")
    hours = length if mark.hours is None else Decimal(mark.hours)
    if hours < 0:
        raise TrajectoryError(_("Hours cannot be negative."))
    if hours > length:
        raise TrajectoryError(
            _("%(h)s hours is more than the session lasts (%(len)s hours).")
            % {"h": hours, "len": length}
        )
    return hours


def recount_hours(*, newcomer_id: int) -> Trajectory | None:
    """Bring the trajectory in step with the ledger: hours of eligible, validated
    activities only; the first attended hour starts the PNT; 40 hours complete it."""
    trajectory = Trajectory.objects.select_for_update().filter(newcomer_id=newcomer_id).first()
    # The quarter sums of the reports follow the ledger, under the same lock.
    quarter_hours.refresh_newcomer(newcomer_id)
    if trajectory is None:
        return None
    present = Attendance.objects.filter(
        enrolment__newcomer_id=newcomer_id, status=Attendance.Status.PRESENT, hours__gt=0
    )
    activity_ids = set(present.values_list("enrolment__activity_id", flat=True))
    counting = [a.pk for a in Activity.objects.filter(pk__in=activity_ids) if a.counts_for_pnt]
    by_day = (
        present.filter(enrolment__activity_id__in=counting)
        .values("session__date")
        .annotate(h=Sum("hours"))
        .order_by("session__date")
    )
    total, reached_on, days = Decimal("0"), None, [row["session__date"] for row in by_day]
    for row in by_day:
        total += row["h"]
        if reached_on is None and total >= PNT_HOURS:
            reached_on = row["session__date"]
    trajectory.hours = total
    trajectory.pnt_started_on = days[0] if days else None
    trajectory.last_attended_on = days[-1] if days else None
    if reached_on is not None:
        if trajectory.status != Trajectory.Status.COMPLETED:
            trajectory.status = Trajectory.Status.COMPLETED
        trajectory.completed_on = reached_on
    else:
        trajectory.completed_on = None
        not_started = (Trajectory.Status.INTAKE, Trajectory.Status.SEARCHING)
        if trajectory.status == Trajectory.Status.COMPLETED or (
            total > 0 and trajectory.status in not_started
        ):
            trajectory.status = (
                Trajectory.Status.ACTIVE if total > 0 else Trajectory.Status.SEARCHING
            )
    trajectory.save()
    return trajectory


def hours_by_activity(newcomer: Newcomer) -> list[dict]:
    """Hours per activity (present only) with first and last date and whether they count."""
    from django.db.models import Max, Min

    rows = (
        Attendance.objects.filter(enrolment__newcomer=newcomer, status=Attendance.Status.PRESENT)
        .values("enrolment__activity_id")
        .annotate(hours=Sum("hours"), first=Min("session__date"), last=Max("session__date"))
    )
    activities = Activity.objects.select_related("provider").in_bulk(
        [r["enrolment__activity_id"] for r in rows]
    )
    result = []
    for row in rows:
        activity = activities[row["enrolment__activity_id"]]
        result.append(
            {
                "activity": activity,
                "hours": row["hours"],
                "first": row["first"],
                "last": row["last"],
                "counts": activity.counts_for_pnt,
            }
        )
    return sorted(result, key=lambda r: r["first"])


# --- proof of participation ----------------------------------------------------------------


def request_proof(*, newcomer: Newcomer, activity: Activity, by) -> ParticipationProof:
    """Prepare the proof of participation with the hours and dates of the ledger and ask the
    provider to confirm it. When the hours changed since an earlier confirmation, that
    confirmation (and acceptance) lapses."""
    line = next((r for r in hours_by_activity(newcomer) if r["activity"].pk == activity.pk), None)
    if line is None or not line["hours"]:
        raise TrajectoryError(_("There are no attended hours in this activity yet."))
    with transaction.atomic():
        proof, created = ParticipationProof.objects.select_for_update().get_or_create(
            newcomer=newcomer, activity=activity
        )
        if not created and proof.hours == line["hours"] and proof.confirmed_at:
            return proof
        proof.hours, proof.first_date, proof.last_date = line["hours"], line["first"], line["last"]
        proof.requested_at = timezone.now()
        proof.confirmed_at = proof.accepted_at = None
        proof.confirmed_by = proof.accepted_by = None
        proof.confirmed_by_name = ""
        proof.save()
        notifications.proof_to_confirm(proof)
    return proof


def confirm_proof(
    *, proof: ParticipationProof, by, name: str = "", paper=None
) -> ParticipationProof:
    """The provider's contact confirms the participation: digitally with a name (the time
    is recorded) or by attaching a signed paper."""
    name = (name or (by.get_full_name() if by else "")).strip()
    if not name:
        raise TrajectoryError(_("Give the name of the person who confirms."))
    with transaction.atomic():
        proof = ParticipationProof.objects.select_for_update().get(pk=proof.pk)
        if proof.accepted_at:
            raise TrajectoryError(_("This proof has already been accepted."))
        proof.confirmed_by_name = name[:120]
        proof.confirmed_by = by
        proof.confirmed_at = timezone.now()
        if paper is not None:
            proof.signed_paper = paper
        proof.save()
    return proof


def accept_proof(*, proof: ParticipationProof, by) -> ParticipationProof:
    """The counsellor checked the confirmed proof and accepts it."""
    with transaction.atomic():
        proof = ParticipationProof.objects.select_for_update().get(pk=proof.pk)
        if not proof.confirmed_at:
            raise TrajectoryError(_("The provider has not confirmed this proof yet."))
        if proof.accepted_at:
            raise TrajectoryError(_("This proof has already been accepted."))
        proof.accepted_by = by
        proof.accepted_at = timezone.now()
        proof.save(update_fields=["accepted_by", "accepted_at"])
    return proof


def send_session_reminders(*, day: dt.date | None = None) -> int:
    """Queue a reminder for everyone whose first session is on ``day`` (tomorrow by
    default); each enrolment is reminded once."""
    day = day or timezone.localdate() + dt.timedelta(days=1)
    count = 0
    confirmed = Enrolment.objects.filter(
        status=S.CONFIRMED, activity__sessions__date=day
    ).select_related("newcomer", "activity")
    for enrolment in confirmed.distinct():
        first = enrolment.activity.sessions.order_by("date").values_list("date", flat=True)
        if first.first() == day or not enrolment.attendances.exists():
            with transaction.atomic():
                count += notifications.session_reminder(enrolment, day)
    return count
