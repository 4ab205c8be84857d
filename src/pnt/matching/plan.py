"""A 40-hour plan for one newcomer: activities that do not clash in the week and together
reach the target hours within the period, with the highest total fit — solved exactly
with OR-Tools CP-SAT, plus up to two alternative plans.

The model, per candidate activity ``i`` a yes/no ``x_i``:

* no clash: for every hour of the week, at most one chosen activity takes that hour;
* at most ``max_activities`` activities, at most ``max_per_type`` of one type (variety);
* objective, lexicographic: first the hours covered up to the target (``min(Σ h_i x_i,
  target)``, in minutes), then the total fit (scaled by ``FIT_SCALE`` to integers). The
  first term is multiplied by more than any possible fit total, so a plan that reaches
  the target always beats one that does not, whatever the fits.

An alternative must leave out at least one activity of every earlier plan.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from .profiles import Activity, ActivityTable, Newcomer, NewcomerTable, Vocabularies
from .scoring import Weights, score_newcomer
from .week import HOURS_PER_WEEK

FIT_SCALE = 1000  # fit points -> integer objective units (0.001 point resolution)


@dataclass(frozen=True)
class PlanCandidate:
    """An activity the plan may use: its fit, the hours it adds in the period, its week."""

    key: Hashable
    fit: float
    hours: float
    schedule: int = 0  # weekly hour mask; 0 = by appointment, never clashes
    type: str = "other"


@dataclass(frozen=True)
class PlanOptions:
    """How a plan is built. ``weeks`` is the length of the chosen period."""

    target_hours: float = 40.0
    weeks: int = 13
    max_activities: int = 4
    max_per_type: int = 2
    alternatives: int = 2
    time_limit_s: float = 2.0


@dataclass(frozen=True)
class Plan:
    """Chosen activities (in candidate order), their hours and fit; ``optimal`` is False only
    when the solver hit its time limit."""

    activities: tuple[Hashable, ...]
    hours: float
    fit: float
    reaches_target: bool
    optimal: bool = True


@dataclass(frozen=True)
class PlanResult:
    """The best plan (None when no candidate) and up to ``alternatives`` other plans."""

    best: Plan | None
    alternatives: list[Plan]


def hours_in_period(
    hours_per_session: float, sessions_per_week: float, weeks: int, total_hours: float | None
) -> float:
    """Hours an activity adds within ``weeks``: whole sessions held, capped by its total."""
    sessions = math.floor(sessions_per_week * weeks + 1e-9)
    hours = hours_per_session * sessions
    return hours if total_hours is None else min(hours, total_hours)


def build_plan(
    candidates: Sequence[PlanCandidate], options: PlanOptions | None = None
) -> PlanResult:
    """The best plan and its alternatives (see the module docstring for the exact model).

    Guarantees: no two chosen activities share an hour of the week; limits on the number of
    activities and per type hold; the target is reached whenever some allowed set reaches
    it; among those, the total fit is maximal (to 1/``FIT_SCALE`` point).
    """
    opts = options or PlanOptions()
    if not candidates:
        return PlanResult(best=None, alternatives=[])
    model, x = _model(candidates, opts)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # tiny models: one worker is fastest and deterministic
    solver.parameters.max_time_in_seconds = opts.time_limit_s
    plans: list[Plan] = []
    while len(plans) <= opts.alternatives:
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break
        chosen = [i for i, var in enumerate(x) if solver.boolean_value(var)]
        if not chosen:
            break
        plans.append(_plan(candidates, chosen, opts, optimal=status == cp_model.OPTIMAL))
        model.add(sum(x[i] for i in chosen) <= len(chosen) - 1)  # differ from this plan
    return PlanResult(best=plans[0] if plans else None, alternatives=plans[1:])


def _model(
    candidates: Sequence[PlanCandidate], opts: PlanOptions
) -> tuple[cp_model.CpModel, list[cp_model.IntVar]]:
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(len(candidates))]
    for group in _clash_groups(candidates):
        model.add_at_most_one(x[i] for i in group)
    model.add(sum(x) <= opts.max_activities)
    for kind in {c.type for c in candidates}:
        same = [x[i] for i, c in enumerate(candidates) if c.type == kind]
        if len(same) > opts.max_per_type:
            model.add(sum(same) <= opts.max_per_type)
    minutes = [round(c.hours * 60) for c in candidates]
    target = round(opts.target_hours * 60)
    covered = model.new_int_var(0, target, "covered")
    model.add(covered <= sum(m * xi for m, xi in zip(minutes, x, strict=True)))
    fits = [round(c.fit * FIT_SCALE) for c in candidates]
    big = sum(abs(f) for f in fits) + 1  # one minute covered outweighs any fit difference
    model.maximize(big * covered + sum(f * xi for f, xi in zip(fits, x, strict=True)))
    return model, x


def _clash_groups(candidates: Sequence[PlanCandidate]) -> set[tuple[int, ...]]:
    # One at-most-one group per hour of the week that two or more candidates take; the same
    # group for many hours (a two-hour session) is added once.
    groups = set()
    for hour in range(HOURS_PER_WEEK):
        group = tuple(i for i, c in enumerate(candidates) if c.schedule >> hour & 1)
        if len(group) > 1:
            groups.add(group)
    return groups


def _plan(
    candidates: Sequence[PlanCandidate], chosen: list[int], opts: PlanOptions, optimal: bool
) -> Plan:
    hours = sum(candidates[i].hours for i in chosen)
    return Plan(
        activities=tuple(candidates[i].key for i in chosen),
        hours=hours,
        fit=sum(candidates[i].fit for i in chosen),
        reaches_target=hours >= opts.target_hours - 1e-9,
        optimal=optimal,
    )


def plan_for(
    newcomer: Newcomer,
    activities: Sequence[Activity],
    *,
    weights: Weights | None = None,
    options: PlanOptions | None = None,
    candidates: int = 30,
    vocab: Vocabularies | None = None,
) -> PlanResult:
    """A plan for ``newcomer`` from the ``candidates`` best allowed activities.

    Activities breaking a hard rule (level, distance, childcare, …) are never planned.
    """
    opts = options or PlanOptions()
    vocab = vocab or Vocabularies.of([newcomer], activities)
    table = ActivityTable.of(activities, vocab)
    scores = score_newcomer(NewcomerTable.of([newcomer], vocab), 0, table, weights)
    fit = scores.total
    allowed = np.flatnonzero(scores.allowed)
    best = allowed[np.lexsort((allowed, -fit[allowed]))][:candidates]
    chosen = [activities[i] for i in best]
    pool = [
        PlanCandidate(
            key=a.key,
            fit=float(fit[i]),
            hours=hours_in_period(
                a.hours_per_session, a.sessions_per_week, opts.weeks, a.total_hours
            ),
            schedule=a.schedule,
            type=a.type,
        )
        for i, a in zip(best, chosen, strict=True)
    ]
    return build_plan(pool, opts)
