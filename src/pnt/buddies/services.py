"""Every write of the buddy project: sign-up, intake, requests, rounds, pairs, meetings,
follow-up and evaluation.

Each function is keyword-only, runs in one transaction and raises :class:`BuddyError` whose
message is fit to show. Faces (views, API, commands, tasks) check who may act; these
functions check the rules of the buddy project.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.buddies import adapter, ledger
from pnt.buddies.errors import BuddyError
from pnt.buddies.models import (
    FOLLOW_UP_DAYS,
    PAIR_MONTHS,
    BuddyRequest,
    Evaluation,
    FollowUp,
    MatchingRound,
    Meeting,
    Pair,
    Proposal,
    Volunteer,
)
from pnt.offer.vocabulary import DutchLevel
from pnt.trajectories.models import Newcomer, Trajectory

__all__ = ["BuddyError"]

V = Volunteer.Status
ADULT_AGE = 18
CLOSED_TRAJECTORY = (
    Trajectory.Status.COMPLETED,
    Trajectory.Status.STOPPED,
    Trajectory.Status.MOVED,
)
INTAKE_FIELDS = {
    "first_name", "last_name", "email", "phone", "municipality", "languages", "interests",
    "availability", "max_travel_km", "max_newcomers", "birth_year", "age_group", "gender",
    "same_gender_only", "motivation", "notes",
}  # fmt: skip


# --- volunteers ----------------------------------------------------------------------------


def sign_up_volunteer(*, consent: bool, **details) -> Volunteer:
    """A resident signs up on the public form: a *candidate*, with the moment of consent."""
    if not consent:
        raise BuddyError(_("We can only register you if you agree that we keep your details."))
    unknown = set(details) - INTAKE_FIELDS
    if unknown:
        raise BuddyError(_("Unknown details: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    now = timezone.now()
    from pnt.privacy.consent import record_consent  # the proof of consent (pnt.privacy)

    with transaction.atomic():
        volunteer = Volunteer.objects.create(
            **details, status=V.CANDIDATE, consent_at=now, created_at=now, status_changed_at=now
        )
        record_consent(subject=volunteer, purpose="buddy_volunteer", given_at=now, source="sign-up")
    return volunteer


def screen_volunteer(*, volunteer: Volunteer, by, **details) -> Volunteer:
    """The coach's intake: update the profile; a candidate becomes *screened*."""
    unknown = set(details) - INTAKE_FIELDS
    if unknown:
        raise BuddyError(_("Unknown details: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    if details.get("same_gender_only") and not details.get("gender", volunteer.gender):
        raise BuddyError(_("Fill in the gender to match only with the same gender."))
    with transaction.atomic():
        volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
        for name, value in details.items():
            setattr(volunteer, name, value)
        volunteer.screened_by = by
        volunteer.screened_at = timezone.now()
        if volunteer.status == V.CANDIDATE:
            _set_status(volunteer, V.SCREENED)
        volunteer.save()
        record_access(user=by, action="change", obj=volunteer, detail="intake")
    return volunteer


def change_volunteer_status(*, volunteer: Volunteer, status: str, by) -> Volunteer:
    """Move a volunteer along: candidate → screened → available ⇄ paused → stopped.
    *Paired* follows from the pairs and is never set by hand."""
    with transaction.atomic():
        volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
        if status == V.PAIRED or status not in Volunteer.TRANSITIONS.get(volunteer.status, ()):
            raise BuddyError(
                _("A volunteer who is %(now)s cannot become %(next)s.")
                % {"now": volunteer.get_status_display(), "next": V(status).label}
                if status in V.values
                else _("Unknown status.")
            )
        if status == V.AVAILABLE and volunteer.screened_at is None:
            raise BuddyError(
                _("Hold the intake conversation before making the volunteer available.")
            )
        if status == V.STOPPED and live_pairs(volunteer):
            raise BuddyError(_("End the volunteer's pairs before stopping."))
        if status == V.AVAILABLE and free_places(volunteer) == 0:
            status = V.PAIRED
        _set_status(volunteer, status)
        volunteer.save()
        record_access(user=by, action="change", obj=volunteer, detail=f"status {status}")
    return volunteer


def _set_status(volunteer: Volunteer, status: str) -> None:
    if volunteer.status != status:
        volunteer.status = status
        volunteer.status_changed_at = timezone.now()


def live_pairs(volunteer: Volunteer) -> int:
    return Pair.objects.filter(volunteer=volunteer, status__in=Pair.LIVE).count()


def free_places(volunteer: Volunteer) -> int:
    return max(0, volunteer.max_newcomers - live_pairs(volunteer))


def _sync_volunteer(volunteer_id: int) -> None:
    """*Available* with a free place, *paired* when full (paused or stopped stay so)."""
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer_id)
    if volunteer.status not in (V.AVAILABLE, V.PAIRED):
        return
    _set_status(volunteer, V.AVAILABLE if free_places(volunteer) else V.PAIRED)
    volunteer.save(update_fields=["status", "status_changed_at"])


# --- newcomers ask for a buddy -------------------------------------------------------------


def check_buddy_conditions(newcomer: Newcomer, *, today: dt.date | None = None) -> list[str]:
    """The conditions of the buddy project the newcomer does not meet (empty when all met)."""
    today = today or timezone.localdate()
    problems = []
    trajectory = getattr(newcomer, "trajectory", None)
    if trajectory is None or trajectory.status in CLOSED_TRAJECTORY:
        problems.append(_("A buddy is asked from an open trajectory."))
    if newcomer.birth_year is None:
        problems.append(_("Fill in the birth year: a buddy is for adults."))
    elif today.year - newcomer.birth_year < ADULT_AGE:
        problems.append(_("A buddy is for adults (18 or older)."))
    if newcomer.dutch_level < DutchLevel.A1:
        problems.append(
            _("A buddy needs basic Dutch. Suggest a conversation table first, then ask again.")
        )
    if ledger.region_of(newcomer) is None:
        problems.append(_("The buddy project is for people living in the region."))
    return problems


def request_buddy(
    *,
    newcomer: Newcomer,
    by,
    commits_six_months: bool,
    interests: Sequence[str] | None = None,
    availability: Sequence[str] | None = None,
    max_km: int | None = None,
    same_gender_only: bool = False,
    note: str = "",
) -> BuddyRequest:
    """The newcomer opts in to the buddy project. Checks the conditions (adult, basic
    Dutch, living in the region, six months); compulsory trajectories go first."""
    problems = check_buddy_conditions(newcomer)
    if not commits_six_months:
        problems.append(_("A buddy pair meets for six months; the newcomer must agree to that."))
    if same_gender_only and not adapter.gender_of(newcomer.gender):
        problems.append(_("Fill in the gender to match only with the same gender."))
    if problems:
        raise BuddyError(" ".join(problems))
    intake = getattr(newcomer, "intake", None)
    trajectory = newcomer.trajectory
    try:
        with transaction.atomic():
            request = BuddyRequest.objects.create(
                newcomer=newcomer,
                priority=0 if trajectory.compulsory else 1,
                interests=list(interests if interests is not None else _interests_of(newcomer)),
                availability=list(
                    availability
                    if availability is not None
                    else (intake.availability if intake else [])
                ),
                max_km=max_km if max_km is not None else (intake.max_km if intake else 10),
                same_gender_only=same_gender_only,
                commits_six_months=True,
                note=note,
                requested_by=by if getattr(by, "is_authenticated", False) else None,
            )
            record_access(user=by, action="create", obj=request)
    except IntegrityError:
        raise BuddyError(
            _("%(name)s already asked for a buddy.") % {"name": newcomer.first_name}
        ) from None
    return request


def _interests_of(newcomer: Newcomer) -> list[str]:
    intake = getattr(newcomer, "intake", None)
    talents = intake.talents if intake else []
    return sorted(set(newcomer.interests) | set(talents))


def withdraw_buddy_request(*, request: BuddyRequest, by) -> BuddyRequest:
    with transaction.atomic():
        request = BuddyRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != BuddyRequest.Status.WAITING:
            raise BuddyError(_("Only a request that is still waiting can be withdrawn."))
        request.status = BuddyRequest.Status.WITHDRAWN
        request.closed_at = timezone.now()
        request.save(update_fields=["status", "closed_at"])
        Proposal.objects.filter(request=request, status=Proposal.Status.OPEN).update(
            status=Proposal.Status.LAPSED
        )
    return request


# --- matching rounds -----------------------------------------------------------------------


def forbidden_pairs(newcomer_ids) -> set[tuple[int, int]]:
    """(newcomer, volunteer) pairs never to propose: ended badly, or rejected by a coach."""
    badly = Pair.objects.filter(newcomer_id__in=newcomer_ids, ended_badly=True).values_list(
        "newcomer_id", "volunteer_id"
    )
    rejected = Proposal.objects.filter(
        request__newcomer_id__in=newcomer_ids, status=Proposal.Status.REJECTED
    ).values_list("request__newcomer_id", "volunteer_id")
    return set(badly) | set(rejected)


def waiting_requests(region):
    return (
        BuddyRequest.objects.filter(
            status=BuddyRequest.Status.WAITING, newcomer__municipality__regions=region
        )
        .select_related("newcomer__municipality", "newcomer__trajectory")
        .order_by("priority", "requested_at", "pk")
        .distinct()
    )


def volunteers_with_places(region) -> list[tuple[Volunteer, int]]:
    volunteers = (
        Volunteer.objects.filter(status__in=[V.AVAILABLE, V.PAIRED], municipality__regions=region)
        .select_related("municipality")
        .annotate(live=Count("pairs", filter=Q(pairs__status__in=Pair.LIVE), distinct=True))
        .order_by("pk")
        .distinct()
    )
    return [(v, v.max_newcomers - v.live) for v in volunteers if v.max_newcomers > v.live]


def start_matching_round(*, region, by, parameters: dict | None = None) -> MatchingRound:
    """All waiting newcomers of the region against all volunteers with a free place: the
    core's optimal proposals, stored with their reasons. One open round per region."""
    with transaction.atomic():
        if MatchingRound.objects.filter(region=region, status=MatchingRound.Status.OPEN).exists():
            raise BuddyError(_("A round is still open: decide its proposals or close it first."))
        requests = list(waiting_requests(region))
        volunteers = volunteers_with_places(region)
        params = {**adapter.default_parameters(), **(parameters or {})}
        started = time.perf_counter()
        result = adapter.compute_round(
            requests,
            volunteers,
            forbidden=forbidden_pairs([r.newcomer_id for r in requests]),
            parameters=params,
        )
        round_ = MatchingRound.objects.create(
            region=region,
            started_by=by,
            parameters=params,
            newcomers_count=len(requests),
            volunteers_count=len(volunteers),
            places_count=sum(free for _v, free in volunteers),
            total_fit=result.total_fit,
            objective=result.objective,
            seconds=time.perf_counter() - started,
        )
        Proposal.objects.bulk_create(
            Proposal(
                round=round_,
                request_id=p.request_id,
                volunteer_id=p.volunteer_id,
                fit=p.fit,
                distance_km=p.km,
                reasons=p.reasons,
            )
            for p in result.proposals
        )
    return round_


def close_matching_round(*, round: MatchingRound, by) -> MatchingRound:  # noqa: A002
    """Close a round: proposals nobody decided lapse (the newcomers wait for the next)."""
    with transaction.atomic():
        round_ = MatchingRound.objects.select_for_update().get(pk=round.pk)
        if round_.status == MatchingRound.Status.CLOSED:
            raise BuddyError(_("This round is already closed."))
        round_.proposals.filter(status=Proposal.Status.OPEN).update(status=Proposal.Status.LAPSED)
        round_.status = MatchingRound.Status.CLOSED
        round_.closed_at = timezone.now()
        round_.save(update_fields=["status", "closed_at"])
    return round_


def _open_proposal(proposal: Proposal) -> Proposal:
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("round", "request")
        .get(pk=proposal.pk)
    )
    if (
        proposal.status != Proposal.Status.OPEN
        or proposal.round.status != MatchingRound.Status.OPEN
    ):
        raise BuddyError(_("This proposal has already been decided."))
    return proposal


def _decide(proposal: Proposal, status: str, by, reason: str = "") -> None:
    proposal.status = status
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.reject_reason = reason[:200]
    proposal.save(update_fields=["status", "decided_by", "decided_at", "reject_reason"])


def _maybe_close(round_: MatchingRound) -> None:
    if not round_.proposals.filter(status=Proposal.Status.OPEN).exists():
        round_.status = MatchingRound.Status.CLOSED
        round_.closed_at = timezone.now()
        round_.save(update_fields=["status", "closed_at"])


def accept_proposal(*, proposal: Proposal, by) -> Pair:
    """The coach accepts a proposal: the pair is *proposed* until both sides agree in the
    match conversation. Re-checks the volunteer's free place and the hard rules."""
    with transaction.atomic():
        proposal = _open_proposal(proposal)
        request = BuddyRequest.objects.select_for_update().get(pk=proposal.request_id)
        volunteer = Volunteer.objects.select_for_update().get(pk=proposal.volunteer_id)
        if request.status != BuddyRequest.Status.WAITING:
            raise BuddyError(_("This newcomer is no longer waiting for a buddy."))
        if volunteer.status not in (V.AVAILABLE, V.PAIRED) or free_places(volunteer) == 0:
            raise BuddyError(_("%(name)s has no free place any more.") % {"name": volunteer})
        _decide(proposal, Proposal.Status.ACCEPTED, by)
        request.status = BuddyRequest.Status.PROPOSED
        request.save(update_fields=["status"])
        pair = Pair.objects.create(
            newcomer_id=request.newcomer_id,
            volunteer=volunteer,
            request=request,
            proposal=proposal,
            coach=by,
        )
        _sync_volunteer(volunteer.pk)
        _maybe_close(proposal.round)
    return pair


def reject_proposal(*, proposal: Proposal, by, reason: str = "") -> Proposal:
    """The coach rejects a proposal; the two are not proposed to each other again."""
    with transaction.atomic():
        proposal = _open_proposal(proposal)
        _decide(proposal, Proposal.Status.REJECTED, by, reason)
        _maybe_close(proposal.round)
    return proposal


def swap_proposals(*, first: Proposal, second: Proposal, by) -> tuple[Proposal, Proposal]:
    """Exchange the volunteers of two open proposals of one round. Both new pairs must keep
    every hard rule; they get their own fit and reasons from the core."""
    with transaction.atomic():
        a, b = _open_proposal(first), _open_proposal(second)
        if a.round_id != b.round_id or a.pk == b.pk:
            raise BuddyError(_("Swap two different proposals of the same round."))
        forbidden = forbidden_pairs([a.request.newcomer_id, b.request.newcomer_id])
        new = []
        for proposal, volunteer_id in ((a, b.volunteer_id), (b, a.volunteer_id)):
            volunteer = Volunteer.objects.select_related("municipality").get(pk=volunteer_id)
            request = BuddyRequest.objects.select_related(
                "newcomer__municipality", "newcomer__trajectory"
            ).get(pk=proposal.request_id)
            scored = adapter.score_pair(
                request, volunteer, forbidden=forbidden, parameters=a.round.parameters
            )
            if scored is None:
                raise BuddyError(
                    _(
                        "%(newcomer)s and %(volunteer)s cannot be paired: "
                        "a firm rule forbids it, or they fit too poorly."
                    )
                    % {"newcomer": request.newcomer.first_name, "volunteer": volunteer.first_name}
                )
            new.append((proposal, scored))
        for proposal, _scored in new:
            _decide(proposal, Proposal.Status.LAPSED, by, "swapped")
        created = [
            Proposal.objects.create(
                round_id=proposal.round_id,
                request_id=s.request_id,
                volunteer_id=s.volunteer_id,
                fit=s.fit,
                distance_km=s.km,
                reasons=s.reasons,
                swapped_from=proposal,
            )
            for proposal, s in new
        ]
    return created[0], created[1]


# --- pairs ---------------------------------------------------------------------------------


def _pair_for_update(pair: Pair, *allowed: str) -> Pair:
    pair = (
        Pair.objects.select_for_update(of=("self",))
        .select_related("newcomer", "volunteer")
        .get(pk=pair.pk)
    )
    if pair.status not in allowed:
        raise BuddyError(
            _("This pair is %(status)s; that is not possible now.")
            % {"status": pair.get_status_display()}
        )
    return pair


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for dom in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, dom)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def record_match_conversation(
    *,
    pair: Pair,
    by,
    on: dt.date,
    note: str = "",
    newcomer_agrees: bool,
    volunteer_agrees: bool,
) -> tuple[Pair, str | None]:
    """The coach records the match conversation. When both agree the pair becomes *active*:
    follow-up contacts are planned, the newcomer gets a place in the buddy project (whose
    ledger counts the hours) and the volunteer's secret meeting link is made — returned
    once as the raw key. When one side does not agree the pair stops and the newcomer waits
    again."""
    if on > timezone.localdate():
        raise BuddyError(_("Record the conversation once it has taken place."))
    with transaction.atomic():
        pair = _pair_for_update(pair, Pair.Status.PROPOSED)
        pair.conversation_on, pair.conversation_note = on, note
        request = BuddyRequest.objects.select_for_update().get(pk=pair.request_id)
        if not (newcomer_agrees and volunteer_agrees):
            pair.status, pair.ended_on = Pair.Status.STOPPED, on
            pair.stop_reason = _("did not agree after the match conversation")
            pair.save()
            request.status = BuddyRequest.Status.WAITING
            request.save(update_fields=["status"])
            _sync_volunteer(pair.volunteer_id)
            return pair, None
        pair.status, pair.started_on = Pair.Status.ACTIVE, on
        pair.ends_on = _add_months(on, PAIR_MONTHS)
        key = pair.new_meeting_key()
        pair.enrolment = ledger.enrol(pair, by=by)
        pair.save()
        request.status = BuddyRequest.Status.PAIRED
        request.save(update_fields=["status"])
        FollowUp.objects.bulk_create(
            FollowUp(pair=pair, due_on=on + dt.timedelta(days=days)) for days in FOLLOW_UP_DAYS
        )
        record_access(user=by, action="change", obj=pair, detail="match conversation")
    return pair, key


def new_meeting_link(*, pair: Pair, by) -> str:
    """A new secret link for the volunteer; the old one stops working. Returns the key."""
    with transaction.atomic():
        pair = _pair_for_update(pair, Pair.Status.ACTIVE)
        key = pair.new_meeting_key()
        pair.save(update_fields=["meeting_key_hash"])
        record_access(user=by, action="change", obj=pair, detail="new meeting link")
    return key


def log_meeting(
    *, pair: Pair, date: dt.date, hours: Decimal, what: str, by=None, via: str = "coach"
) -> Meeting:
    """Log one meeting of an active pair; its hours go to the newcomer's ledger as the
    buddy activity. Not in the future, not before the pair started, 15 minutes to 12 hours."""
    hours = Decimal(hours)
    if date > timezone.localdate():
        raise BuddyError(_("A meeting can only be logged once it has taken place."))
    if not Decimal("0.25") <= hours <= Decimal("12"):
        raise BuddyError(_("A meeting lasts between a quarter of an hour and 12 hours."))
    if not what.strip():
        raise BuddyError(_("Write in a few words what you did."))
    with transaction.atomic():
        pair = _pair_for_update(pair, Pair.Status.ACTIVE)
        if pair.started_on and date < pair.started_on:
            raise BuddyError(_("This date is before the pair started."))
        meeting = Meeting.objects.create(
            pair=pair,
            date=date,
            hours=hours,
            what=what.strip()[:300],
            logged_via=via,
            logged_by=by if getattr(by, "is_authenticated", False) else None,
        )
        ledger.record_day(pair, date, by=by)
    return meeting


def delete_meeting(*, meeting: Meeting, by) -> None:
    """The coach removes a meeting logged by mistake; the ledger follows."""
    with transaction.atomic():
        pair = _pair_for_update(meeting.pair, *Pair.Status.values)
        day = meeting.date
        meeting.delete()
        ledger.record_day(pair, day, by=by)
        record_access(user=by, action="delete", obj=pair, detail=f"meeting {day}")


def record_follow_up(
    *, pair: Pair, by, on: dt.date, note: str, follow_up: FollowUp | None = None
) -> FollowUp:
    """A follow-up contact with the pair: the planned one given (or the first one due),
    else an extra contact."""
    if on > timezone.localdate():
        raise BuddyError(_("Record the contact once it has taken place."))
    with transaction.atomic():
        pair = _pair_for_update(
            pair, Pair.Status.ACTIVE, Pair.Status.COMPLETED, Pair.Status.STOPPED
        )
        planned = (
            follow_up or pair.follow_ups.filter(done_on__isnull=True).order_by("due_on").first()
        )
        if planned is None or planned.pair_id != pair.pk:
            planned = FollowUp(pair=pair, due_on=on)
        elif planned.done_on is not None:
            raise BuddyError(_("This follow-up contact has already been recorded."))
        planned.done_on, planned.done_by, planned.note = on, by, note
        planned.save()
    return planned


def end_pair(
    *,
    pair: Pair,
    by,
    on: dt.date,
    completed: bool,
    reason: str = "",
    ended_badly: bool = False,
) -> Pair:
    """End an active (or proposed) pair: *completed*, or *stopped early* with a reason.
    A pair that ended badly is never proposed again; the volunteer's place frees up."""
    if not completed and not reason.strip():
        raise BuddyError(_("Say why the pair stops early."))
    with transaction.atomic():
        pair = _pair_for_update(pair, *Pair.LIVE)
        if completed and pair.status != Pair.Status.ACTIVE:
            raise BuddyError(_("Only an active pair can be completed."))
        pair.status = Pair.Status.COMPLETED if completed else Pair.Status.STOPPED
        pair.ended_on, pair.stop_reason = on, reason.strip()[:200]
        pair.ended_badly = ended_badly
        # The link stays open for the volunteer's end questionnaire; it closes with it.
        pair.save()
        BuddyRequest.objects.filter(pk=pair.request_id).update(
            status=BuddyRequest.Status.DONE, closed_at=timezone.now()
        )
        FollowUp.objects.filter(pair=pair, done_on__isnull=True, due_on__gt=on).delete()
        ledger.finish(pair, by=by)
        _sync_volunteer(pair.volunteer_id)
        record_access(user=by, action="change", obj=pair, detail=f"ended {pair.status}")
    return pair


def record_evaluation(
    *,
    pair: Pair,
    side: str,
    helpful: int,
    enjoyed: int,
    keeps_in_touch: bool = False,
    comment: str = "",
    by=None,
) -> Evaluation:
    """One side's answers to the end questionnaire (once per side)."""
    if side not in Evaluation.Side.values:
        raise BuddyError(_("Unknown side."))
    if not (1 <= helpful <= 5 and 1 <= enjoyed <= 5):
        raise BuddyError(_("Give a score from 1 to 5."))
    if pair.status == Pair.Status.PROPOSED:
        raise BuddyError(_("The pair has not started yet."))
    try:
        with transaction.atomic():
            if side == Evaluation.Side.VOLUNTEER:
                Pair.objects.filter(pk=pair.pk).update(meeting_key_hash=None)
            return Evaluation.objects.create(
                pair=pair,
                side=side,
                helpful=helpful,
                enjoyed=enjoyed,
                keeps_in_touch=keeps_in_touch,
                comment=comment.strip(),
                recorded_by=by if getattr(by, "is_authenticated", False) else None,
            )
    except IntegrityError:
        raise BuddyError(_("This questionnaire has already been filled in.")) from None


# --- reminders -----------------------------------------------------------------------------


def due_follow_ups(*, today: dt.date | None = None):
    today = today or timezone.localdate()
    return FollowUp.objects.filter(
        done_on__isnull=True, due_on__lte=today, pair__status=Pair.Status.ACTIVE
    )


def remind_follow_ups(*, today: dt.date | None = None) -> int:
    """Send the coach one reminder for each follow-up contact that is due and not yet
    reminded. Idempotent: a follow-up is reminded once."""
    from pnt.buddies import notifications

    count = 0
    for follow_up_id in (
        due_follow_ups(today=today).filter(reminded_at__isnull=True).values_list("pk", flat=True)
    ):
        with transaction.atomic():
            follow_up = (
                FollowUp.objects.select_for_update(of=("self",))
                .select_related("pair__newcomer", "pair__volunteer", "pair__coach")
                .get(pk=follow_up_id)
            )
            if follow_up.reminded_at is not None:
                continue
            follow_up.reminded_at = timezone.now()
            follow_up.save(update_fields=["reminded_at"])
            count += notifications.follow_up_due(follow_up)
    return count
