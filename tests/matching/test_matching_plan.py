"""The 40-hour plan: no clashes, the target reached when possible, the best fit (brute force)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pnt.matching import (
    Activity,
    Newcomer,
    PlanCandidate,
    PlanOptions,
    build_plan,
    hours_in_period,
    plan_for,
    week,
)
from pnt.matching.plan import FIT_SCALE

TYPES = ("conversation_table", "samen_doen", "volunteering")


@st.composite
def candidates(draw, most: int = 9) -> list[PlanCandidate]:
    out = []
    for i in range(draw(st.integers(0, most))):
        day, start = draw(st.integers(0, 2)), draw(st.integers(9, 12))
        flexible = draw(st.booleans()) and draw(st.booleans())
        out.append(
            PlanCandidate(
                key=i,
                fit=draw(st.floats(-2, 10, allow_nan=False)),
                hours=draw(st.sampled_from([4.0, 6.5, 10.0, 13.0, 20.0])),
                schedule=0
                if flexible
                else week.session(day, start, start + draw(st.integers(1, 2))),
                type=draw(st.sampled_from(TYPES)),
            )
        )
    return out


def allowed(chosen: list[PlanCandidate], opts: PlanOptions) -> bool:
    if len(chosen) > opts.max_activities:
        return False
    if any(sum(c.type == t for c in chosen) > opts.max_per_type for t in TYPES):
        return False
    return all(not (a.schedule & b.schedule) for a, b in itertools.combinations(chosen, 2))


def best_by_brute_force(pool: list[PlanCandidate], opts: PlanOptions) -> tuple[int, int]:
    best = (0, 0)
    for size in range(1, len(pool) + 1):
        for chosen in itertools.combinations(pool, size):
            if allowed(list(chosen), opts):
                covered = min(
                    round(sum(c.hours for c in chosen) * 60), round(opts.target_hours * 60)
                )
                best = max(best, (covered, sum(round(c.fit * FIT_SCALE) for c in chosen)))
    return best


@settings(max_examples=80, deadline=None)
@given(candidates(), st.sampled_from([20.0, 40.0]), st.integers(1, 4), st.integers(1, 2))
def test_plan_is_allowed_and_as_good_as_brute_force(pool, target, most, per_type):
    opts = PlanOptions(target_hours=target, max_activities=most, max_per_type=per_type)
    result = build_plan(pool, opts)
    covered, fit = best_by_brute_force(pool, opts)
    if result.best is None:
        assert covered == 0 and fit <= 0
        return
    by_key = {c.key: c for c in pool}
    plans = [result.best, *result.alternatives]
    for plan in plans:
        chosen = [by_key[k] for k in plan.activities]
        assert allowed(chosen, opts)
        assert plan.hours == pytest.approx(sum(c.hours for c in chosen))
    best = [by_key[k] for k in result.best.activities]
    assert min(round(result.best.hours * 60), round(target * 60)) == covered
    assert result.best.reaches_target == (covered >= round(target * 60))
    assert sum(round(c.fit * FIT_SCALE) for c in best) == fit
    for earlier, later in itertools.combinations(plans, 2):
        assert not set(earlier.activities) <= set(later.activities)


def test_target_beats_fit():
    pool = [
        PlanCandidate("great but short", fit=9.0, hours=10, schedule=week.session(0, 9, 11)),
        PlanCandidate("long", fit=1.0, hours=40, schedule=week.session(0, 10, 12)),
    ]
    result = build_plan(pool, PlanOptions(target_hours=40))
    assert result.best.activities == ("long",) and result.best.reaches_target
    assert result.alternatives[0].activities == ("great but short",)
    assert not result.alternatives[0].reaches_target


def test_no_candidates_no_plan():
    assert build_plan([]).best is None


def test_hours_in_period_counts_whole_sessions_and_caps_at_the_total():
    assert hours_in_period(2.0, 1.0, 13, None) == 26.0
    assert hours_in_period(2.0, 0.5, 13, None) == 12.0  # every other week: 6 sessions
    assert hours_in_period(3.0, 1.0, 13, 20.0) == 20.0


def test_plan_for_a_newcomer_uses_allowed_activities_only():
    here = {"lat": 51.03, "lon": 4.48}
    newcomer = Newcomer("n", themes=frozenset({"cooking"}), dutch_level=1, max_km=10, **here)
    pool = [
        Activity(
            "cooking",
            type="samen_doen",
            themes=frozenset({"cooking"}),
            schedule=week.session(1, 19, 21),
            hours_per_session=2,
            **here,
        ),
        Activity(
            "volunteering",
            type="volunteering",
            schedule=week.session(3, 9, 12),
            hours_per_session=3,
            total_hours=30,
            **here,
        ),
        Activity(
            "B1 club",
            type="culture",
            dutch_level=3,
            schedule=week.session(4, 9, 12),
            hours_per_session=3,
            **here,
        ),
        Activity("clash", type="sport", schedule=week.session(1, 20, 22), **here),
    ]
    result = plan_for(newcomer, pool, options=PlanOptions(target_hours=40, weeks=13))
    assert result.best.activities == ("cooking", "volunteering")
    assert result.best.hours == 26 + 30 and result.best.reaches_target
    assert all("B1 club" not in p.activities for p in result.alternatives)
