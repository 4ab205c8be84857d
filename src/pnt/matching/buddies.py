"""Buddy matching rounds: waiting newcomers paired with volunteers, optimally.

Fit of a pair (named parts, see :class:`BuddyWeights`): a base value for any allowed pair,
shared interests, a language in common as a bridge (Dutch itself is not a bridge), distance,
shared free hours, closeness in age. Hard rules: within the volunteer's travel limit (and
the newcomer's, if given), each side's gender preference, never a forbidden pair (one that
ended badly); capacity per volunteer and one volunteer per newcomer are the flow's limits.
Compulsory trajectories and long waits raise a newcomer's priority weight.

The round is the allocation problem of :mod:`.allocation` with volunteers as "activities",
so it is exact (min-cost flow) and checked against the same LP and brute force.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from .allocation import Allocation, AllocationProblem, allocate, fcfs_allocation, priority_weights
from .bitsets import U64, Vocabulary, popcount, words_to_int
from .explain import Reason
from .geo import pairs_within
from .profiles import check_lengths, week_masks
from .week import describe

BUDDY_PARTS = ("base", "interests", "language", "distance", "availability", "age")


@dataclass(frozen=True)
class BuddyPerson:
    """A newcomer or a volunteer in a round.

    ``gender_pref`` is the gender this person wants the partner to have (None = any);
    ``max_km`` how far they will travel; ``capacity`` how many newcomers a volunteer takes.
    """

    key: Hashable
    interests: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    lat: float = 0.0
    lon: float = 0.0
    availability: int = 0
    age: float | None = None
    gender: str = ""
    gender_pref: str | None = None
    max_km: float = float("inf")
    capacity: int = 1
    compulsory: bool = False
    waiting_days: int = 0


@dataclass(frozen=True)
class BuddyVocabularies:
    interests: Vocabulary
    languages: Vocabulary
    genders: Vocabulary

    @classmethod
    def of(cls, *groups: Sequence[BuddyPerson]) -> BuddyVocabularies:
        people = [p for group in groups for p in group]
        return cls(
            interests=Vocabulary.of(*(p.interests for p in people)),
            languages=Vocabulary.of(*(p.languages for p in people)),
            genders=Vocabulary.of(
                [p.gender for p in people if p.gender],
                [p.gender_pref for p in people if p.gender_pref],
            ),
        )


@dataclass(frozen=True)
class BuddyTable:
    """People as columns. ``gender`` / ``gender_pref`` are indices in ``vocab.genders``
    (-1 = not given / any); ``age`` is nan when unknown."""

    keys: list[Hashable]
    interests: U64
    languages: U64
    lat: NDArray[np.float64]
    lon: NDArray[np.float64]
    availability: U64
    age: NDArray[np.float64]
    gender: NDArray[np.int64]
    gender_pref: NDArray[np.int64]
    max_km: NDArray[np.float64]
    capacity: NDArray[np.int64]
    compulsory: NDArray[np.bool_]
    waiting_days: NDArray[np.float64]
    vocab: BuddyVocabularies = field(repr=False)

    def __post_init__(self) -> None:
        check_lengths(self)

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def of(cls, people: Sequence[BuddyPerson], vocab: BuddyVocabularies) -> BuddyTable:
        def code(value: str | None) -> int:
            return vocab.genders.index.get(value, -1) if value else -1

        return cls(
            keys=[p.key for p in people],
            interests=vocab.interests.encode([p.interests for p in people]),
            languages=vocab.languages.encode([p.languages for p in people]),
            lat=np.array([p.lat for p in people], float),
            lon=np.array([p.lon for p in people], float),
            availability=week_masks([p.availability for p in people]),
            age=np.array([np.nan if p.age is None else p.age for p in people], float),
            gender=np.array([code(p.gender) for p in people], np.int64),
            gender_pref=np.array([code(p.gender_pref) for p in people], np.int64),
            max_km=np.array([p.max_km for p in people], float),
            capacity=np.array([p.capacity for p in people], np.int64),
            compulsory=np.array([p.compulsory for p in people], bool),
            waiting_days=np.array([p.waiting_days for p in people], float),
            vocab=vocab,
        )


@dataclass(frozen=True)
class BuddyWeights:
    """Weights of the pair fit, in one place (a region may pass its own)."""

    base: float = 1.0  # any allowed pair: a buddy at all beats waiting
    interests: float = 3.0
    interests_cap: int = 3
    language: float = 1.5
    not_a_bridge: frozenset[str] = frozenset({"nl"})  # the language they are learning
    distance_per_km: float = 0.1
    availability: float = 2.0
    availability_cap_hours: int = 6  # one shared day part counts in full
    age: float = 1.0
    age_span_years: float = 30.0  # points fall to 0 at this age difference
    compulsory_bonus: float = 0.5
    per_month_waiting: float = 0.05


@dataclass(frozen=True)
class BuddyScores:
    """Allowed pairs with positive fit: ``newcomer[e]``, ``volunteer[e]``, parts, ``fit``."""

    newcomer: NDArray[np.int64]
    volunteer: NDArray[np.int64]
    km: NDArray[np.float64]
    parts: NDArray[np.float64]

    @property
    def fit(self) -> NDArray[np.float64]:
        return self.parts.sum(axis=1)


def buddy_candidates(
    newcomers: BuddyTable,
    volunteers: BuddyTable,
    weights: BuddyWeights | None = None,
    forbidden: Iterable[tuple[int, int]] = (),
) -> BuddyScores:
    """Every allowed (newcomer, volunteer) pair with a positive fit, scored.

    Guarantees: each pair is within both travel limits, meets both gender preferences and
    is not in ``forbidden`` (pairs of row indices ``(newcomer, volunteer)``). Only pairs in
    reach are scored (k-d tree), so the cost follows the pairs, not the product.
    """
    if newcomers.vocab != volunteers.vocab:
        raise ValueError("newcomers and volunteers must be encoded with the same vocabularies")
    w = weights or BuddyWeights()
    vi, ni, km = pairs_within(
        volunteers.lat, volunteers.lon, newcomers.lat, newcomers.lon, volunteers.max_km
    )
    ok = (km <= newcomers.max_km[ni]) & _genders_agree(newcomers, volunteers, ni, vi)
    ok &= ~_is_forbidden(ni, vi, forbidden, len(volunteers))
    ni, vi, km = ni[ok], vi[ok], km[ok]
    parts = _parts(newcomers, volunteers, ni, vi, km, w)
    keep = parts.sum(axis=1) > 0
    return BuddyScores(newcomer=ni[keep], volunteer=vi[keep], km=km[keep], parts=parts[keep])


def _genders_agree(n: BuddyTable, v: BuddyTable, ni: NDArray, vi: NDArray) -> NDArray[np.bool_]:
    # A preference is met only by a partner who gave that gender; no preference always is.
    v_ok = (v.gender_pref[vi] < 0) | (n.gender[ni] == v.gender_pref[vi])
    n_ok = (n.gender_pref[ni] < 0) | (v.gender[vi] == n.gender_pref[ni])
    return v_ok & n_ok


def _is_forbidden(
    ni: NDArray, vi: NDArray, forbidden: Iterable[tuple[int, int]], n_vol: int
) -> NDArray[np.bool_]:
    pairs = np.array(list(forbidden), dtype=np.int64).reshape(-1, 2)
    if pairs.size == 0:
        return np.zeros(ni.size, bool)
    return np.isin(ni * n_vol + vi, pairs[:, 0] * n_vol + pairs[:, 1])


def _parts(
    n: BuddyTable, v: BuddyTable, ni: NDArray, vi: NDArray, km: NDArray, w: BuddyWeights
) -> NDArray[np.float64]:
    bridge = n.vocab.languages.encode_one(
        [s for s in n.vocab.languages.slugs if s not in w.not_a_bridge]
    )
    parts = np.empty((ni.size, len(BUDDY_PARTS)))
    parts[:, 0] = w.base
    cap = max(1, w.interests_cap)
    parts[:, 1] = w.interests * np.minimum(popcount(n.interests[ni] & v.interests[vi]), cap) / cap
    parts[:, 2] = w.language * (popcount(n.languages[ni] & v.languages[vi] & bridge) > 0)
    parts[:, 3] = -w.distance_per_km * km
    hours_cap = max(1, w.availability_cap_hours)
    shared = popcount(n.availability[ni] & v.availability[vi])
    parts[:, 4] = w.availability * np.minimum(shared, hours_cap) / hours_cap
    closeness = 1.0 - np.abs(n.age[ni] - v.age[vi]) / w.age_span_years
    parts[:, 5] = w.age * np.nan_to_num(np.clip(closeness, 0.0, 1.0), nan=0.0)
    return parts


def buddy_problem(
    newcomers: BuddyTable,
    volunteers: BuddyTable,
    scores: BuddyScores,
    weights: BuddyWeights | None = None,
) -> AllocationProblem:
    """The round as an allocation problem: one volunteer per newcomer, volunteer capacities,
    priority for compulsory trajectories and waiting time."""
    w = weights or BuddyWeights()
    priority = priority_weights(
        newcomers.compulsory,
        newcomers.waiting_days,
        compulsory_bonus=w.compulsory_bonus,
        per_month_waiting=w.per_month_waiting,
    )
    return AllocationProblem(
        newcomer=scores.newcomer,
        activity=scores.volunteer,
        fit=scores.fit,
        capacity=volunteers.capacity,
        priority=priority,
        max_per_newcomer=1,
        n_newcomers=len(newcomers),
    )


@dataclass(frozen=True)
class Proposal:
    """One proposed pair, with the reasons the coach sees."""

    newcomer: Hashable
    volunteer: Hashable
    fit: float
    reasons: list[Reason]

    @property
    def text(self) -> str:
        return "; ".join(r.text for r in self.reasons)


@dataclass(frozen=True)
class BuddyRound:
    """The proposals of a round (best fit first), who stays waiting, and the solver result."""

    proposals: list[Proposal]
    unmatched: list[Hashable]
    allocation: Allocation


def buddy_round(
    newcomers: BuddyTable,
    volunteers: BuddyTable,
    *,
    weights: BuddyWeights | None = None,
    forbidden: Iterable[tuple[int, int]] = (),
) -> BuddyRound:
    """The optimal round: maximum total priority-weighted fit under all hard rules.

    Guarantees: no volunteer gets more newcomers than their capacity, no newcomer more than
    one volunteer, no pair breaks a hard rule, and the total is the optimum (min-cost flow).
    """
    w = weights or BuddyWeights()
    scores = buddy_candidates(newcomers, volunteers, w, forbidden)
    problem = buddy_problem(newcomers, volunteers, scores, w)
    return _round(newcomers, volunteers, scores, allocate(problem), w)


def greedy_buddy_round(
    newcomers: BuddyTable,
    volunteers: BuddyTable,
    *,
    weights: BuddyWeights | None = None,
    forbidden: Iterable[tuple[int, int]] = (),
) -> BuddyRound:
    """The baseline: newcomers in arrival order (longest waiting first) each take their
    best allowed volunteer with a place left."""
    w = weights or BuddyWeights()
    scores = buddy_candidates(newcomers, volunteers, w, forbidden)
    problem = buddy_problem(newcomers, volunteers, scores, w)
    order = np.argsort(-newcomers.waiting_days, kind="stable")
    return _round(newcomers, volunteers, scores, fcfs_allocation(problem, order), w)


def _round(
    n: BuddyTable, v: BuddyTable, scores: BuddyScores, allocation: Allocation, w: BuddyWeights
) -> BuddyRound:
    fit = scores.fit
    edges = allocation.edges[np.argsort(-fit[allocation.edges], kind="stable")]
    proposals = [
        Proposal(
            newcomer=n.keys[scores.newcomer[e]],
            volunteer=v.keys[scores.volunteer[e]],
            fit=float(fit[e]),
            reasons=pair_reasons(n, v, scores, int(e), w),
        )
        for e in edges
    ]
    matched = np.zeros(len(n), bool)
    matched[scores.newcomer[allocation.edges]] = True
    unmatched = [n.keys[i] for i in np.flatnonzero(~matched)]
    return BuddyRound(proposals=proposals, unmatched=unmatched, allocation=allocation)


def pair_reasons(
    n: BuddyTable, v: BuddyTable, scores: BuddyScores, e: int, w: BuddyWeights
) -> list[Reason]:
    """Why pair ``e`` fits: one reason per non-zero part (and the distance), strongest first."""
    i, j = int(scores.newcomer[e]), int(scores.volunteer[e])
    points = dict(zip(BUDDY_PARTS, scores.parts[e].tolist(), strict=True))
    out = []
    if points["interests"]:
        themes = n.vocab.interests.decode(n.interests[i] & v.interests[j])
        out.append(Reason("both_like", {"themes": themes}, points["interests"], w.interests))
    if points["language"]:
        langs = [
            s
            for s in n.vocab.languages.decode(n.languages[i] & v.languages[j])
            if s not in w.not_a_bridge
        ]
        out.append(Reason("common_language", {"languages": langs}, points["language"], w.language))
    if points["availability"]:
        shared = words_to_int(n.availability[i] & v.availability[j])
        out.append(
            Reason("both_free", {"times": describe(shared)}, points["availability"], w.availability)
        )
    if points["age"]:
        years = round(abs(float(n.age[i] - v.age[j])))
        out.append(Reason("close_in_age", {"years": years}, points["age"], w.age))
    km = round(float(scores.km[e]), 1)
    out.append(Reason("km_apart", {"km": km}, points["distance"], w.distance_per_km))
    return sorted(out, key=lambda r: -r.points)
