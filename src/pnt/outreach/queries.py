"""Reads of outreach, scope first: follow-on records, newcomers whose follow-on is still to be
recorded, the check-ins, and the activities whose regular-offer marks a user may change."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from pnt.accounts.scoping import scope_for
from pnt.buddies.models import Pair
from pnt.geo.models import Region
from pnt.offer.coverage import coverage_regions
from pnt.offer.models import Activity
from pnt.outreach.models import CheckIn, FollowOn, RegularOffer
from pnt.trajectories.models import PNT_HOURS, Newcomer, Trajectory
from pnt.trajectories.queries import is_provider_only


def threshold() -> int:
    return int(getattr(settings, "PNT_SUPPRESSION_THRESHOLD", 5))


def staff_newcomers(user) -> QuerySet[Newcomer]:
    """Newcomers whose follow-on the user may record: anyone who sees their file, except
    provider staff (they see their participants, not their trajectory)."""
    if is_provider_only(user):
        return Newcomer.objects.none()
    return Newcomer.objects.visible_to(user)


def follow_ons(user) -> QuerySet[FollowOn]:
    return FollowOn.objects.filter(newcomer__in=staff_newcomers(user))


def check_ins(user) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(follow_on__in=follow_ons(user))


def completed_without_follow_on(user) -> QuerySet[Newcomer]:
    """Newcomers who reached the 40 hours and whose next step is not recorded yet."""
    recorded = FollowOn.objects.filter(newcomer=OuterRef("pk"), occasion="completed")
    return (
        staff_newcomers(user)
        .filter(
            Q(trajectory__status=Trajectory.Status.COMPLETED) | Q(trajectory__hours__gte=PNT_HOURS)
        )
        .filter(~Exists(recorded))
        .select_related("municipality", "trajectory")
        .defer("municipality__outline")
    )


def ended_pairs_without_follow_on(user) -> QuerySet[Pair]:
    recorded = FollowOn.objects.filter(pair=OuterRef("pk"))
    return (
        Pair.objects.filter(
            newcomer__in=staff_newcomers(user),
            status__in=[Pair.Status.COMPLETED, Pair.Status.STOPPED],
        )
        .filter(~Exists(recorded))
        .select_related("newcomer", "volunteer")
    )


def regular_offer_choices() -> QuerySet[Activity]:
    """Activities marked as regular offer that are published: what a follow-on points to."""
    return (
        Activity.objects.published()
        .filter(Exists(RegularOffer.objects.filter(activity=OuterRef("pk"))))
        .select_related("municipality")
        .order_by("title")
    )


def manageable_activities(user) -> QuerySet[Activity]:
    """Activities whose regular-offer marks the user may change (as in the offer app)."""
    return Activity.objects.manageable_by(user)


def figure_regions(user) -> list[Region]:
    """Regions whose follow-on and demand figures the user may see (like coverage)."""
    return list(coverage_regions(user).order_by("name"))


def chosen_region(user, slug: str | None) -> Region:
    """The region asked for among the user's regions (the first when none asked); 404
    when the user has none or asks for one outside them."""
    regions = figure_regions(user)
    if not regions:
        raise Http404
    if not slug:
        return regions[0]
    for region in regions:
        if region.slug == slug:
            return region
    raise Http404


def is_figure_viewer(user) -> bool:
    scope = scope_for(user)
    return scope.is_admin or bool(scope.region_ids or scope.officer_municipality_ids)
