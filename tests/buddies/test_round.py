"""Matching rounds end to end: the adapter feeds the core, proposals keep every hard rule,
the stored total is the optimum, decisions follow the rules."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from django.utils import timezone

from pnt import matching
from pnt.buddies import adapter, services
from pnt.buddies.errors import BuddyError
from pnt.buddies.models import BuddyRequest, MatchingRound, Pair, Proposal, Volunteer
from pnt.geo.distance import distance_km
from tests.buddies.helpers import MECHELEN, PUTTE, TURNHOUT, coach, volunteer, waiting_request
from tests.factories import region

pytestmark = pytest.mark.django_db

RIVIERENLAND = ["12025", "12029", "12026", "11005", "12014", "12021", "12040", "12041"]


def _random_pool(seed: int):
    rng = random.Random(seed)
    places = [nis for nis in RIVIERENLAND if region().municipalities.filter(nis_code=nis).exists()]
    themes = ["football", "cooking", "walking", "music", "reading", "games"]
    slots = ["mon-evening", "tue-evening", "sat-morning", "sat-afternoon", "sun-afternoon"]
    genders = ["woman", "man", ""]
    requests = []
    for _ in range(rng.randint(3, 7)):
        gender = rng.choice(["vrouw", "man", ""])
        request = waiting_request(
            nis=rng.choice(places),
            gender=gender,
            interests=rng.sample(themes, 2),
            birth_year=rng.randint(1960, 2004),
        )
        request.availability = rng.sample(slots, 2)
        request.max_km = rng.choice([5, 10, 30])
        request.same_gender_only = bool(gender) and rng.random() < 0.3
        request.save()
        requests.append(request)
    volunteers = []
    for _ in range(rng.randint(2, 4)):
        gender = rng.choice(genders)
        volunteers.append(
            volunteer(
                rng.choice(places),
                interests=rng.sample(themes, 2),
                gender=gender,
                same_gender_only=bool(gender) and rng.random() < 0.3,
                availability=rng.sample(slots, 2),
                max_travel_km=rng.choice([3, 10, 25]),
                max_newcomers=rng.choice([1, 2]),
                age_group=rng.choice(["18-29", "45-64", "65+"]),
            )
        )
    return requests, volunteers


def _check_hard_rules(round_: MatchingRound) -> None:
    per_volunteer: dict[int, int] = {}
    newcomers = set()
    for proposal in round_.proposals.select_related(
        "request__newcomer__municipality", "volunteer__municipality"
    ):
        request, buddy = proposal.request, proposal.volunteer
        km = distance_km(request.newcomer.municipality, buddy.municipality)
        assert km <= buddy.max_travel_km + 0.01
        assert km <= request.max_km + 0.01
        newcomer_gender = adapter.gender_of(request.newcomer.gender)
        if buddy.same_gender_only:
            assert newcomer_gender == buddy.gender
        if request.same_gender_only:
            assert buddy.gender == newcomer_gender
        assert request.newcomer_id not in newcomers
        newcomers.add(request.newcomer_id)
        per_volunteer[buddy.pk] = per_volunteer.get(buddy.pk, 0) + 1
        assert per_volunteer[buddy.pk] <= buddy.max_newcomers
        assert not Pair.objects.filter(
            newcomer=request.newcomer, volunteer=buddy, ended_badly=True
        ).exists()


@pytest.mark.parametrize("seed", range(6))
def test_stored_proposals_never_break_a_hard_rule(seed):
    requests, _volunteers = _random_pool(seed)
    round_ = services.start_matching_round(region=region(), by=coach())
    assert round_.newcomers_count == len(requests)
    _check_hard_rules(round_)


def _brute_force_optimum(requests, volunteers) -> float:
    """Every feasible assignment of the pool, scored by the core's own pair scores."""
    today = timezone.localdate()
    n_table, v_table = adapter._tables(requests, [(v, v.max_newcomers) for v in volunteers], today)
    weights = matching.BuddyWeights()
    scores = matching.buddy_candidates(n_table, v_table, weights)
    problem = matching.buddy_problem(n_table, v_table, scores, weights)
    options = {i: [None] for i in range(len(requests))}
    for e in range(len(scores.newcomer)):
        options[int(scores.newcomer[e])].append(e)
    best = 0.0
    for choice in itertools.product(*options.values()):
        edges = [e for e in choice if e is not None]
        used = np.bincount(scores.volunteer[edges], minlength=len(volunteers)) if edges else 0
        if edges and np.any(used > v_table.capacity):
            continue
        best = max(best, float(problem.weight[edges].sum()) if edges else 0.0)
    return best


@pytest.mark.parametrize("seed", range(3))
def test_the_round_total_is_the_optimum_of_the_pool(seed):
    requests, volunteers = _random_pool(100 + seed)
    round_ = services.start_matching_round(region=region(), by=coach())
    requests = list(services.waiting_requests(region()))
    assert round_.objective == pytest.approx(_brute_force_optimum(requests, volunteers))
    assert round_.total_fit == pytest.approx(sum(p.fit for p in round_.proposals.all()))


def test_each_proposal_shows_its_reasons():
    request = waiting_request(interests=["football", "cooking"])
    volunteer(interests=["football", "cooking"])
    round_ = services.start_matching_round(region=region(), by=coach())
    proposal = round_.proposals.get(request=request)
    codes = {r["code"] for r in proposal.reasons}
    assert {"both_like", "km_apart"} <= codes
    both_like = next(r for r in proposal.reasons if r["code"] == "both_like")
    assert set(both_like["params"]["themes"]) == {"football", "cooking"}


def test_a_pair_that_ended_badly_is_never_proposed_again():
    user = coach()
    request = waiting_request()
    buddy = volunteer()
    round_ = services.start_matching_round(region=region(), by=user)
    pair = services.accept_proposal(proposal=round_.proposals.get(), by=user)
    services.end_pair(
        pair=pair,
        by=user,
        on=timezone.localdate(),
        completed=False,
        reason="ruzie",
        ended_badly=True,
    )
    again = services.request_buddy(newcomer=request.newcomer, by=user, commits_six_months=True)
    second = services.start_matching_round(region=region(), by=user)
    assert not second.proposals.filter(request=again, volunteer=buddy).exists()


def test_a_rejected_proposal_is_not_made_again_and_the_round_closes():
    user = coach()
    request = waiting_request()
    buddy = volunteer()
    first = services.start_matching_round(region=region(), by=user)
    services.reject_proposal(proposal=first.proposals.get(), by=user, reason="te ver")
    first.refresh_from_db()
    assert first.status == MatchingRound.Status.CLOSED
    second = services.start_matching_round(region=region(), by=user)
    assert not second.proposals.filter(request=request, volunteer=buddy).exists()


def test_one_open_round_per_region():
    user = coach()
    waiting_request()
    volunteer()
    services.start_matching_round(region=region(), by=user)
    with pytest.raises(BuddyError, match="still open"):
        services.start_matching_round(region=region(), by=user)


def test_accepting_fills_the_volunteer_and_proposes_a_pair():
    user = coach()
    request = waiting_request()
    buddy = volunteer(max_newcomers=1)
    round_ = services.start_matching_round(region=region(), by=user)
    pair = services.accept_proposal(proposal=round_.proposals.get(), by=user)
    buddy.refresh_from_db()
    request.refresh_from_db()
    assert pair.status == Pair.Status.PROPOSED
    assert buddy.status == Volunteer.Status.PAIRED
    assert request.status == BuddyRequest.Status.PROPOSED


def test_swap_exchanges_volunteers_within_the_rules():
    user = coach()
    both = ["football", "cooking", "music"]
    a = waiting_request(nis=MECHELEN, interests=both)
    b = waiting_request(nis=PUTTE, interests=both)
    BuddyRequest.objects.filter(pk__in=[a.pk, b.pk]).update(max_km=40)
    volunteer(MECHELEN, interests=both, max_travel_km=40)
    volunteer(PUTTE, interests=both, max_travel_km=40)
    round_ = services.start_matching_round(region=region(), by=user)
    pa, pb = round_.proposals.get(request=a), round_.proposals.get(request=b)
    new_a, new_b = services.swap_proposals(first=pa, second=pb, by=user)
    assert (new_a.volunteer_id, new_b.volunteer_id) == (pb.volunteer_id, pa.volunteer_id)
    assert new_a.reasons and new_a.status == Proposal.Status.OPEN
    pa.refresh_from_db()
    assert pa.status == Proposal.Status.LAPSED


def test_swap_refuses_a_pair_beyond_the_travel_limit():
    user = coach()
    a = waiting_request(nis=MECHELEN)
    b = waiting_request(nis=TURNHOUT)
    volunteer(MECHELEN, max_travel_km=5)
    volunteer(TURNHOUT, max_travel_km=5)
    round_ = services.start_matching_round(region=region(), by=user)
    pa = round_.proposals.get(request=a)
    # Turnhout is not in Rivierenland: the second proposal is made by hand in the same round.
    far = Volunteer.objects.get(municipality__nis_code=TURNHOUT)
    pb = Proposal.objects.create(round=round_, request=b, volunteer=far, fit=1.0)
    with pytest.raises(BuddyError, match="firm rule"):
        services.swap_proposals(first=pa, second=pb, by=user)
