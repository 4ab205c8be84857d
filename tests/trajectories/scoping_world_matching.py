"""The matching's part of the scoping world (tests/scoping): one allocation round per
network, each a preview with one assignment. Only the region's coordinators (and the
administrator) see a round; coaches, officers and everyone else get 404."""

from __future__ import annotations

from pnt.trajectories.models_allocation import AllocationAssignment, AllocationRound
from tests.factories import region

SIGNED_IN = [
    "admin", "coordinator_rivierenland", "coach_rivierenland", "coach_kempen", "officer_putte",
    "officer_mechelen", "provider_staff_aster", "counsellor", "no_membership",
]  # fmt: skip

MATCHING_SEES = {
    "allocation_round": {
        role: {
            "admin": {"ronde_rivierenland", "ronde_kempen"},
            "coordinator_rivierenland": {"ronde_rivierenland"},
        }.get(role, set())
        for role in SIGNED_IN
    },
}


def add_allocation_rounds(world) -> None:
    newcomers, activities = world.objects["newcomer"], world.objects["activity"]
    for key, slug, note, newcomer, activity in [
        ("ronde_rivierenland", "rivierenland", "Ronde Zomer Rivierenland",
         newcomers["yasmina"], activities["praattafel_aster"]),
        ("ronde_kempen", "kempen", "Ronde Herfst Kempen",
         newcomers["chidinma"], activities["koken_ceder"]),
    ]:  # fmt: skip
        round_ = AllocationRound.objects.create(
            region=region(slug), note=note, status=AllocationRound.Status.READY, progress=100
        )
        AllocationAssignment.objects.create(
            round=round_, newcomer=newcomer, activity=activity, fit=3.0
        )
        world.add("allocation_round", key, round_, note)


__all__ = ["MATCHING_SEES", "add_allocation_rounds"]
