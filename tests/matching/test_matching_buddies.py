"""Buddy rounds: hard rules never broken, total equal to brute force, at least greedy."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pnt.matching import (
    BuddyPerson,
    BuddyTable,
    BuddyWeights,
    buddy_candidates,
    buddy_problem,
    buddy_round,
    greedy_buddy_round,
    haversine_km,
    is_feasible,
    lp_allocation,
    week,
)
from pnt.matching.buddies import BuddyVocabularies

CENTRE = (51.03, 4.48)
INTERESTS = ("cooking", "football", "walking", "music")
LANGUAGES = ("nl", "en", "ar", "fr")


@st.composite
def person(draw, key: str, volunteer: bool) -> BuddyPerson:
    gender = draw(st.sampled_from(["f", "m", ""]))
    day = draw(st.integers(0, 6))
    return BuddyPerson(
        key=key,
        interests=frozenset(draw(st.sets(st.sampled_from(INTERESTS), max_size=3))),
        languages=frozenset(draw(st.sets(st.sampled_from(LANGUAGES), min_size=1, max_size=2))),
        lat=CENTRE[0] + draw(st.floats(-0.1, 0.1)),
        lon=CENTRE[1] + draw(st.floats(-0.15, 0.15)),
        availability=draw(
            st.sampled_from([0, week.day_part(day, "evening"), week.day_part(5, "morning")])
        ),
        age=draw(st.one_of(st.none(), st.integers(18, 75))),
        gender=gender,
        gender_pref=draw(st.sampled_from([None, None, "f"])),
        max_km=draw(st.sampled_from([3.0, 8.0, 20.0])) if volunteer else float("inf"),
        capacity=draw(st.integers(1, 2)) if volunteer else 1,
        compulsory=draw(st.booleans()) and not volunteer,
        waiting_days=draw(st.integers(0, 200)),
    )


@st.composite
def pools(draw, most_newcomers: int = 5, most_volunteers: int = 3):
    n = draw(st.integers(1, most_newcomers))
    v = draw(st.integers(1, most_volunteers))
    newcomers = [draw(person(f"n{i}", False)) for i in range(n)]
    volunteers = [draw(person(f"v{j}", True)) for j in range(v)]
    forbidden = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, v - 1)), max_size=3))
    vocab = BuddyVocabularies.of(newcomers, volunteers)
    return (
        newcomers,
        volunteers,
        BuddyTable.of(newcomers, vocab),
        BuddyTable.of(volunteers, vocab),
        set(forbidden),
    )


def allowed(n: BuddyPerson, v: BuddyPerson, i: int, j: int, forbidden: set) -> bool:
    """The hard rules of a pair, written out in plain Python."""
    km = float(haversine_km(n.lat, n.lon, v.lat, v.lon))
    return (
        km <= v.max_km
        and km <= n.max_km
        and (v.gender_pref is None or n.gender == v.gender_pref)
        and (n.gender_pref is None or v.gender == n.gender_pref)
        and (i, j) not in forbidden
    )


def brute_force_total(newcomer_t: BuddyTable, volunteer_t: BuddyTable, forbidden) -> float:
    problem = buddy_problem(
        newcomer_t, volunteer_t, buddy_candidates(newcomer_t, volunteer_t, forbidden=forbidden)
    )
    weight = problem.weight
    options = {i: [None] for i in range(problem.n_newcomers)}
    for e in range(problem.newcomer.size):
        options[int(problem.newcomer[e])].append(e)
    best = 0.0
    for choice in itertools.product(*options.values()):
        edges = [e for e in choice if e is not None]
        used = np.bincount(problem.activity[edges], minlength=problem.n_activities)
        if (used <= problem.capacity).all():
            best = max(best, float(weight[edges].sum()))
    return best


@settings(max_examples=80, deadline=None)
@given(pools())
def test_round_equals_brute_force_and_beats_greedy(pool):
    newcomers, volunteers, nt, vt, forbidden = pool
    best = buddy_round(nt, vt, forbidden=forbidden)
    greedy = greedy_buddy_round(nt, vt, forbidden=forbidden)
    total = brute_force_total(nt, vt, forbidden)
    assert best.allocation.objective == pytest.approx(total, rel=1e-6, abs=1e-9)
    assert best.allocation.objective >= greedy.allocation.objective - 1e-9


@settings(max_examples=60, deadline=None)
@given(pools(most_newcomers=12, most_volunteers=6))
def test_round_never_breaks_a_hard_rule(pool):
    newcomers, volunteers, nt, vt, forbidden = pool
    result = buddy_round(nt, vt, forbidden=forbidden)
    index_n = {p.key: i for i, p in enumerate(newcomers)}
    index_v = {p.key: j for j, p in enumerate(volunteers)}
    per_volunteer = {}
    for proposal in result.proposals:
        i, j = index_n[proposal.newcomer], index_v[proposal.volunteer]
        assert allowed(newcomers[i], volunteers[j], i, j, forbidden)
        per_volunteer[j] = per_volunteer.get(j, 0) + 1
    assert all(count <= volunteers[j].capacity for j, count in per_volunteer.items())
    matched = [p.newcomer for p in result.proposals]
    assert len(matched) == len(set(matched))
    assert set(matched) | set(result.unmatched) == set(index_n)


@settings(max_examples=30, deadline=None)
@given(pools(most_newcomers=12, most_volunteers=6))
def test_round_equals_the_lp(pool):
    _, _, nt, vt, forbidden = pool
    problem = buddy_problem(nt, vt, buddy_candidates(nt, vt, forbidden=forbidden))
    best = buddy_round(nt, vt, forbidden=forbidden).allocation
    assert is_feasible(problem, best)
    assert best.objective == pytest.approx(lp_allocation(problem).lp_bound, rel=1e-6, abs=1e-9)


def test_a_proposal_explains_itself():
    saturday = week.day_part(5, "morning")
    newcomer = BuddyPerson(
        "Samir",
        interests=frozenset({"football", "cooking"}),
        languages=frozenset({"ar", "nl"}),
        lat=51.03,
        lon=4.48,
        availability=saturday,
        age=30,
        gender="m",
    )
    volunteer = BuddyPerson(
        "Jan",
        interests=frozenset({"football", "cooking", "music"}),
        languages=frozenset({"nl", "ar"}),
        lat=51.03 + 0.027,
        lon=4.48,
        availability=saturday | week.day_part(1, "evening"),
        age=34,
        gender="m",
        max_km=10,
        capacity=2,
    )
    vocab = BuddyVocabularies.of([newcomer], [volunteer])
    result = buddy_round(BuddyTable.of([newcomer], vocab), BuddyTable.of([volunteer], vocab))
    [proposal] = result.proposals
    assert proposal.text == (
        "both like cooking and football; both free on Saturday morning; "
        "both speak ar; 4 years apart in age; 3 km apart"
    )
    codes = {r.code: r for r in proposal.reasons}
    assert codes["both_like"].params == {"themes": ["cooking", "football"]}
    assert codes["both_like"].points == pytest.approx(BuddyWeights().interests * 2 / 3)


def test_compulsory_newcomer_gets_the_scarce_volunteer():
    here = {"lat": 51.03, "lon": 4.48, "interests": frozenset({"walking"})}
    a = BuddyPerson("voluntary", waiting_days=10, **here)
    b = BuddyPerson("compulsory", compulsory=True, **here)
    v = BuddyPerson("v", max_km=5, capacity=1, **here)
    vocab = BuddyVocabularies.of([a, b], [v])
    result = buddy_round(BuddyTable.of([a, b], vocab), BuddyTable.of([v], vocab))
    assert [p.newcomer for p in result.proposals] == ["compulsory"]
    assert result.unmatched == ["voluntary"]
