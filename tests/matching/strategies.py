"""Hypothesis strategies and brute-force references shared by the matching tests."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import strategies as st

from pnt.matching import Activity, AllocationProblem, Newcomer, week

THEMES = ("cooking", "football", "walking", "music", "reading")
GOALS = ("meet_people", "learn_dutch", "volunteer")
TYPES = ("conversation_table", "samen_doen", "volunteering", "sport")
CENTRE = (51.03, 4.48)  # Mechelen


def _mask(draw, max_sessions: int) -> int:
    mask = 0
    for _ in range(draw(st.integers(0, max_sessions))):
        day, start = draw(st.integers(0, 6)), draw(st.integers(6, 21))
        mask |= week.session(day, start, start + draw(st.integers(1, 3)))
    return mask


@st.composite
def newcomers(draw, key: int = 0) -> Newcomer:
    return Newcomer(
        key=key,
        themes=frozenset(draw(st.sets(st.sampled_from(THEMES), max_size=3))),
        goals=frozenset(draw(st.sets(st.sampled_from(GOALS), max_size=2))),
        dutch_level=draw(st.integers(0, 4)),
        lat=CENTRE[0] + draw(st.floats(-0.2, 0.2)),
        lon=CENTRE[1] + draw(st.floats(-0.3, 0.3)),
        max_km=draw(st.sampled_from([3.0, 8.0, 15.0, 30.0])),
        availability=_mask(draw, 6),
        cost_barrier=draw(st.booleans()),
        max_cost_eur=draw(st.sampled_from([None, 0.0, 10.0])),
        has_uitpas=draw(st.booleans()),
        needs_childcare=draw(st.booleans()),
        is_woman=draw(st.booleans()),
        types_done=frozenset(draw(st.sets(st.sampled_from(TYPES), max_size=2))),
    )


@st.composite
def activities(draw, key: int = 0) -> Activity:
    return Activity(
        key=key,
        type=draw(st.sampled_from(TYPES)),
        themes=frozenset(draw(st.sets(st.sampled_from(THEMES), max_size=3))),
        goals=frozenset(draw(st.sets(st.sampled_from(GOALS), max_size=2))),
        dutch_level=draw(st.integers(0, 4)),
        lat=CENTRE[0] + draw(st.floats(-0.2, 0.2)),
        lon=CENTRE[1] + draw(st.floats(-0.3, 0.3)),
        schedule=_mask(draw, 2),
        cost_eur=draw(st.sampled_from([0.0, 5.0, 30.0])),
        uitpas=draw(st.booleans()),
        childcare=draw(st.booleans()),
        women_only=draw(st.booleans()),
        places_left=draw(st.integers(0, 5)),
    )


@st.composite
def allocation_problems(
    draw, max_newcomers: int = 8, max_activities: int = 5, max_edges: int = 40
) -> AllocationProblem:
    """Small random instances: some negative fits, capacities 0..3, limits 1..3."""
    n = draw(st.integers(1, max_newcomers))
    m = draw(st.integers(1, max_activities))
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, m - 1)), unique=True, max_size=max_edges
        )
    )
    fits = draw(
        st.lists(st.floats(-2, 10, allow_nan=False), min_size=len(pairs), max_size=len(pairs))
    )
    return AllocationProblem(
        newcomer=np.array([p[0] for p in pairs], dtype=np.int64),
        activity=np.array([p[1] for p in pairs], dtype=np.int64),
        fit=np.array(fits, dtype=float),
        capacity=np.array(draw(st.lists(st.integers(0, 3), min_size=m, max_size=m))),
        priority=np.array(draw(st.lists(st.floats(1, 3), min_size=n, max_size=n))),
        max_per_newcomer=np.array(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n))),
        n_newcomers=n,
    )


def brute_force(problem: AllocationProblem) -> tuple[tuple[int, float], tuple[int, float]]:
    """By enumerating every subset of edges: the best (placed, objective) pairs under the
    plain objective and under the lexicographic fairness objective."""
    best_total = (0, 0.0)
    best_fair = (0, 0.0)
    weight = problem.weight
    for size in range(problem.newcomer.size + 1):
        for chosen in itertools.combinations(range(problem.newcomer.size), size):
            idx = np.array(chosen, dtype=np.int64)
            per_a = np.bincount(problem.activity[idx], minlength=problem.n_activities)
            per_n = np.bincount(problem.newcomer[idx], minlength=problem.n_newcomers)
            if (per_a > problem.capacity).any() or (per_n > problem.limit).any():
                continue
            placed, total = int((per_n > 0).sum()), float(weight[idx].sum())
            if total > best_total[1]:
                best_total = (placed, total)
            if (placed, total) > best_fair and (weight[idx] > 0).all():
                best_fair = (placed, total)
    return best_total, best_fair
