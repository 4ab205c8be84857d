"""Where buddy meetings meet the newcomer's 40-hour ledger.

The region's buddy project is an activity of the offer (type *buddy*, by appointment). When
a pair starts, the newcomer gets a place in it through the trajectories' enrolment services;
each day with meetings becomes a session of that activity (the whole day, so pairs never
collide on a start time) and the pair's hours of that day are recorded as attendance with
``record_attendance``, which recounts the trajectory. The ledger stays the one truth.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from pnt.buddies.models import BuddyProject, Meeting, Pair
from pnt.geo.models import Region
from pnt.offer.models import Activity, Provider
from pnt.offer.vocabulary import ActivityType, DutchLevel
from pnt.trajectories import services as trajectories
from pnt.trajectories.models import ActivitySession, Enrolment

DAY_START, DAY_END = dt.time(0, 0), dt.time(23, 59)
# The buddy project never turns a newcomer away for want of places: volunteers are the limit.
UNLIMITED = 100_000


def region_of(newcomer) -> Region | None:
    """The regional network the newcomer lives in (the first, when several overlap)."""
    return Region.objects.filter(municipalities=newcomer.municipality_id).order_by("pk").first()


def buddy_activity(region: Region) -> Activity:
    """The region's buddy project activity, created (validated, published) on first use."""
    project = BuddyProject.objects.select_related("activity").filter(region=region).first()
    if project is not None:
        return project.activity
    provider, _created = Provider.objects.get_or_create(
        name=f"Buddywerking {region.name}",
        municipality=region.host,
        defaults={"kind": Provider.Kind.MUNICIPAL_SERVICE},
    )
    activity = Activity.objects.create(
        provider=provider,
        title=f"Buddywerking {region.name}",
        description="Een nieuwkomer en een vrijwilliger uit de buurt ontmoeten elkaar "
        "ongeveer twee keer per maand, zes maanden lang.",
        type=ActivityType.BUDDY,
        themes=[],
        goals=["meet_people", "learn_dutch", "make_friends"],
        dutch_level=DutchLevel.A1,
        municipality=region.host,
        schedule_kind=Activity.ScheduleKind.APPOINTMENT,
        hours_per_session=Decimal("2"),
        total_hours=Decimal("24"),
        capacity=UNLIMITED,
        status=Activity.Status.PUBLISHED,
        validated_at=timezone.now(),
    )
    BuddyProject.objects.create(region=region, activity=activity)
    return activity


def enrol(pair: Pair, *, by) -> Enrolment | None:
    """Give the newcomer a confirmed place in the buddy project (reusing an open one)."""
    region = region_of(pair.newcomer)
    if region is None:
        return None
    activity = buddy_activity(region)
    enrolment = Enrolment.objects.filter(
        newcomer=pair.newcomer, activity=activity, status__in=Enrolment.OPEN
    ).first()
    if enrolment is None:
        enrolment = trajectories.request_enrolment(newcomer=pair.newcomer, activity=activity, by=by)
    if enrolment.status in (Enrolment.Status.REQUESTED, Enrolment.Status.WAITING):
        enrolment = trajectories.confirm_enrolment(enrolment=enrolment, by=by)
    return enrolment


def record_day(pair: Pair, day: dt.date, *, by) -> None:
    """Write the pair's meeting hours of one day into the ledger (replacing what was there)."""
    if pair.enrolment_id is None:
        return
    enrolment = pair.enrolment
    session, _created = ActivitySession.objects.get_or_create(
        activity_id=enrolment.activity_id, date=day, start=DAY_START, defaults={"end": DAY_END}
    )
    hours = Meeting.objects.filter(pair=pair, date=day).aggregate(h=Sum("hours"))["h"]
    trajectories.record_attendance(
        session=session,
        marks=[trajectories.Mark(enrolment.pk, "present", hours or Decimal("0"))],
        by=by if getattr(by, "is_authenticated", False) else None,
    )


def finish(pair: Pair, *, by) -> None:
    """Close the newcomer's place in the buddy project when the pair ends."""
    if pair.enrolment_id is None:
        return
    enrolment = Enrolment.objects.get(pk=pair.enrolment_id)
    if enrolment.status in (Enrolment.Status.CONFIRMED, Enrolment.Status.ATTENDING):
        trajectories.finish_enrolment(enrolment=enrolment, by=by)


def buddy_hours_for(newcomer) -> Decimal:
    """All meeting hours of the newcomer's pairs (for reports; the ledger has the same)."""
    total = Meeting.objects.filter(pair__newcomer=newcomer).aggregate(h=Sum("hours"))["h"]
    return total or Decimal("0")
