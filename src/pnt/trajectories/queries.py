"""Reads of the trajectories: every query starts from what the user may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.utils import timezone

from pnt.accounts.scoping import scope_for
from pnt.offer.models import Activity
from pnt.trajectories.models import (
    PNT_HOURS,
    ActivitySession,
    Enrolment,
    Newcomer,
    ParticipationProof,
    Trajectory,
)

PLACE_STATES = [s.value for s in Enrolment.HOLDS_PLACE]
HAS_PLACE_STATES = PLACE_STATES + [Enrolment.Status.FINISHED.value]
WAITING_STATES = [
    Enrolment.Status.REQUESTED.value,
    Enrolment.Status.WAITING.value,
    Enrolment.Status.OFFERED.value,
]


def newcomers(user) -> QuerySet[Newcomer]:
    return Newcomer.objects.visible_to(user)


def is_provider_only(user) -> bool:
    """Provider staff without any other role see first names and their own lists only."""
    scope = scope_for(user)
    return bool(scope.provider_ids) and not (
        scope.is_admin or scope.area_municipality_ids or scope.is_counsellor
    )


def enrolments(user) -> QuerySet[Enrolment]:
    """Enrolments of visible newcomers; provider staff only those in their own offer."""
    qs = Enrolment.objects.filter(newcomer__in=newcomers(user))
    if is_provider_only(user):
        qs = qs.filter(activity__provider__in=scope_for(user).provider_ids)
    return qs


def activities_for_participants(user) -> QuerySet[Activity]:
    """Activities whose participant lists, sessions and attendance the user may manage:
    their organisation's, their area's (coaches, officers) or everything (admin)."""
    scope = scope_for(user)
    if scope.is_admin:
        return Activity.objects.all()
    q = Q(provider__in=scope.provider_ids)
    if scope.area_municipality_ids:
        q |= Q(municipality__in=scope.area_municipality_ids)
    return Activity.objects.filter(q)


def sessions(user) -> QuerySet[ActivitySession]:
    return ActivitySession.objects.filter(activity__in=activities_for_participants(user))


def proofs(user) -> QuerySet[ParticipationProof]:
    qs = ParticipationProof.objects.filter(newcomer__in=newcomers(user))
    if is_provider_only(user):
        qs = qs.filter(activity__provider__in=scope_for(user).provider_ids)
    return qs


def can_accept_proof(user, proof: ParticipationProof) -> bool:
    """The newcomer's counsellor (or an administrator) accepts proofs."""
    scope = scope_for(user)
    return scope.is_admin or (scope.is_counsellor and proof.newcomer.counsellor_id == user.pk)


def can_confirm_proof(user, proof: ParticipationProof) -> bool:
    """The provider's people confirm participation in their own activity."""
    scope = scope_for(user)
    return scope.is_admin or proof.activity.provider_id in scope.provider_ids


def enrolable_activities(user) -> QuerySet[Activity]:
    return (
        Activity.objects.visible_to(user)
        .published()
        .select_related("provider", "municipality")
        .order_by("title")
    )


def find_duplicates(
    *,
    first_name: str,
    last_name: str,
    birth_year: int | None,
    municipality_id: int | None,
    email: str = "",
    exclude_pk: int | None = None,
) -> list[Newcomer]:
    """Records that are probably the same person: same name, birth year and municipality,
    or the same e-mail address. Searches all records, not only the visible ones."""
    q = Q(pk__in=[])
    if birth_year and municipality_id:
        q |= Q(
            first_name__iexact=first_name.strip(),
            last_name__iexact=last_name.strip(),
            birth_year=birth_year,
            municipality_id=municipality_id,
        )
    if email:
        q |= Q(email__iexact=email.strip())
    qs = Newcomer.objects.filter(q).select_related("municipality")
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return list(qs[:10])


# --- the coach dashboard -------------------------------------------------------------------


@dataclass(frozen=True)
class StuckRules:
    """When a trajectory counts as stuck; the coach can change them in the filters."""

    no_activity_days: int = 30
    no_hours_weeks: int = 4
    deadline_days: int = 30


STUCK_KINDS = ["no_activity", "no_hours", "waiting_only", "deadline"]


def _flag(*conditions, **lookups) -> ExpressionWrapper:
    return ExpressionWrapper(Q(*conditions, **lookups), output_field=BooleanField())


def caseload(user, *, rules: StuckRules | None = None, today: dt.date | None = None):
    """Visible newcomers with their trajectory and the flags the dashboard shows.

    Everything is annotated in one query (no per-row lookups): hours come from the
    trajectory's ledger total, the flags from IN sub-queries on enrolments.
    """
    rules = rules or StuckRules()
    today = today or timezone.localdate()
    # Uncorrelated IN sub-queries: PostgreSQL hashes each once instead of probing per row.
    has_place = Q(pk__in=Enrolment.objects.filter(status__in=HAS_PLACE_STATES).values("newcomer"))
    waiting = Q(pk__in=Enrolment.objects.filter(status__in=WAITING_STATES).values("newcomer"))
    open_q = Q(
        trajectory__status__in=[
            Trajectory.Status.INTAKE,
            Trajectory.Status.SEARCHING,
            Trajectory.Status.ACTIVE,
        ]
    )
    return (
        newcomers(user)
        .filter(trajectory__isnull=False)
        .select_related("municipality", "trajectory")
        # The outline of the municipality is large and never shown here.
        .defer("municipality__outline")
        .annotate(has_place=_flag(has_place), is_waiting=_flag(waiting))
        .annotate(
            flag_no_activity=_flag(
                open_q,
                has_place=False,
                trajectory__opened_on__lt=today - dt.timedelta(days=rules.no_activity_days),
            ),
            flag_no_hours=_flag(
                open_q,
                Q(trajectory__last_attended_on__lt=today - dt.timedelta(weeks=rules.no_hours_weeks))
                | Q(
                    trajectory__last_attended_on__isnull=True,
                    has_place=True,
                    trajectory__opened_on__lt=today - dt.timedelta(weeks=rules.no_hours_weeks),
                ),
            ),
            flag_waiting_only=_flag(open_q, is_waiting=True, has_place=False),
            flag_deadline=_flag(
                open_q,
                trajectory__deadline__isnull=False,
                trajectory__deadline__lte=today + dt.timedelta(days=rules.deadline_days),
                trajectory__hours__lt=PNT_HOURS,
            ),
        )
    )


def filter_caseload(
    qs, *, stuck: str = "", status: str = "", mine_of=None, municipality=None, search: str = ""
):
    if stuck in STUCK_KINDS:
        qs = qs.filter(**{f"flag_{stuck}": True})
    if status:
        qs = qs.filter(trajectory__status=status)
    if mine_of is not None:
        qs = qs.filter(coach=mine_of)
    if municipality:
        qs = qs.filter(municipality_id=municipality)
    if search:
        for word in search.split()[:3]:
            qs = qs.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return qs


def stuck_counts(qs) -> dict[str, int]:
    """How many in the caseload are stuck, per kind: one aggregate query."""
    return qs.aggregate(
        **{kind: Count("pk", filter=Q(**{f"flag_{kind}": True})) for kind in STUCK_KINDS}
    )


def completed_trajectories(user) -> QuerySet[Trajectory]:
    return (
        Trajectory.objects.filter(newcomer__in=newcomers(user), status=Trajectory.Status.COMPLETED)
        .select_related("newcomer", "newcomer__municipality")
        .order_by("completed_on", "pk")
    )
