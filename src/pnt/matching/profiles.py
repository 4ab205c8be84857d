"""What the core knows of newcomers and activities: one dataclass per person or activity,
and column tables (numpy arrays) for scoring many at once.

Adapters in the Django apps build these from the database; the core never sees a model.
Profiles are the friendly form for one newcomer; tables are what the vectorised scoring
reads. ``NewcomerTable.of`` / ``ActivityTable.of`` convert the one into the other.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, fields

import numpy as np
from numpy.typing import NDArray

from .bitsets import U64, Vocabulary, int_to_words
from .week import WEEK_WORDS

DUTCH_LEVELS = ("none", "A1", "A2", "B1", "B2")  # index = the level number used everywhere


@dataclass(frozen=True)
class Newcomer:
    """One newcomer as the matching sees them.

    ``availability`` is a weekly hour mask (see :mod:`pnt.matching.week`; 0 = not known),
    ``max_km`` the farthest they can go (their mobility), ``max_cost_eur`` the most they can
    pay (None = no limit), ``types_done`` the activity types already in their trajectory.
    """

    key: Hashable
    themes: frozenset[str] = frozenset()
    goals: frozenset[str] = frozenset()
    dutch_level: int = 0
    lat: float = 0.0
    lon: float = 0.0
    max_km: float = 10.0
    mobility: str = ""  # "bike", "on foot", … only used in sentences
    availability: int = 0
    cost_barrier: bool = False
    max_cost_eur: float | None = None
    has_uitpas: bool = False
    needs_childcare: bool = False
    is_woman: bool = False
    types_done: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Activity:
    """One activity (or one group of it) with its weekly time and practical conditions.

    ``schedule`` is a weekly hour mask (0 = by appointment, never clashes), ``dutch_level``
    the level needed (0 = none … 4 = B2), ``uitpas`` whether the UiTPAS social tariff
    applies, ``total_hours`` the expected total hours (None = as many as the period allows).
    """

    key: Hashable
    type: str = "other"
    themes: frozenset[str] = frozenset()
    goals: frozenset[str] = frozenset()
    dutch_level: int = 0
    lat: float = 0.0
    lon: float = 0.0
    schedule: int = 0
    cost_eur: float = 0.0
    uitpas: bool = False
    childcare: bool = False
    women_only: bool = False
    places_left: int = 1
    hours_per_session: float = 2.0
    sessions_per_week: float = 1.0
    total_hours: float | None = None


@dataclass(frozen=True)
class Vocabularies:
    """The slug lists that give the bit positions of themes, goals and activity types."""

    themes: Vocabulary
    goals: Vocabulary
    types: Vocabulary

    @classmethod
    def of(cls, newcomers: Sequence[Newcomer], activities: Sequence[Activity]) -> Vocabularies:
        """Vocabularies that know every slug used by these newcomers and activities."""
        return cls(
            themes=Vocabulary.of(*(p.themes for p in (*newcomers, *activities))),
            goals=Vocabulary.of(*(p.goals for p in (*newcomers, *activities))),
            types=Vocabulary.of((a.type for a in activities), *(n.types_done for n in newcomers)),
        )


def check_lengths(table: object) -> None:
    """Raise ``ValueError`` unless every column of a table dataclass has the same length."""
    lengths = {
        f.name: len(getattr(table, f.name))
        for f in fields(table)  # type: ignore[arg-type]
        if f.name != "vocab"
    }
    if len(set(lengths.values())) > 1:
        raise ValueError(f"columns of different lengths: {lengths}")


def week_masks(values: Sequence[int]) -> U64:
    """Week masks (Python ints) as an ``(n, WEEK_WORDS)`` uint64 array."""
    out = np.zeros((len(values), WEEK_WORDS), dtype=np.uint64)
    for i, mask in enumerate(values):
        out[i] = int_to_words(mask, WEEK_WORDS)
    return out


@dataclass(frozen=True)
class NewcomerTable:
    """Newcomers as columns; row ``i`` is one newcomer. Bitset columns are ``(n, words)``."""

    keys: list[Hashable]
    themes: U64
    goals: U64
    dutch_level: NDArray[np.int64]
    lat: NDArray[np.float64]
    lon: NDArray[np.float64]
    max_km: NDArray[np.float64]
    availability: U64
    cost_barrier: NDArray[np.bool_]
    max_cost_eur: NDArray[np.float64]  # +inf = no limit
    has_uitpas: NDArray[np.bool_]
    needs_childcare: NDArray[np.bool_]
    is_woman: NDArray[np.bool_]
    types_done: U64
    mobility: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.mobility:
            object.__setattr__(self, "mobility", [""] * len(self.keys))
        check_lengths(self)

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def of(cls, newcomers: Sequence[Newcomer], vocab: Vocabularies) -> NewcomerTable:
        """The table of these newcomers, in the same order."""
        return cls(
            keys=[n.key for n in newcomers],
            themes=vocab.themes.encode([n.themes for n in newcomers]),
            goals=vocab.goals.encode([n.goals for n in newcomers]),
            dutch_level=np.array([n.dutch_level for n in newcomers], dtype=np.int64),
            lat=np.array([n.lat for n in newcomers], dtype=float),
            lon=np.array([n.lon for n in newcomers], dtype=float),
            max_km=np.array([n.max_km for n in newcomers], dtype=float),
            availability=week_masks([n.availability for n in newcomers]),
            cost_barrier=np.array([n.cost_barrier for n in newcomers], dtype=bool),
            max_cost_eur=np.array(
                [np.inf if n.max_cost_eur is None else n.max_cost_eur for n in newcomers]
            ),
            has_uitpas=np.array([n.has_uitpas for n in newcomers], dtype=bool),
            needs_childcare=np.array([n.needs_childcare for n in newcomers], dtype=bool),
            is_woman=np.array([n.is_woman for n in newcomers], dtype=bool),
            types_done=vocab.types.encode([n.types_done for n in newcomers]),
            mobility=[n.mobility for n in newcomers],
        )


@dataclass(frozen=True)
class ActivityTable:
    """Activities as columns; row ``j`` is one activity. ``type_index`` indexes the types."""

    keys: list[Hashable]
    type_index: NDArray[np.int64]
    themes: U64
    goals: U64
    dutch_level: NDArray[np.int64]
    lat: NDArray[np.float64]
    lon: NDArray[np.float64]
    schedule: U64
    cost_eur: NDArray[np.float64]
    uitpas: NDArray[np.bool_]
    childcare: NDArray[np.bool_]
    women_only: NDArray[np.bool_]
    places_left: NDArray[np.int64]

    def __post_init__(self) -> None:
        check_lengths(self)

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def of(cls, activities: Sequence[Activity], vocab: Vocabularies) -> ActivityTable:
        """The table of these activities, in the same order."""
        return cls(
            keys=[a.key for a in activities],
            type_index=np.array([vocab.types.index[a.type] for a in activities], dtype=np.int64),
            themes=vocab.themes.encode([a.themes for a in activities]),
            goals=vocab.goals.encode([a.goals for a in activities]),
            dutch_level=np.array([a.dutch_level for a in activities], dtype=np.int64),
            lat=np.array([a.lat for a in activities], dtype=float),
            lon=np.array([a.lon for a in activities], dtype=float),
            schedule=week_masks([a.schedule for a in activities]),
            cost_eur=np.array([a.cost_eur for a in activities], dtype=float),
            uitpas=np.array([a.uitpas for a in activities], dtype=bool),
            childcare=np.array([a.childcare for a in activities], dtype=bool),
            women_only=np.array([a.women_only for a in activities], dtype=bool),
            places_left=np.array([a.places_left for a in activities], dtype=np.int64),
        )
