"""Regional allocation of scarce places: the assignment of newcomers to activities with the
highest total priority-weighted fit, exact, as a min-cost flow (OR-Tools).

The flow network::

    source --(k_i)--> newcomer i --(1, cost -w_ij)--> activity j --(c_j)--> sink
    source ------------------(bypass, cost 0)----------------------------> sink

``w_ij = priority_i * fit_ij``. Every unit of flow through a newcomer is one place; the
bypass arc carries the units nobody takes, so the flow may assign fewer places whenever
that gives a higher total (a plain min-cost *max*-flow would force every possible place to
be filled, even with poor fits). Edges with ``w_ij <= 0`` can only lower the total and are
never assigned. Bipartite b-matching is totally unimodular, so the integer flow is the
optimum of the LP as well; :func:`lp_allocation` solves that LP with HiGHS to check it.

Integer costs: ``cost = -round(w * scale)`` with ``scale = cost_range / max(w)`` (see
:func:`cost_scale`); the optimum of the rounded problem is within ``edges_used / scale`` of
the float optimum, i.e. about one part in a billion at regional scale.

Fairness (``fairness=True``) is lexicographic: first the most newcomers with at least one
place, then the highest total. Stage 1 is a max-flow with one unit per newcomer, giving the
best count ``P``. Stage 2 is the min-cost flow above in which ``P`` units must enter
newcomers through "first place" arcs of capacity 1 each (a lower bound, modelled by giving
``P`` units of supply to a node that can only send them to newcomers' first-place arcs), so
at least ``P`` different newcomers are placed and the total is the best under that rule.
No big-M bonus is needed, so the fit keeps its full precision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from ortools.graph.python import max_flow, min_cost_flow

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
MAX_COST_RANGE = 10**9
# Weights at or below this are treated as zero: a fit of 1e-300 would make the integer cost
# scale overflow, and no coordinator can tell such an edge from "no fit".
MIN_WEIGHT = 1e-12


class AllocationError(ValueError):
    """The problem is malformed (lengths, indices, duplicate edges) or a solver failed."""


@dataclass(frozen=True)
class AllocationProblem:
    """Candidate edges ``(newcomer[e], activity[e])`` with ``fit[e]``; ``capacity[j]`` places
    per activity; ``priority[i]`` weight per newcomer (default 1); each newcomer gets at
    most ``max_per_newcomer`` places (one number or one per newcomer)."""

    newcomer: IntArray
    activity: IntArray
    fit: FloatArray
    capacity: IntArray
    priority: FloatArray | None = None
    max_per_newcomer: int | IntArray = 1
    n_newcomers: int = -1  # -1: len(priority), else the highest newcomer index + 1
    limit: IntArray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        for name in ("newcomer", "activity", "capacity"):
            object.__setattr__(self, name, np.asarray(getattr(self, name), dtype=np.int64))
        object.__setattr__(self, "fit", np.asarray(self.fit, dtype=float))
        if self.n_newcomers < 0:
            n = len(self.priority) if self.priority is not None else _count(self.newcomer)
            object.__setattr__(self, "n_newcomers", n)
        prio = np.ones(self.n_newcomers) if self.priority is None else self.priority
        object.__setattr__(self, "priority", np.asarray(prio, dtype=float))
        limit = np.broadcast_to(np.asarray(self.max_per_newcomer, np.int64), (self.n_newcomers,))
        object.__setattr__(self, "limit", limit)
        _validate(self)

    @property
    def n_activities(self) -> int:
        return int(self.capacity.size)

    @property
    def weight(self) -> FloatArray:
        """The objective value of each edge: newcomer priority times fit (tiny values → 0)."""
        assert self.priority is not None
        weight = self.priority[self.newcomer] * self.fit
        return np.where(weight > MIN_WEIGHT, weight, 0.0)


def _count(index: IntArray) -> int:
    return int(index.max()) + 1 if index.size else 0


def _validate(p: AllocationProblem) -> None:
    if not (p.newcomer.shape == p.activity.shape == p.fit.shape) or p.newcomer.ndim != 1:
        raise AllocationError("newcomer, activity and fit must be 1-d arrays of equal length")
    if p.newcomer.size and (p.newcomer.min() < 0 or p.newcomer.max() >= p.n_newcomers):
        raise AllocationError("a newcomer index is out of range")
    if p.activity.size and (p.activity.min() < 0 or p.activity.max() >= p.n_activities):
        raise AllocationError("an activity index is out of range")
    assert p.priority is not None
    if p.priority.shape != (p.n_newcomers,) or not np.all(np.isfinite(p.priority)):
        raise AllocationError("priority needs one finite weight per newcomer")
    if not np.all(np.isfinite(p.fit)):
        raise AllocationError("fits must be finite")
    if (p.capacity < 0).any() or (p.limit < 0).any():
        raise AllocationError("capacities and limits cannot be negative")
    # Sorting beats np.unique here: numpy 2's hash-based unique is ten times slower.
    key = np.sort(p.newcomer * max(1, p.n_activities) + p.activity)
    if (key[1:] == key[:-1]).any():
        raise AllocationError("an edge (newcomer, activity) is listed twice")


@dataclass(frozen=True)
class Allocation:
    """The chosen ``edges`` (indices into the problem's edge arrays, ascending).

    ``objective`` = Σ priority x fit of the chosen edges (floats, unscaled); ``fit`` = Σ
    fit; ``placed`` = newcomers with at least one place; ``cost_scale`` = integer cost units
    per objective point used by the flow (None for other methods); ``lp_bound`` = the LP
    optimum when the method solved an LP.
    """

    edges: IntArray
    objective: float
    fit: float
    placed: int
    method: str
    cost_scale: float | None = None
    lp_bound: float | None = None


def _result(p: AllocationProblem, chosen: IntArray, method: str, **extra: float) -> Allocation:
    chosen = np.sort(np.asarray(chosen, np.int64))
    return Allocation(
        edges=chosen,
        objective=float(p.weight[chosen].sum()),
        fit=float(p.fit[chosen].sum()),
        placed=int(np.count_nonzero(np.bincount(p.newcomer[chosen], minlength=p.n_newcomers))),
        method=method,
        **extra,  # type: ignore[arg-type]
    )


def is_feasible(p: AllocationProblem, a: Allocation) -> bool:
    """True when ``a`` respects every capacity and every newcomer's limit."""
    per_activity = np.bincount(p.activity[a.edges], minlength=p.n_activities)
    per_newcomer = np.bincount(p.newcomer[a.edges], minlength=p.n_newcomers)
    unique = not (np.diff(np.sort(a.edges)) == 0).any()
    return bool(unique and (per_activity <= p.capacity).all() and (per_newcomer <= p.limit).all())


def cost_scale(max_weight: float, n_nodes: int) -> float:
    """Integer cost units per objective point, so the largest edge costs ``cost_range``.

    ``cost_range`` is 10^9, lowered for huge graphs so that OR-Tools' cost scaling (which
    multiplies costs by the node count, and whose prices grow with it) stays within int64.
    """
    safe = (2**62) // ((n_nodes + 1) ** 2)
    cost_range = max(1000, min(MAX_COST_RANGE, safe))
    return cost_range / max_weight if max_weight > 0 else 1.0


@dataclass
class _Network:
    """Arc arrays of a flow network, added in blocks; arc ids follow the order of adding."""

    tails: list[NDArray[np.int32]] = field(default_factory=list)
    heads: list[NDArray[np.int32]] = field(default_factory=list)
    caps: list[IntArray] = field(default_factory=list)
    costs: list[IntArray] = field(default_factory=list)

    def add(self, tails: NDArray, heads: NDArray, caps: NDArray, costs: NDArray | int = 0) -> None:
        size = np.broadcast_shapes(np.shape(tails), np.shape(heads), (1,))
        self.tails.append(np.broadcast_to(np.asarray(tails, np.int32), size))
        self.heads.append(np.broadcast_to(np.asarray(heads, np.int32), size))
        self.caps.append(np.broadcast_to(np.asarray(caps, np.int64), size))
        self.costs.append(np.broadcast_to(np.asarray(costs, np.int64), size))

    def arrays(self) -> list[NDArray]:
        """Tails, heads, capacities and costs, each as one contiguous array."""
        columns = (self.tails, self.heads, self.caps, self.costs)
        return [np.ascontiguousarray(np.concatenate(column)) for column in columns]


def allocate(problem: AllocationProblem, *, fairness: bool = False) -> Allocation:
    """The allocation with the highest total priority-weighted fit (exact; see module doc).

    Guarantees: capacities and per-newcomer limits hold; only edges with a positive weight
    are used; the objective equals the LP optimum up to the integer cost scale. With
    ``fairness`` the number of newcomers placed is the largest possible first.
    """
    p = problem
    useful = np.flatnonzero(p.weight > 0)
    method = "min_cost_flow_fair" if fairness else "min_cost_flow"
    if useful.size == 0:
        return _result(p, useful, method, cost_scale=1.0)
    n, m = p.n_newcomers, p.n_activities
    source, sink, first = n + m, n + m + 1, n + m + 2
    scale = cost_scale(float(p.weight[useful].max()), n + m + 3)
    net = _Network()
    net.add(p.newcomer[useful], n + p.activity[useful], 1, -np.rint(p.weight[useful] * scale))
    units = np.minimum(p.limit, np.bincount(p.newcomer[useful], minlength=n))
    placed = _max_placed(p, useful) if fairness else 0
    if fairness:
        # `placed` units start at `first` and can only enter newcomers by a 1-unit arc each.
        has_edge = np.flatnonzero(units > 0)
        net.add(first, has_edge, 1)
        net.add(source, has_edge, units[has_edge] - 1)
        net.add(source, first, has_edge.size - placed)
    else:
        net.add(source, np.arange(n), units)
    demand = np.bincount(p.activity[useful], minlength=m)
    net.add(n + np.arange(m), sink, np.minimum(p.capacity, demand))
    total = int(units.sum())
    net.add(source, sink, total)  # the bypass: places left unassigned
    supplies = {source: total - placed, sink: -total} | ({first: placed} if fairness else {})
    flow = _solve_min_cost(net, supplies)
    return _result(p, useful[flow[: useful.size] > 0], method, cost_scale=scale)


def _solve_min_cost(net: _Network, supplies: dict[int, int]) -> IntArray:
    tails, heads, caps, costs = net.arrays()
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    nodes = np.array(list(supplies), dtype=np.int32)
    solver.set_nodes_supplies(nodes, np.array(list(supplies.values()), dtype=np.int64))
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise AllocationError(f"min-cost flow failed: {status!r}")
    return np.asarray(solver.flows(np.arange(tails.size, dtype=np.int32)))


def _max_placed(p: AllocationProblem, useful: IntArray) -> int:
    """The most newcomers that can get at least one place (a max-flow, one unit each)."""
    n, m = p.n_newcomers, p.n_activities
    source, sink = n + m, n + m + 1
    net = _Network()
    net.add(p.newcomer[useful], n + p.activity[useful], 1)
    net.add(source, np.flatnonzero(np.bincount(p.newcomer[useful], minlength=n)), 1)
    net.add(n + np.arange(m), sink, p.capacity)
    tails, heads, caps, _ = net.arrays()
    solver = max_flow.SimpleMaxFlow()
    solver.add_arcs_with_capacity(tails, heads, caps)
    if solver.solve(source, sink) != solver.OPTIMAL:
        raise AllocationError("max-flow failed")
    return int(solver.optimal_flow())


def priority_weights(
    compulsory: NDArray[np.bool_],
    waiting_days: NDArray,
    days_to_deadline: NDArray | None = None,
    *,
    compulsory_bonus: float = 0.5,
    per_month_waiting: float = 0.05,
    max_waiting_bonus: float = 0.5,
    deadline_bonus: float = 0.5,
    deadline_window_days: float = 90.0,
) -> FloatArray:
    """Priority per newcomer: 1, plus a bonus for a compulsory trajectory, for each month of
    waiting (capped) and, rising linearly, for a deadline within ``deadline_window_days``
    (``nan`` = no deadline). Always >= 1, so a priority never turns a fit negative."""
    compulsory = np.asarray(compulsory, bool)
    waiting = np.clip(np.asarray(waiting_days, float), 0, None)
    prio = 1.0 + compulsory_bonus * compulsory
    prio = prio + np.minimum(per_month_waiting * waiting / 30.0, max_waiting_bonus)
    if days_to_deadline is not None:
        days = np.asarray(days_to_deadline, float)
        near = np.clip(1.0 - days / deadline_window_days, 0.0, 1.0)
        prio = prio + deadline_bonus * np.nan_to_num(near, nan=0.0)
    return prio


# --- Baselines and the LP route, for tests and benchmarks --------------------------------


def fcfs_allocation(problem: AllocationProblem, order: IntArray | None = None) -> Allocation:
    """First come, first served: newcomers in arrival ``order`` (default: index order) each
    take their best remaining activities, up to their limit (positive fits only)."""
    p = problem
    order = np.arange(p.n_newcomers) if order is None else np.asarray(order, np.int64)
    arrival = np.empty(p.n_newcomers, np.int64)
    arrival[order] = np.arange(order.size)
    useful = np.flatnonzero(p.weight > 0)
    ranked = useful[np.lexsort((-p.fit[useful], arrival[p.newcomer[useful]]))]
    return _result(p, _take_in_order(p, ranked), "fcfs")


def greedy_allocation(problem: AllocationProblem) -> Allocation:
    """Greedy best-edge-first: edges by decreasing weight, each taken while both have room."""
    p = problem
    useful = np.flatnonzero(p.weight > 0)
    ranked = useful[np.argsort(-p.weight[useful], kind="stable")]
    return _result(p, _take_in_order(p, ranked), "greedy")


def _take_in_order(p: AllocationProblem, ranked: IntArray) -> IntArray:
    room = p.capacity.copy()
    left = p.limit.copy()
    chosen = []
    edges = zip(
        ranked.tolist(), p.newcomer[ranked].tolist(), p.activity[ranked].tolist(), strict=True
    )
    for e, i, j in edges:
        if room[j] > 0 and left[i] > 0:
            room[j] -= 1
            left[i] -= 1
            chosen.append(e)
    return np.array(chosen, dtype=np.int64)


def lp_allocation(problem: AllocationProblem) -> Allocation:
    """The same problem as an LP solved by HiGHS (``scipy.optimize.linprog``).

    The constraint matrix of bipartite b-matching is totally unimodular, so HiGHS returns an
    integral vertex; ``lp_bound`` is its objective. Raises ``AllocationError`` otherwise.
    """
    from scipy.optimize import linprog
    from scipy.sparse import csr_matrix

    p = problem
    useful = np.flatnonzero(p.weight > 0)
    if useful.size == 0:
        return _result(p, useful, "lp", lp_bound=0.0)
    rows = np.concatenate((p.newcomer[useful], p.n_newcomers + p.activity[useful]))
    cols = np.tile(np.arange(useful.size), 2)
    shape = (p.n_newcomers + p.n_activities, useful.size)
    a_ub = csr_matrix((np.ones(rows.size), (rows, cols)), shape=shape)
    b_ub = np.concatenate((p.limit, p.capacity)).astype(float)
    res = linprog(-p.weight[useful], A_ub=a_ub, b_ub=b_ub, bounds=(0, 1), method="highs")
    if res.status != 0:
        raise AllocationError(f"LP failed: {res.message}")
    if np.abs(res.x - np.rint(res.x)).max() > 1e-6:
        raise AllocationError("LP optimum is not integral")
    return _result(p, useful[res.x > 0.5], "lp", lp_bound=float(-res.fun))
