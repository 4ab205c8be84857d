"""Requests for a place sent through the public catalogue, some new, some handled."""

from __future__ import annotations

import datetime as dt

from pnt.offer.models import Activity
from pnt.placerequests.models import PlaceRequest
from pnt.web.demo.names import ORIGINS
from pnt.web.demo.world import World

MESSAGES = (
    "",
    "Ik wil graag Nederlands oefenen.",
    "Kan ik met mijn kinderen komen?",
    "Ik werk 's morgens, liefst 's avonds.",
    "",
)


def build_requests(world: World, count: int = 14) -> int:
    """`count` requests for published activities of the region's largest municipalities."""
    region = world.regions.get("rivierenland")
    if region is None:
        return 0
    activities = list(
        Activity.objects.filter(
            status=Activity.Status.PUBLISHED, municipality__regions=region
        ).order_by("pk")[:200]
    )
    if not activities:
        return 0
    rows = []
    for i in range(count):
        origin = world.pick(ORIGINS, [o.weight for o in ORIGINS])
        activity = world.pick(activities)
        sent = world.moment(world.today - dt.timedelta(days=world.rng.randint(0, 20)))
        first_name = world.pick(origin.women + origin.men)
        handled = i % 3 == 0
        rows.append(
            PlaceRequest(
                activity=activity,
                first_name=first_name,
                email=f"{first_name.lower()}.{world.serial()}@example.org"
                if world.chance(0.6)
                else "",
                phone="" if i % 5 else f"0470 {world.rng.randint(10, 99)} {i:02d} 00",
                municipality=activity.municipality,
                language=origin.preferred_language,
                message=world.pick(MESSAGES),
                consent_at=sent,
                created_at=sent,
                status=PlaceRequest.Status.HANDLED if handled else PlaceRequest.Status.NEW,
                handled_by_id=world.staff.coaches.get(region.slug) if handled else None,
                handled_at=sent + dt.timedelta(days=2) if handled else None,
            )
        )
    for row in rows:
        if not row.email and not row.phone:
            row.phone = "0470 12 34 56"
    world.save(PlaceRequest, rows, "requests for a place")
    return len(rows)
