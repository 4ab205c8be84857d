"""Outreach in the scoping matrix's world (tests/scoping): two follow-on records and an
information page with one version. The registry entries are in `scoping_registry.py`.

Yasmina (Mechelen, Rivierenland) and Chidinma (Turnhout, Kempen; the counsellor's) have a
recorded follow-on, each with its two check-ins. The page "zonnebloem" exists in Dutch only.
"""

from __future__ import annotations

SIGNED_IN = [
    "admin", "coordinator_rivierenland", "coach_rivierenland", "coach_kempen", "officer_putte",
    "officer_mechelen", "provider_staff_aster", "counsellor", "no_membership",
]  # fmt: skip
INFO_PAGE_SLUG = "zonnebloem"
EDITORS = {"admin", "coordinator_rivierenland"}


def _table(**sees: set[str]) -> dict[str, set[str]]:
    return {role: set(sees.get(role, set())) for role in SIGNED_IN}


OUTREACH_SEES = {
    # Whoever sees the newcomer's file (not provider staff) sees their follow-on.
    "follow_on": _table(
        admin={"doorstroom_yasmina", "doorstroom_chidinma"},
        coordinator_rivierenland={"doorstroom_yasmina"},
        coach_rivierenland={"doorstroom_yasmina"},
        officer_mechelen={"doorstroom_yasmina"},
        coach_kempen={"doorstroom_chidinma"},
        counsellor={"doorstroom_chidinma"},
    ),  # fmt: skip
    # Their check-ins (3 and 6 months): the same people may record an answer.
    "check_in": _table(
        admin={
            "check_in_yasmina_3",
            "check_in_yasmina_6",
            "check_in_chidinma_3",
            "check_in_chidinma_6",
        },
        coordinator_rivierenland={"check_in_yasmina_3", "check_in_yasmina_6"},
        coach_rivierenland={"check_in_yasmina_3", "check_in_yasmina_6"},
        officer_mechelen={"check_in_yasmina_3", "check_in_yasmina_6"},
        coach_kempen={"check_in_chidinma_3", "check_in_chidinma_6"},
        counsellor={"check_in_chidinma_3", "check_in_chidinma_6"},
    ),  # fmt: skip
    # Public pages: everybody reads them.
    "info_page": {role: {INFO_PAGE_SLUG} for role in [*SIGNED_IN, "anonymous"]},
    # Versions are published by coordinators (and administrators) only.
    "info_version": _table(**{role: {"zonnebloem_nl_1"} for role in EDITORS}),
}


def add_outreach(world) -> None:
    from pnt.outreach.models import FollowOn, InfoPage, InfoPageVersion
    from pnt.outreach.services import add_months

    newcomers = world.objects["newcomer"]
    for key, newcomer in [("doorstroom_yasmina", newcomers["yasmina"]),
                          ("doorstroom_chidinma", newcomers["chidinma"])]:  # fmt: skip
        follow_on = FollowOn.objects.create(
            newcomer=newcomer, occasion="completed", destination="club"
        )
        for months in (3, 6):
            check_in = follow_on.check_ins.create(
                months=months, due_on=add_months(follow_on.recorded_on, months)
            )
            name = key.removeprefix("doorstroom_")
            world.add("check_in", f"check_in_{name}_{months}", check_in, str(newcomer))
        world.add("follow_on", key, follow_on, str(newcomer))
    page = InfoPage.objects.create(slug=INFO_PAGE_SLUG, audience="newcomers", order=99)
    version = InfoPageVersion.objects.create(
        page=page, language="nl", number=1, title="Zonnebloem doet mee", body="Tekst.",
        is_published=True,
    )  # fmt: skip
    world.add("info_page", INFO_PAGE_SLUG, page, version.title)
    world.add("info_version", "zonnebloem_nl_1", version, version.title)
