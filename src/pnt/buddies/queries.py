"""Every read of the buddy project, scoped first (``visible_to(user)``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from pnt.accounts.scoping import scope_for
from pnt.buddies.models import (
    BuddyRequest,
    FollowUp,
    MatchingRound,
    Pair,
    Proposal,
    Volunteer,
)
from pnt.geo.models import Municipality, Region

V = Volunteer.Status


def regions(user) -> QuerySet[Region]:
    """Regions whose buddy project the user runs (coach or coordinator; admin: all)."""
    scope = scope_for(user)
    if scope.is_admin:
        return Region.objects.all()
    return Region.objects.filter(pk__in=scope.region_ids)


def volunteers(user) -> QuerySet[Volunteer]:
    return Volunteer.objects.visible_to(user).select_related("municipality")


def requests(user) -> QuerySet[BuddyRequest]:
    return BuddyRequest.objects.visible_to(user).select_related(
        "newcomer__municipality", "newcomer__trajectory"
    )


def rounds(user) -> QuerySet[MatchingRound]:
    return MatchingRound.objects.visible_to(user).select_related("region", "started_by")


def proposals(user) -> QuerySet[Proposal]:
    return Proposal.objects.visible_to(user).select_related(
        "round", "request__newcomer__municipality", "volunteer__municipality"
    )


def pairs(user) -> QuerySet[Pair]:
    return Pair.objects.visible_to(user).select_related(
        "newcomer__municipality", "newcomer__trajectory", "volunteer__municipality", "coach"
    )


def follow_ups(user) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(pair__in=Pair.objects.visible_to(user)).select_related(
        "pair__newcomer", "pair__volunteer"
    )


def with_free_places(qs: QuerySet[Volunteer]) -> QuerySet[Volunteer]:
    """Annotate ``live`` (pairs proposed or active) and ``free`` (places left)."""
    return qs.annotate(
        live=Count("pairs", filter=Q(pairs__status__in=Pair.LIVE), distinct=True)
    ).annotate(free=F("max_newcomers") - F("live"))


def waiting_list(user) -> QuerySet[BuddyRequest]:
    """Newcomers waiting for a buddy: compulsory trajectories first, then the longest wait."""
    return (
        requests(user)
        .filter(status=BuddyRequest.Status.WAITING)
        .order_by("priority", "requested_at")
    )


def free_volunteers(user) -> QuerySet[Volunteer]:
    """Volunteers with a free place, the longest waiting first."""
    return (
        with_free_places(volunteers(user).filter(status__in=[V.AVAILABLE, V.PAIRED]))
        .filter(free__gt=0)
        .order_by("status_changed_at")
    )


def days_since(moment: dt.datetime | None, today: dt.date | None = None) -> int | None:
    if moment is None:
        return None
    return ((today or timezone.localdate()) - timezone.localdate(moment)).days


def pair_counts(user) -> dict[str, int]:
    rows = Pair.objects.visible_to(user).values("status").annotate(n=Count("pk", distinct=True))
    counts = {status: 0 for status in Pair.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def due_follow_ups(user, *, today: dt.date | None = None) -> QuerySet[FollowUp]:
    today = today or timezone.localdate()
    return (
        follow_ups(user)
        .filter(done_on__isnull=True, due_on__lte=today, pair__status=Pair.Status.ACTIVE)
        .order_by("due_on")
    )


@dataclass(frozen=True)
class Shortage:
    municipality: Municipality
    waiting: int
    free_places: int

    @property
    def shortage(self) -> int:
        """Newcomers who cannot get a buddy from their own municipality (0 when enough)."""
        return max(0, self.waiting - self.free_places)


def _count(qs, group: str, value) -> Coalesce:
    return Coalesce(
        Subquery(qs.values(group).annotate(v=value).values("v")[:1], output_field=IntegerField()),
        Value(0),
    )


def shortage_by_municipality(region: Region) -> list[Shortage]:
    """Per municipality of the region: newcomers waiting for a buddy against free volunteer
    places. Aggregated in SQL; the coverage map of the offer reuses it."""
    here = OuterRef("pk")
    waiting = BuddyRequest.objects.filter(
        status=BuddyRequest.Status.WAITING, newcomer__municipality=here
    )
    active_volunteers = Volunteer.objects.filter(
        status__in=[V.AVAILABLE, V.PAIRED], municipality=here
    )
    live = Pair.objects.filter(
        status__in=Pair.LIVE,
        volunteer__status__in=[V.AVAILABLE, V.PAIRED],
        volunteer__municipality=here,
    )
    rows = (
        region.municipalities.all()
        .annotate(
            waiting=_count(waiting, "newcomer__municipality", Count("pk")),
            places=_count(active_volunteers, "municipality", Sum("max_newcomers")),
            taken=_count(live, "volunteer__municipality", Count("pk")),
        )
        .order_by("name_nl")
    )
    return [Shortage(m, m.waiting, max(0, m.places - m.taken)) for m in rows]
