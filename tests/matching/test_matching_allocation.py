"""Regional allocation: exact (equal to the LP and to brute force), feasible, fair on demand."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pnt.matching import (
    AllocationError,
    AllocationProblem,
    allocate,
    cost_scale,
    fcfs_allocation,
    greedy_allocation,
    is_feasible,
    lp_allocation,
    priority_weights,
)

from .strategies import allocation_problems, brute_force


def close(a: float, b: float, rel: float = 1e-6) -> bool:
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def problem(edges, capacity, k=1, priority=None, n=None):
    newcomer, activity, fit = (np.array(x) for x in zip(*edges, strict=True))
    return AllocationProblem(
        newcomer,
        activity,
        fit.astype(float),
        np.array(capacity),
        priority,
        k,
        n_newcomers=-1 if n is None else n,
    )


def test_it_takes_fewer_places_when_that_gives_more_fit():
    # A max-flow would place both (A-y, B-x: 2 points); the best total places only A at x.
    p = problem([(0, 0, 10.0), (0, 1, 1.0), (1, 0, 1.0)], capacity=[1, 1])
    a = allocate(p)
    assert a.objective == pytest.approx(10.0)
    assert a.placed == 1


def test_fairness_places_the_most_newcomers_first():
    p = problem([(0, 0, 10.0), (0, 1, 1.0), (1, 0, 1.0)], capacity=[1, 1])
    a = allocate(p, fairness=True)
    assert a.placed == 2
    assert a.objective == pytest.approx(2.0)


def test_it_never_assigns_a_non_positive_fit():
    p = problem([(0, 0, -1.0), (1, 0, 0.0), (2, 1, 3.0)], capacity=[5, 5])
    a = allocate(p)
    assert p.activity[a.edges].tolist() == [1]


def test_priority_decides_who_gets_the_last_place():
    p = problem([(0, 0, 5.0), (1, 0, 4.0)], capacity=[1], priority=np.array([1.0, 1.5]))
    assert allocate(p).edges.tolist() == [1]


def test_empty_problem_gives_an_empty_allocation():
    p = AllocationProblem(
        np.zeros(0, int), np.zeros(0, int), np.zeros(0), np.array([2]), n_newcomers=3
    )
    a = allocate(p, fairness=True)
    assert a.edges.size == 0 and a.objective == 0.0 and a.placed == 0


@pytest.mark.parametrize(
    "edges, capacity, n, message",
    [
        ([(0, 0, 1.0), (0, 0, 2.0)], [1], None, "twice"),
        ([(0, 3, 1.0)], [1], None, "out of range"),
        ([(5, 0, 1.0)], [1], 2, "out of range"),
        ([(0, 0, float("nan"))], [1], None, "finite"),
        ([(0, 0, 1.0)], [-1], None, "negative"),
    ],
)
def test_it_rejects_malformed_problems(edges, capacity, n, message):
    with pytest.raises(AllocationError, match=message):
        problem(edges, capacity, n=n)


def test_cost_scale_keeps_the_largest_cost_within_range():
    assert cost_scale(4.0, 100) == pytest.approx(10**9 / 4.0)
    assert cost_scale(1.0, 10**7) * 1.0 * (10**7 + 1) ** 2 <= 2**62


@settings(max_examples=150, deadline=None)
@given(allocation_problems(max_newcomers=12, max_activities=6, max_edges=50))
def test_allocation_is_feasible_and_equals_the_lp_optimum(p):
    ours, lp = allocate(p), lp_allocation(p)
    assert is_feasible(p, ours)
    assert (p.weight[ours.edges] > 0).all()
    assert close(ours.objective, lp.lp_bound)
    assert close(lp.objective, lp.lp_bound)


@settings(max_examples=80, deadline=None)
@given(allocation_problems(max_newcomers=5, max_activities=3, max_edges=11))
def test_both_modes_equal_brute_force(p):
    (_, best_total), (best_placed, best_fair_total) = brute_force(p)
    plain, fair = allocate(p), allocate(p, fairness=True)
    assert close(plain.objective, best_total)
    assert is_feasible(p, fair)
    assert fair.placed == best_placed
    assert close(fair.objective, best_fair_total)


@settings(max_examples=80, deadline=None)
@given(allocation_problems(max_newcomers=12, max_activities=6, max_edges=50))
def test_baselines_are_feasible_and_never_beat_the_optimum(p):
    best = allocate(p)
    for baseline in (fcfs_allocation(p), greedy_allocation(p)):
        assert is_feasible(p, baseline)
        assert baseline.objective <= best.objective + 1e-9


@settings(max_examples=40, deadline=None)
@given(allocation_problems(max_newcomers=12, max_activities=6, max_edges=50), st.randoms())
def test_fcfs_serves_newcomers_in_arrival_order(p, rnd):
    order = list(range(p.n_newcomers))
    rnd.shuffle(order)
    first = order[0]
    a = fcfs_allocation(p, np.array(order))
    # The first to arrive gets their best positive edges up to their limit (or capacity).
    own = np.flatnonzero((p.newcomer == first) & (p.weight > 0) & (p.capacity[p.activity] > 0))
    want = own[np.argsort(-p.fit[own], kind="stable")][: p.limit[first]]
    got = a.edges[p.newcomer[a.edges] == first]
    assert sorted(p.fit[got]) == sorted(p.fit[want])


def test_larger_instance_equals_the_lp_and_beats_baselines():
    rng = np.random.default_rng(7)
    n, m, c = 2000, 400, 20
    newcomer = np.repeat(np.arange(n), c)
    activity = np.concatenate([rng.choice(m, c, replace=False) for _ in range(n)])
    p = AllocationProblem(
        newcomer, activity, rng.gamma(2.0, 2.0, n * c), rng.integers(1, 6, m), 1 + rng.random(n), 2
    )
    ours, lp = allocate(p), lp_allocation(p)
    assert close(ours.objective, lp.lp_bound, 1e-9)
    assert ours.objective > greedy_allocation(p).objective > fcfs_allocation(p).objective
    fair = allocate(p, fairness=True)
    assert fair.placed >= ours.placed and is_feasible(p, fair)


def test_priority_weights_add_bonuses_for_compulsory_waiting_and_deadline():
    prio = priority_weights(
        compulsory=np.array([False, True, False, False]),
        waiting_days=np.array([0, 0, 300, 0]),
        days_to_deadline=np.array([np.nan, np.nan, np.nan, 0.0]),
    )
    assert prio.tolist() == pytest.approx([1.0, 1.5, 1.5, 1.5])
