"""Fit scores: hard rules never broken, parts as documented, candidate graph guarantees."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pnt.matching import (
    Activity,
    ActivityTable,
    Excluded,
    Newcomer,
    NewcomerTable,
    Vocabularies,
    Vocabulary,
    Weights,
    candidate_graph,
    haversine_km,
    pairs_within,
    popcount,
    score_newcomer,
    week,
)
from pnt.matching.bitsets import int_to_words, words_to_int

from .strategies import activities, newcomers

MECHELEN = (51.0259, 4.4776)


def tables(people, offer):
    vocab = Vocabularies.of(people, offer)
    return NewcomerTable.of(people, vocab), ActivityTable.of(offer, vocab), vocab


def allowed_by_the_rules(n: Newcomer, a: Activity) -> bool:
    """The hard rules, written out once more in plain Python."""
    w = Weights()
    km = float(haversine_km(n.lat, n.lon, a.lat, a.lon))
    price = a.cost_eur * (w.uitpas_price_factor if a.uitpas and n.has_uitpas else 1.0)
    return (
        a.dutch_level <= n.dutch_level
        and km <= n.max_km
        and (a.childcare or not n.needs_childcare)
        and (n.is_woman or not a.women_only)
        and (n.max_cost_eur is None or price <= n.max_cost_eur)
        and a.places_left > 0
    )


def one(newcomer: Newcomer, activity: Activity, weights: Weights | None = None):
    nt, at, _ = tables([newcomer], [activity])
    return score_newcomer(nt, 0, at, weights)


def test_haversine_brussels_antwerp():
    assert float(haversine_km(50.8467, 4.3525, 51.2194, 4.4025)) == pytest.approx(41.7, abs=0.3)


HERE = {"lat": MECHELEN[0], "lon": MECHELEN[1]}


@pytest.mark.parametrize(
    "conditions, flag",
    [
        ({"dutch_level": 3, **HERE}, Excluded.DUTCH_LEVEL),
        ({"lat": MECHELEN[0] + 0.2, "lon": MECHELEN[1]}, Excluded.TOO_FAR),
        ({"women_only": True, **HERE}, Excluded.WOMEN_ONLY),
        ({"cost_eur": 30.0, **HERE}, Excluded.TOO_EXPENSIVE),
        ({"places_left": 0, **HERE}, Excluded.FULL),
    ],
)
def test_each_hard_rule_excludes(conditions, flag):
    newcomer = Newcomer("n", dutch_level=2, max_km=10, max_cost_eur=10.0, **HERE)
    assert int(one(newcomer, Activity("a", **conditions)).excluded[0]) == flag


def test_childcare_is_a_hard_rule_only_when_needed():
    offer = Activity("a", childcare=False)
    assert one(Newcomer("n", needs_childcare=True), offer).excluded[0] == Excluded.NO_CHILDCARE
    assert one(Newcomer("n", needs_childcare=False), offer).excluded[0] == 0


def test_uitpas_brings_the_price_within_the_limit():
    offer = Activity("a", cost_eur=20.0, uitpas=True)
    with_pass = Newcomer("n", max_cost_eur=5.0, has_uitpas=True, cost_barrier=True)
    scores = one(with_pass, offer)
    assert scores.excluded[0] == 0
    assert scores.part("cost")[0] == pytest.approx(Weights().cost / 2)


def test_parts_follow_the_documented_formulas():
    w = Weights()
    newcomer = Newcomer(
        "n",
        themes=frozenset({"cooking", "music"}),
        goals=frozenset({"meet_people"}),
        lat=MECHELEN[0],
        lon=MECHELEN[1],
        availability=week.day_part(1, "evening"),
        cost_barrier=True,
        needs_childcare=True,
        types_done=frozenset({"conversation_table"}),
    )
    offer = Activity(
        "a",
        type="samen_doen",
        themes=frozenset({"cooking"}),
        goals=frozenset({"meet_people"}),
        lat=MECHELEN[0] + 0.01,
        lon=MECHELEN[1],
        schedule=week.session(1, 17, 19),
        childcare=True,
        places_left=10,
    )
    s = one(newcomer, offer)
    km = float(s.km[0])
    assert km == pytest.approx(1.11, abs=0.01)
    expected = {
        "interests": w.interests / 2,  # one of interests_cap=2 themes shared
        "goal": w.goal,
        "distance": -w.distance_per_km * km,
        "schedule": w.schedule / 2,  # 17-19 h: the hour 18 is in the evening, 17 is not
        "cost": w.cost,
        "childcare": w.childcare,
        "places": w.places,
        "variety": w.variety,
    }
    for part, value in expected.items():
        assert s.part(part)[0] == pytest.approx(value), part
    assert s.total[0] == pytest.approx(sum(expected.values()))


def test_weights_change_the_ranking():
    newcomer = Newcomer("n", themes=frozenset({"cooking"}), lat=MECHELEN[0], lon=MECHELEN[1])
    near = Activity("near", lat=MECHELEN[0], lon=MECHELEN[1])
    liked = Activity(
        "liked", themes=frozenset({"cooking"}), lat=MECHELEN[0] + 0.05, lon=MECHELEN[1]
    )
    nt, at, _ = tables([newcomer], [near, liked])
    default = score_newcomer(nt, 0, at).total
    assert default[1] > default[0]
    far_matters = score_newcomer(nt, 0, at, Weights(distance_per_km=2.0)).total
    assert far_matters[0] > far_matters[1]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(newcomers(), min_size=1, max_size=6), st.lists(activities(), min_size=1, max_size=12)
)
def test_scores_flag_exactly_the_pairs_that_break_a_rule(people, offer):
    nt, at, _ = tables(people, offer)
    for row, n in enumerate(people):
        flags = score_newcomer(nt, row, at).excluded
        for j, a in enumerate(offer):
            assert (flags[j] == 0) == allowed_by_the_rules(n, a)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(newcomers(), min_size=1, max_size=8),
    st.lists(activities(), min_size=1, max_size=15),
    st.integers(1, 5),
)
def test_candidate_graph_keeps_the_best_allowed_pairs(people, offer, k):
    nt, at, _ = tables(people, offer)
    graph = candidate_graph(nt, at, top_k=k)
    for row, n in enumerate(people):
        mine = graph.activity[graph.newcomer == row]
        assert len(mine) <= k
        assert all(allowed_by_the_rules(n, offer[j]) for j in mine)
        fit = score_newcomer(nt, row, at).total
        good = [j for j, a in enumerate(offer) if allowed_by_the_rules(n, a) and fit[j] > 0]
        assert len(mine) == min(k, len(good))
        if len(mine):
            lowest = fit[mine].min()
            assert all(fit[j] <= lowest + 1e-12 for j in good if j not in set(mine))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.floats(50.6, 51.5), st.floats(2.5, 5.9)), min_size=1, max_size=30),
    st.lists(st.tuples(st.floats(50.6, 51.5), st.floats(2.5, 5.9)), min_size=1, max_size=30),
    st.floats(0.5, 80),
)
def test_pairs_within_matches_brute_force(points_a, points_b, limit):
    a, b = np.array(points_a), np.array(points_b)
    i, j, km = pairs_within(a[:, 0], a[:, 1], b[:, 0], b[:, 1], limit)
    dense = haversine_km(a[:, 0][:, None], a[:, 1][:, None], b[:, 0][None], b[:, 1][None])
    want = set(zip(*np.nonzero(dense <= limit), strict=True))
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == want
    assert np.allclose(km, dense[i, j])


def test_week_sessions_round_outwards_and_describe_day_parts():
    mask = week.session(1, 19.5, 21)
    assert week.hours(mask) == 2
    assert week.describe(mask) == ["Tuesday evening"]
    parts = ("night", "morning", "afternoon", "evening")
    assert week.union(week.day_part(6, p) for p in parts) == week.session(6, 0, 24)
    with pytest.raises(ValueError):
        week.session(7, 9, 10)


@given(st.sets(st.sampled_from([f"t{i}" for i in range(130)])))
def test_vocabulary_round_trips_any_set(slugs):
    vocab = Vocabulary(tuple(f"t{i}" for i in range(130)))
    row = vocab.encode_one(slugs)
    assert set(vocab.decode(row)) == slugs
    assert int(popcount(row)) == len(slugs)


@given(st.integers(0, 2**168 - 1))
def test_week_masks_round_trip_through_words(mask):
    assert words_to_int(int_to_words(mask, 3)) == mask
