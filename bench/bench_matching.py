"""Benchmarks of the matching core (issue 5): allocation at Flemish scale, the 40-hour plan.

The instance is seeded and shaped like Flanders: 300 municipalities in the Flemish bounding
box with a skewed population (a few cities, many villages); newcomers and activities live
around them, newcomers more in cities; activities have the mix of the field (many
conversation tables) and 4 to 15 places. Candidate edges are the 30 best allowed
activities per newcomer, built by ``pnt.matching.candidate_graph`` with the default
weights (mobility 8 to 30 km), so that hard rules and geography shape the competition.

Times are medians of several runs; the machine is shared and noisy.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np

from pnt.matching import (
    ActivityTable,
    AllocationProblem,
    NewcomerTable,
    PlanCandidate,
    PlanOptions,
    Vocabularies,
    Vocabulary,
    allocate,
    build_plan,
    candidate_graph,
    fcfs_allocation,
    greedy_allocation,
    hours_in_period,
    lp_allocation,
    priority_weights,
    week,
)

SEED = 20230101
THEMES = (
    "cooking", "football", "sport", "walking", "cycling", "music", "dance", "arts", "sewing",
    "gardening", "reading", "museums", "children", "care", "technology", "games", "animals",
    "diy", "language", "work",
)  # fmt: skip
GOALS = ("learn_dutch", "meet_people", "make_friends", "learn_new", "volunteer", "prepare_work")
TYPES = (
    "conversation_table",
    "samen_doen",
    "volunteering",
    "sport",
    "culture",
    "family",
    "placement",
    "buddy",
)
TYPE_SHARE = (0.25, 0.2, 0.18, 0.14, 0.1, 0.06, 0.04, 0.03)
VOCAB = Vocabularies(Vocabulary(THEMES), Vocabulary(GOALS), Vocabulary(TYPES))
LAT, LON = (50.70, 51.45), (2.60, 5.85)


def municipalities(rng: np.random.Generator, n: int = 300) -> tuple[np.ndarray, np.ndarray]:
    """Centres and population shares (Zipf-like) of ``n`` synthetic municipalities."""
    centres = np.column_stack((rng.uniform(*LAT, n), rng.uniform(*LON, n)))
    share = 1.0 / np.arange(1, n + 1) ** 0.9
    return centres, share / share.sum()


def places_near(
    rng: np.random.Generator, centres: np.ndarray, share: np.ndarray, n: int, km: float
) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points around municipality centres drawn by ``share``, spread ``km`` (sd)."""
    home = rng.choice(centres.shape[0], n, p=share)
    lat = centres[home, 0] + rng.normal(0, km / 111.0, n)
    lon = centres[home, 1] + rng.normal(0, km / 70.0, n)
    return lat, lon


def random_bits(rng: np.random.Generator, n: int, size: int, lo: int, hi: int) -> np.ndarray:
    """``(n, 1)`` uint64 bitsets with ``lo..hi`` random bits out of ``size``."""
    out = np.zeros(n, dtype=np.uint64)
    count = rng.integers(lo, hi + 1, n)
    for c in range(1, hi + 1):
        pick = rng.integers(0, size, n)
        out |= np.where(count >= c, np.uint64(1) << pick.astype(np.uint64), np.uint64(0))
    return out[:, None]


def week_masks(rng: np.random.Generator, n: int, parts: tuple[int, int]) -> np.ndarray:
    """``(n, 3)`` week masks made of ``parts`` random day parts (availability)."""
    blocks = np.array(
        [
            [*_words(week.day_part(d, p))]
            for d in range(7)
            for p in ("morning", "afternoon", "evening")
        ],
        dtype=np.uint64,
    )
    out = np.zeros((n, 3), dtype=np.uint64)
    count = rng.integers(parts[0], parts[1] + 1, n)
    for c in range(parts[1]):
        pick = rng.integers(0, len(blocks), n)
        out |= np.where((count > c)[:, None], blocks[pick], np.uint64(0))
    return out


def _words(mask: int) -> list[int]:
    return [(mask >> (64 * w)) & (2**64 - 1) for w in range(3)]


def sessions(rng: np.random.Generator, n: int) -> np.ndarray:
    """``(n, 3)`` week masks of one 2-hour session at a random day and hour (9 to 20 h)."""
    day, start = rng.integers(0, 7, n), rng.integers(9, 21, n)
    return np.array(
        [_words(week.session(int(d), int(s), int(s) + 2)) for d, s in zip(day, start, strict=True)],
        dtype=np.uint64,
    )


def newcomer_table(rng: np.random.Generator, n: int, centres, share) -> NewcomerTable:
    lat, lon = places_near(rng, centres, share, n, km=2.5)
    barrier = rng.random(n) < 0.6
    return NewcomerTable(
        keys=list(range(n)),
        themes=random_bits(rng, n, len(THEMES), 2, 4),
        goals=random_bits(rng, n, len(GOALS), 1, 2),
        dutch_level=rng.choice(5, n, p=(0.15, 0.3, 0.3, 0.17, 0.08)),
        lat=lat,
        lon=lon,
        max_km=rng.choice([8.0, 15.0, 30.0], n, p=(0.55, 0.35, 0.10)),
        availability=week_masks(rng, n, (5, 10)),
        cost_barrier=barrier,
        max_cost_eur=np.where(barrier, 15.0, np.inf),
        has_uitpas=rng.random(n) < 0.5,
        needs_childcare=rng.random(n) < 0.12,
        is_woman=rng.random(n) < 0.5,
        types_done=np.where(rng.random(n) < 0.5, np.uint64(1), np.uint64(0))[:, None],
    )


def activity_table(rng: np.random.Generator, m: int, centres, share) -> ActivityTable:
    lat, lon = places_near(rng, centres, share, m, km=3.0)
    paid = rng.random(m) < 0.35
    return ActivityTable(
        keys=list(range(m)),
        type_index=rng.choice(len(TYPES), m, p=TYPE_SHARE),
        themes=random_bits(rng, m, len(THEMES), 1, 3),
        goals=random_bits(rng, m, len(GOALS), 1, 3),
        dutch_level=rng.choice(4, m, p=(0.5, 0.25, 0.15, 0.10)),
        lat=lat,
        lon=lon,
        schedule=sessions(rng, m),
        cost_eur=np.where(paid, rng.uniform(5, 40, m).round(), 0.0),
        uitpas=paid & (rng.random(m) < 0.5),
        childcare=rng.random(m) < 0.2,
        women_only=rng.random(m) < 0.05,
        places_left=rng.integers(4, 16, m),
    )


def flanders_instance(n: int = 20_000, m: int = 5_000, k: int = 2, seed: int = SEED):
    """The seeded instance: newcomer and activity tables, and the allocation arrays."""
    rng = np.random.default_rng(seed)
    centres, share = municipalities(rng)
    newcomers = newcomer_table(rng, n, centres, share)
    activities = activity_table(rng, m, centres, share)
    graph = candidate_graph(newcomers, activities, top_k=30)
    priority = priority_weights(
        compulsory=rng.random(n) < 0.7,
        waiting_days=rng.integers(0, 240, n),
        days_to_deadline=np.where(rng.random(n) < 0.3, rng.integers(0, 365, n), np.nan),
    )
    arrays = {
        "newcomer": graph.newcomer,
        "activity": graph.activity,
        "fit": graph.fit,
        "capacity": activities.places_left,
        "priority": priority,
        "max_per_newcomer": k,
        "n_newcomers": n,
    }
    return newcomers, activities, arrays


def median_time(fn: Callable[[], object], repeats: int) -> tuple[float, object]:
    """Median wall time of ``repeats`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def relative_gap(optimum: float, value: float) -> float:
    """(optimum - value) / optimum; float noise below 1e-12 is reported as 0 (equal)."""
    gap = (optimum - value) / optimum
    return 0.0 if abs(gap) < 1e-12 else gap


def measure(
    value: float,
    unit: str,
    baseline: float | None = None,
    ratio: float | None = None,
    note: str = "",
) -> dict:
    out = {"value": value, "unit": unit, "baseline": baseline, "ratio": ratio}
    if note:
        out["note"] = note
    return out


def plan_candidates(activities: ActivityTable, arrays: dict, row: int) -> list[PlanCandidate]:
    """The candidate edges of newcomer ``row`` as plan candidates with seeded hours."""
    rng = np.random.default_rng(SEED + row)
    edges = np.flatnonzero(arrays["newcomer"] == row)
    out = []
    for e in edges:
        j = int(arrays["activity"][e])
        mask = sum(int(w) << (64 * i) for i, w in enumerate(activities.schedule[j]))
        hours = hours_in_period(
            float(rng.choice([1.5, 2.0, 3.0])),
            float(rng.choice([1.0, 0.5])),
            13,
            float(rng.choice([12.0, 20.0, 40.0])),
        )
        kind = TYPES[int(activities.type_index[j])]
        out.append(
            PlanCandidate(key=j, fit=float(arrays["fit"][e]), hours=hours, schedule=mask, type=kind)
        )
    return out


def run() -> dict[str, dict]:
    _, activities, arrays = flanders_instance()
    edges = arrays["newcomer"].size

    def ours() -> object:
        return allocate(AllocationProblem(**arrays))

    ours_s, ours_result = median_time(ours, repeats=5)
    fair_s, _ = median_time(lambda: allocate(AllocationProblem(**arrays), fairness=True), 3)
    lp_s, lp_result = median_time(lambda: lp_allocation(AllocationProblem(**arrays)), 1)
    problem = AllocationProblem(**arrays)
    fcfs = fcfs_allocation(problem)
    greedy = greedy_allocation(problem)
    gap = relative_gap(lp_result.lp_bound, ours_result.objective)
    rows = np.flatnonzero(np.bincount(arrays["newcomer"], minlength=arrays["n_newcomers"]) >= 30)
    pools = [plan_candidates(activities, arrays, int(r)) for r in rows[:: max(1, rows.size // 60)]]
    plan_s = [
        median_time(lambda pool=pool: build_plan(pool, PlanOptions()), 1)[0] for pool in pools
    ]
    size = (
        f"{arrays['n_newcomers']} newcomers x {activities.places_left.size} activities, "
        f"{edges} edges"
    )
    return {
        "allocation_flanders_s": measure(
            ours_s,
            "s",
            note=f"{size}, k=2; median of 5; fairness mode {fair_s:.2f} s; target <= 2 s",
        ),
        "allocation_optimality_gap": measure(
            gap,
            "ratio",
            lp_result.lp_bound,
            ours_result.objective / lp_result.lp_bound,
            note="relative gap to the HiGHS LP optimum on the same Flanders instance",
        ),
        "allocation_fit_vs_fcfs": measure(
            ours_result.objective / fcfs.objective,
            "ratio",
            fcfs.objective,
            ours_result.objective / fcfs.objective,
            note="priority-weighted total fit",
        ),
        "allocation_fit_vs_greedy": measure(
            ours_result.objective / greedy.objective,
            "ratio",
            greedy.objective,
            ours_result.objective / greedy.objective,
            note="priority-weighted total fit",
        ),
        "allocation_speedup_vs_lp": measure(
            lp_s / ours_s,
            "x",
            lp_s,
            lp_s / ours_s,
            note="scipy linprog(method='highs') on the same arrays, timed once; target >= 10",
        ),
        "plan_one_newcomer_ms": measure(
            statistics.median(plan_s) * 1000,
            "ms",
            note=f"CP-SAT, best plan + 2 alternatives, 30 candidates, median of {len(pools)} "
            "newcomers; target <= 200 ms",
        ),
    }
