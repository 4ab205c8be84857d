"""The offer's part of the scoping matrix's world (tests/scoping): who may change, validate,
export and import which activities. The registry entries are in `scoping_registry.py`.

In the small world, Aster (Mechelen) and Berk (Putte) are in Rivierenland; Ceder and Den
(Turnhout) in Kempen; Den has only a draft.
"""

from __future__ import annotations

SIGNED_IN = [
    "admin", "coordinator_rivierenland", "coach_rivierenland", "coach_kempen", "officer_putte",
    "officer_mechelen", "provider_staff_aster", "counsellor", "no_membership",
]  # fmt: skip
ALL = {
    "praattafel_aster", "ontwerp_aster", "wandeling_berk", "ontwerp_berk", "koken_ceder",
    "ontwerp_ceder", "ontwerp_den",
}  # fmt: skip
RIVIERENLAND = {"praattafel_aster", "ontwerp_aster", "wandeling_berk", "ontwerp_berk"}
ASTER = {"praattafel_aster", "ontwerp_aster"}
BERK = {"wandeling_berk", "ontwerp_berk"}


def _table(**sees: set[str]) -> dict[str, set[str]]:
    return {role: set(sees.get(role, set())) for role in SIGNED_IN}


OFFER_SEES = {
    # Change, publish, pause, duplicate: own organisation, own municipality, coordinator's
    # region. Coaches validate but do not edit providers' offer.
    "editable_activity": _table(
        admin=ALL,
        coordinator_rivierenland=RIVIERENLAND,
        officer_putte=BERK,
        officer_mechelen=ASTER,
        provider_staff_aster=ASTER,
    ),  # fmt: skip
    # Validation: coordinators and coaches of the region; never providers or officers.
    "validatable_activity": _table(
        admin=ALL,
        coordinator_rivierenland=RIVIERENLAND,
        coach_rivierenland=RIVIERENLAND,
        coach_kempen={"koken_ceder", "ontwerp_ceder", "ontwerp_den"},
    ),  # fmt: skip
    # Calendar feeds exist for organisations with published offer; they are public.
    "public_provider": {role: {"aster", "berk", "ceder"} for role in [*SIGNED_IN, "anonymous"]},
    # The helicopter view: one's regions; a municipal officer sees the region around them.
    "coverage_region": _table(
        admin={"rivierenland", "kempen", "kruibeke_temse_zwijndrecht"},
        coordinator_rivierenland={"rivierenland"},
        coach_rivierenland={"rivierenland"},
        coach_kempen={"kempen"},
        officer_putte={"rivierenland"},
        officer_mechelen={"rivierenland"},
    ),  # fmt: skip
}


def add_offer(world) -> None:
    for key, activity in world.objects["activity"].items():
        world.add("editable_activity", key, activity, activity.title)
        world.add("validatable_activity", key, activity, activity.title)
    for key in ("aster", "berk", "ceder", "den"):
        provider = world.objects["provider"][key]
        world.add("public_provider", key, provider, provider.name)
    for key, region in world.objects["region"].items():
        world.add("coverage_region", key, region, region.name)
