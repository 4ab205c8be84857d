"""The fit of a newcomer for an activity: a sum of named, weighted parts, plus hard rules.

Every part is a number of points that one sentence can explain (see :mod:`.explain`):

========== ============================================================================
interests  ``interests`` points when they share ``interests_cap`` themes, pro rata below
goal       ``goal`` points when the activity serves one of the newcomer's goals
distance   minus ``distance_per_km`` points per km between home and activity
schedule   ``schedule`` points times the share of the activity's hours within the
           newcomer's availability (an activity by appointment always fits; unknown
           availability gives 0 to every activity, so it does not tilt the ranking)
cost       when cost is a barrier: ``cost`` points if free, half if UiTPAS makes it cheap
childcare  ``childcare`` points when the newcomer needs childcare and it is offered
places     ``places`` points when ``places_cap`` or more places are left, pro rata below
variety    ``variety`` points for a type the newcomer has not done yet
own_words  optional (only when a similarity is given): ``own_words`` points when the
           newcomer's own words are as close to the activity as ``own_words_full``,
           pro rata down to ``own_words_floor`` (see :mod:`.embedding`)
========== ============================================================================

Hard rules exclude a pair whatever its points (flags in :class:`Excluded`): the needed
Dutch level above the newcomer's, farther than the newcomer's ``max_km``, no childcare when
it is needed, women-only for a newcomer who is not a woman, a price above the newcomer's
limit, and no places left.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntFlag

import numpy as np
from numpy.typing import NDArray

from .bitsets import WORD_BITS, popcount
from .geo import haversine_km, pairs_within
from .profiles import ActivityTable, NewcomerTable

PARTS = ("interests", "goal", "distance", "schedule", "cost", "childcare", "places", "variety")
OWN_WORDS = "own_words"  # the optional part: scored only when a similarity is given
ALL_PARTS = (*PARTS, OWN_WORDS)
IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class Weights:
    """All weights of the fit score in one place; a region passes its own to change them."""

    interests: float = 3.0
    interests_cap: int = 2
    goal: float = 1.0
    distance_per_km: float = 0.1
    schedule: float = 2.0
    cost: float = 1.0
    uitpas_price_factor: float = 0.2  # share of the price paid with the UiTPAS social tariff
    childcare: float = 0.5
    places: float = 0.5
    places_cap: int = 5
    variety: float = 1.5
    # Cosine similarities of multilingual-e5-small crowd into 0.75..0.9: between the floor
    # and "full" the part grows linearly (calibrated on bench/own_words_eval.json).
    own_words: float = 3.0
    own_words_floor: float = 0.80
    own_words_full: float = 0.85


class Excluded(IntFlag):
    """Why a pair is impossible; several flags can be set at once (0 = allowed)."""

    DUTCH_LEVEL = 1
    TOO_FAR = 2
    NO_CHILDCARE = 4
    WOMEN_ONLY = 8
    TOO_EXPENSIVE = 16
    FULL = 32


@dataclass(frozen=True)
class PairScores:
    """Scores of the pairs ``(newcomer[p], activity[p])``: one row of ``parts`` per pair.

    ``parts[:, names.index(name)]`` holds the points of each part (``names`` is ``PARTS``, or
    ``ALL_PARTS`` when own words were scored, with their ``similarity``); ``excluded`` the
    hard-rule flags (0 = allowed). ``total`` is the fit whether or not the pair is allowed.
    """

    newcomer: IntArray
    activity: IntArray
    km: NDArray[np.float64]
    parts: NDArray[np.float64]
    excluded: IntArray
    names: tuple[str, ...] = PARTS
    similarity: NDArray[np.float64] | None = None

    @property
    def total(self) -> NDArray[np.float64]:
        return self.parts.sum(axis=1)

    @property
    def allowed(self) -> NDArray[np.bool_]:
        return self.excluded == 0

    def part(self, name: str) -> NDArray[np.float64]:
        return self.parts[:, self.names.index(name)]


def effective_cost(
    newcomers: NewcomerTable, activities: ActivityTable, ni: IntArray, ai: IntArray, w: Weights
) -> NDArray[np.float64]:
    """What the newcomer would pay: the UiTPAS social tariff applies when both sides have it."""
    reduced = activities.uitpas[ai] & newcomers.has_uitpas[ni]
    return activities.cost_eur[ai] * np.where(reduced, w.uitpas_price_factor, 1.0)


def score_pairs(
    newcomers: NewcomerTable,
    activities: ActivityTable,
    ni: IntArray,
    ai: IntArray,
    weights: Weights | None = None,
    km: NDArray[np.float64] | None = None,
    similarity: NDArray[np.float64] | None = None,
) -> PairScores:
    """Scores for the pairs of newcomer rows ``ni`` and activity rows ``ai`` (equal lengths).

    ``km`` may give the distances (computed by the caller, e.g. by road); otherwise they are
    great-circle distances. ``similarity`` (one per pair) adds the ``own_words`` part: how
    close the newcomer's own words are to the activity. Pure numpy: millions of pairs per
    second.
    """
    w = weights or Weights()
    ni, ai = np.asarray(ni, np.int64), np.asarray(ai, np.int64)
    if km is None:
        km = haversine_km(
            newcomers.lat[ni], newcomers.lon[ni], activities.lat[ai], activities.lon[ai]
        )
    names = PARTS if similarity is None else ALL_PARTS
    parts = np.empty((ni.size, len(names)))
    shared = popcount(newcomers.themes[ni] & activities.themes[ai])
    cap = max(1, w.interests_cap)
    parts[:, 0] = w.interests * np.minimum(shared, cap) / cap
    parts[:, 1] = w.goal * (popcount(newcomers.goals[ni] & activities.goals[ai]) > 0)
    parts[:, 2] = -w.distance_per_km * km
    parts[:, 3] = w.schedule * schedule_share(newcomers, activities, ni, ai)
    cost = effective_cost(newcomers, activities, ni, ai, w)
    cheap = np.where(cost <= 0, 1.0, np.where(cost < activities.cost_eur[ai], 0.5, 0.0))
    parts[:, 4] = w.cost * newcomers.cost_barrier[ni] * cheap
    parts[:, 5] = w.childcare * (newcomers.needs_childcare[ni] & activities.childcare[ai])
    places_cap = max(1, w.places_cap)
    parts[:, 6] = w.places * np.clip(activities.places_left[ai], 0, places_cap) / places_cap
    parts[:, 7] = w.variety * ~_type_done(newcomers, activities, ni, ai)
    if similarity is not None:
        similarity = np.asarray(similarity, dtype=float)
        parts[:, 8] = own_words_points(similarity, w)
    excluded = _hard_rules(newcomers, activities, ni, ai, km, cost)
    return PairScores(
        newcomer=ni,
        activity=ai,
        km=km,
        parts=parts,
        excluded=excluded,
        names=names,
        similarity=similarity,
    )


def own_words_points(similarity: NDArray[np.float64], w: Weights) -> NDArray[np.float64]:
    """Points of the ``own_words`` part: 0 at or below the floor, full weight at ``full``."""
    span = max(w.own_words_full - w.own_words_floor, 1e-9)
    return w.own_words * np.clip((similarity - w.own_words_floor) / span, 0.0, 1.0)


def schedule_share(
    newcomers: NewcomerTable, activities: ActivityTable, ni: IntArray, ai: IntArray
) -> NDArray[np.float64]:
    """Share (0..1) of each activity's weekly hours that fall in the newcomer's availability.

    1 for an activity by appointment (no fixed hours); 0 when the availability is unknown.
    """
    busy = popcount(activities.schedule[ai])
    known = popcount(newcomers.availability[ni]) > 0
    inside = popcount(newcomers.availability[ni] & activities.schedule[ai])
    share = np.where(busy == 0, 1.0, inside / np.maximum(busy, 1))
    return np.where(known, share, 0.0)


def _type_done(
    newcomers: NewcomerTable, activities: ActivityTable, ni: IntArray, ai: IntArray
) -> NDArray[np.bool_]:
    t = activities.type_index[ai]
    words = newcomers.types_done[ni, t // WORD_BITS]
    return ((words >> (t % WORD_BITS).astype(np.uint64)) & np.uint64(1)).astype(bool)


def _hard_rules(
    newcomers: NewcomerTable,
    activities: ActivityTable,
    ni: IntArray,
    ai: IntArray,
    km: NDArray[np.float64],
    cost: NDArray[np.float64],
) -> IntArray:
    flags = np.zeros(ni.size, dtype=np.int64)
    flags |= Excluded.DUTCH_LEVEL * (activities.dutch_level[ai] > newcomers.dutch_level[ni])
    flags |= Excluded.TOO_FAR * (km > newcomers.max_km[ni])
    flags |= Excluded.NO_CHILDCARE * (newcomers.needs_childcare[ni] & ~activities.childcare[ai])
    flags |= Excluded.WOMEN_ONLY * (activities.women_only[ai] & ~newcomers.is_woman[ni])
    flags |= Excluded.TOO_EXPENSIVE * (cost > newcomers.max_cost_eur[ni])
    flags |= Excluded.FULL * (activities.places_left[ai] <= 0)
    return flags


def score_newcomer(
    newcomers: NewcomerTable,
    row: int,
    activities: ActivityTable,
    weights: Weights | None = None,
    similarity: NDArray[np.float64] | None = None,
) -> PairScores:
    """Scores of newcomer ``row`` against every activity, in activity order (vectorised).

    ``similarity``: optional, one per activity, the closeness of the newcomer's own words.
    """
    ai = np.arange(len(activities), dtype=np.int64)
    ni = np.full(ai.size, row, np.int64)
    return score_pairs(newcomers, activities, ni, ai, weights, similarity=similarity)


@dataclass(frozen=True)
class CandidateGraph:
    """A sparse bipartite graph: edge ``e`` joins ``newcomer[e]`` to ``activity[e]``.

    Edges are sorted by newcomer, then by decreasing fit.
    """

    newcomer: IntArray
    activity: IntArray
    fit: NDArray[np.float64]

    def __len__(self) -> int:
        return int(self.newcomer.size)


def candidate_graph(
    newcomers: NewcomerTable,
    activities: ActivityTable,
    weights: Weights | None = None,
    top_k: int = 30,
    min_fit: float = 0.0,
    chunk: int = 1_000_000,
) -> CandidateGraph:
    """The ``top_k`` allowed activities with fit above ``min_fit`` for every newcomer.

    Guarantees: every edge is allowed by all hard rules; no newcomer has more than ``top_k``
    edges; an omitted allowed pair has a fit no higher than the newcomer's lowest kept edge
    (or at most ``min_fit``). Only pairs within each newcomer's ``max_km`` are scored, found
    with a k-d tree, so the cost grows with the pairs in reach, not newcomers x activities.
    """
    ni, ai, km = pairs_within(
        newcomers.lat, newcomers.lon, activities.lat, activities.lon, newcomers.max_km
    )
    keep_n, keep_a, keep_f = [], [], []
    for start in range(0, ni.size, chunk):
        part = slice(start, start + chunk)
        s = score_pairs(newcomers, activities, ni[part], ai[part], weights, km[part])
        fit = s.total
        ok = s.allowed & (fit > min_fit)
        keep_n.append(s.newcomer[ok])
        keep_a.append(s.activity[ok])
        keep_f.append(fit[ok])
    n, a, f = (np.concatenate(x) if x else np.zeros(0) for x in (keep_n, keep_a, keep_f))
    return top_k_per_group(n.astype(np.int64), a.astype(np.int64), f.astype(float), top_k)


def top_k_per_group(group: IntArray, other: IntArray, fit: NDArray, k: int) -> CandidateGraph:
    """Keep the ``k`` highest-fit edges of every group, sorted by group then decreasing fit
    (ties: earlier input first)."""
    n = group.size
    # Two stable int sorts instead of one three-key lexsort: three times faster at 5M edges.
    rank = np.empty(n, np.int64)
    rank[np.argsort(-fit, kind="stable")] = np.arange(n)
    order = np.argsort(group * max(n, 1) + rank, kind="stable")
    group, other, fit = group[order], other[order], fit[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]]) if n else group
    position = np.arange(n) - np.repeat(starts, np.diff(np.r_[starts, n]))
    keep = position < k
    return CandidateGraph(newcomer=group[keep], activity=other[keep], fit=fit[keep])
