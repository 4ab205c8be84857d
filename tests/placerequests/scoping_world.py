"""Requests for a place in the scoping matrix's world: one per activity municipality.

Zainab asks for Praattafel Aster (Mechelen), Wafa for Wandeling Berk (Putte), Oksana for
Koken Ceder (Turnhout, Kempen). Staff of the activity's area see a request; providers,
counsellors and users without a membership see none.
"""

from __future__ import annotations

SIGNED_IN = [
    "admin", "coordinator_rivierenland", "coach_rivierenland", "coach_kempen", "officer_putte",
    "officer_mechelen", "provider_staff_aster", "counsellor", "no_membership",
]  # fmt: skip

PLACE_REQUEST_SEES = {
    "place_request": {
        role: set(names)
        for role, names in {
            "admin": {"zainab", "wafa", "oksana"},
            "coordinator_rivierenland": {"zainab", "wafa"},
            "coach_rivierenland": {"zainab", "wafa"},
            "coach_kempen": {"oksana"},
            "officer_putte": {"wafa"},
            "officer_mechelen": {"zainab"},
            "provider_staff_aster": set(),
            "counsellor": set(),
            "no_membership": set(),
        }.items()
    }
}


def add_place_requests(world) -> None:
    from django.utils import timezone

    from pnt.placerequests.models import PlaceRequest

    activities = world.objects["activity"]
    for key, first_name, activity_key in [
        ("zainab", "Zainab", "praattafel_aster"),
        ("wafa", "Wafa", "wandeling_berk"),
        ("oksana", "Oksana", "koken_ceder"),
    ]:
        activity = activities[activity_key]
        request = PlaceRequest.objects.create(
            activity=activity,
            first_name=first_name,
            email=f"{key}@example.org",
            municipality=activity.municipality,
            consent_at=timezone.now(),
        )
        world.add("place_request", key, request, first_name)
