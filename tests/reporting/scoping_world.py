"""Reporting's part of the scoping matrix's world (tests/scoping): which reports each role may
open. The registry entries are in `scoping_registry.py`.

Reports are about regions, municipalities and providers already in the small world: a
region's report for its coordinators and coaches and for the officers of its
municipalities; a municipality's for those whose area it is in; a provider's for its own
staff and for the staff of the area it sits in.
"""

from __future__ import annotations

SIGNED_IN = [
    "admin", "coordinator_rivierenland", "coach_rivierenland", "coach_kempen", "officer_putte",
    "officer_mechelen", "provider_staff_aster", "counsellor", "no_membership",
]  # fmt: skip


def _table(**sees: set[str]) -> dict[str, set[str]]:
    return {role: set(sees.get(role, set())) for role in SIGNED_IN}


REPORTING_SEES = {
    "report_region": _table(
        admin={"rivierenland", "kempen", "kruibeke_temse_zwijndrecht"},
        coordinator_rivierenland={"rivierenland"},
        coach_rivierenland={"rivierenland"},
        coach_kempen={"kempen"},
        officer_putte={"rivierenland"},
        officer_mechelen={"rivierenland"},
    ),  # fmt: skip
    "report_municipality": _table(
        admin={"mechelen", "putte", "turnhout"},
        coordinator_rivierenland={"mechelen", "putte"},
        coach_rivierenland={"mechelen", "putte"},
        coach_kempen={"turnhout"},
        officer_putte={"putte"},
        officer_mechelen={"mechelen"},
    ),  # fmt: skip
    "report_provider": _table(
        admin={"aster", "berk", "ceder", "den"},
        coordinator_rivierenland={"aster", "berk"},
        coach_rivierenland={"aster", "berk"},
        coach_kempen={"ceder", "den"},
        officer_putte={"berk"},
        officer_mechelen={"aster"},
        provider_staff_aster={"aster"},
    ),  # fmt: skip
}


def add_reporting(world) -> None:
    for key, region in world.objects["region"].items():
        world.add("report_region", key, region, region.name)
    for key, municipality in world.objects["municipality"].items():
        world.add("report_municipality", key, municipality, municipality.name_nl)
    for key in ("aster", "berk", "ceder", "den"):
        provider = world.objects["provider"][key]
        world.add("report_provider", key, provider, provider.name)
