"""Requests for a place sent through the public catalogue, some new, some handled."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from pnt.offer.models import Activity
from pnt.placerequests.forms import PlaceRequestForm
from pnt.placerequests.models import PlaceRequest
from pnt.privacy.models import Consent
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
    saved = world.save(PlaceRequest, rows, "requests for a place")
    _consents(world, saved)
    return len(rows)


def _consents(world: World, requests: list[PlaceRequest]) -> None:
    """The proof of consent each sender gave by ticking the box, in their language."""
    label = PlaceRequestForm.base_fields["consent"].label
    rows = []
    for place_request in requests:
        with translation.override(place_request.language or "nl"):
            statement = str(label)
        rows.append(
            Consent(
                subject_type=PlaceRequest._meta.label_lower,
                subject_id=str(place_request.pk),
                purpose=Consent.Purpose.PUBLIC_REQUEST,
                statement=statement,
                given_at=place_request.consent_at,
                source="catalogue request",
            )
        )
    world.save(Consent, rows, "consents")
