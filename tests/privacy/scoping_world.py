"""Data protection's part of the scoping matrix's world: the people a data subject request
can be about (newcomers and volunteers alike). Registry entries: `scoping_registry.py`."""

from __future__ import annotations

SIGNED_IN = [
    "admin", "coordinator_rivierenland", "coach_rivierenland", "coach_kempen", "officer_putte",
    "officer_mechelen", "provider_staff_aster", "counsellor", "no_membership",
]  # fmt: skip

# Yasmina (Mechelen), Bohdan (Putte) and Veerle (Mechelen) live in Rivierenland; Chidinma
# and Xander in Turnhout (Kempen). Only admins and a region's coordinator handle requests.
PRIVACY_SEES = {
    "data_subject": {
        role: (
            {"yasmina", "bohdan", "chidinma", "veerle", "xander"} if role == "admin"
            else {"yasmina", "bohdan", "veerle"} if role == "coordinator_rivierenland"
            else set()
        )
        for role in SIGNED_IN
    },
}  # fmt: skip


def add_privacy(world) -> None:
    for kind in ("newcomer", "volunteer"):
        for key, person in world.objects[kind].items():
            world.add("data_subject", key, person, world.labels[kind][key])
