"""The buddy project's part of the scoping matrix (tests/scoping): its objects in the small
world, who must see them, and one registry entry per buddy URL and API operation.

Rivierenland: Yasmina waits for a buddy, Bohdan and Veerle are a pair, a round proposes
Yasmina with Veerle. Kempen: Chidinma and Xander are a pair, a round proposes them too.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from pnt.buddies.models import BuddyRequest, MatchingRound, Pair, Proposal
from tests.factories import region

COACHES_OF = {
    "rivierenland": ("admin", "coordinator_rivierenland", "coach_rivierenland"),
    "kempen": ("admin", "coach_kempen"),
}
SIGNED_IN = [
    "admin", "coordinator_rivierenland", "coach_rivierenland", "coach_kempen", "officer_putte",
    "officer_mechelen", "provider_staff_aster", "counsellor", "no_membership",
]  # fmt: skip


def _sees(**keys_by_region: set[str]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {role: set() for role in SIGNED_IN}
    for region_slug, keys in keys_by_region.items():
        for role in COACHES_OF[region_slug]:
            table[role] |= keys
    return table


BUDDY_SEES = {
    "buddy_request": _sees(rivierenland={"verzoek_yasmina"}),
    "buddy_pair": _sees(rivierenland={"duo_bohdan_veerle"}, kempen={"duo_chidinma_xander"}),
    "buddy_round": _sees(rivierenland={"ronde_rivierenland"}, kempen={"ronde_kempen"}),
    "buddy_proposal": _sees(
        rivierenland={"voorstel_yasmina_veerle"}, kempen={"voorstel_chidinma_xander"}
    ),
}


def add_buddies(world) -> None:
    newcomers, volunteers = world.objects["newcomer"], world.objects["volunteer"]
    yasmina = BuddyRequest.objects.create(newcomer=newcomers["yasmina"], commits_six_months=True)
    world.add("buddy_request", "verzoek_yasmina", yasmina, str(newcomers["yasmina"]))
    started = timezone.localdate() - dt.timedelta(days=40)
    pairs = {}
    for key, newcomer, volunteer in [
        ("duo_bohdan_veerle", newcomers["bohdan"], volunteers["veerle"]),
        ("duo_chidinma_xander", newcomers["chidinma"], volunteers["xander"]),
    ]:
        request = BuddyRequest.objects.create(
            newcomer=newcomer, commits_six_months=True, status=BuddyRequest.Status.PAIRED
        )
        pairs[key] = Pair.objects.create(
            newcomer=newcomer,
            volunteer=volunteer,
            request=request,
            status=Pair.Status.ACTIVE,
            started_on=started,
        )
        world.add("buddy_pair", key, pairs[key], str(pairs[key]))
    for slug, proposal_key, request, volunteer in [
        ("rivierenland", "voorstel_yasmina_veerle", yasmina, volunteers["veerle"]),
        ("kempen", "voorstel_chidinma_xander", pairs["duo_chidinma_xander"].request,
         volunteers["xander"]),
    ]:  # fmt: skip
        round_ = MatchingRound.objects.create(region=region(slug))
        world.add("buddy_round", f"ronde_{slug}", round_, round_.region.name)
        proposal = Proposal.objects.create(
            round=round_, request=request, volunteer=volunteer, fit=2.0
        )
        world.add("buddy_proposal", proposal_key, proposal, str(request.newcomer))


__all__ = ["BUDDY_SEES", "add_buddies"]
