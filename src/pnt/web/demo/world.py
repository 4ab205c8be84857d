"""The state shared by the steps of the demo generator: the random source, the places, the
staff and a light index of the activities, plus small helpers for dates and batches."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models

from pnt.geo.models import Municipality, Region

T = TypeVar("T")
BATCH = 2_000
# E-mail addresses of generated people and staff use a reserved domain (RFC 2606), so a
# demo can never mail a real person, and a reset can tell generated users apart.
DEMO_EMAIL_DOMAIN = "pnt-demo.example"


@dataclass(frozen=True)
class Part:
    """One piece of a scale: the municipalities of a region (or all of Flanders) and how
    much to generate there."""

    region: str | None  # region slug; None means every current municipality
    activities: int
    newcomers: int
    volunteers: int


@dataclass(frozen=True)
class Scale:
    name: str
    parts: tuple[Part, ...]


SCALES: dict[str, Scale] = {
    # The demo: a full Rivierenland and a little Kempen, so cross-region scoping shows.
    "region": Scale(
        "region",
        (Part("rivierenland", 220, 600, 80), Part("kempen", 30, 80, 12)),
    ),
    # Benchmarks: every current Flemish municipality.
    "flanders": Scale("flanders", (Part(None, 20_000, 100_000, 12_000),)),
}


@dataclass
class Area:
    """A municipality as the generator sees it: how big, how well served, which network."""

    municipality: Municipality
    weight: float
    thin: bool  # lacks a conversation table and a buddy project
    region: str | None
    activities: int = 0
    newcomers: int = 0
    volunteers: int = 0

    @property
    def pk(self) -> int:
        return self.municipality.pk

    @property
    def name(self) -> str:
        return self.municipality.name_nl


@dataclass
class Slot:
    """One activity as the enrolment planner sees it, with its places counted as it goes."""

    pk: int
    area: int  # index into World.areas
    type: str
    level: int
    themes: tuple[str, ...]
    capacity: int
    status: str
    popularity: float
    held: int = 0
    waiting: int = 0

    def has_place(self) -> bool:
        return self.status == "published" and self.held < self.capacity


@dataclass
class Staff:
    """The users the generated records point to (filled by users.create_staff)."""

    logins: dict[str, Any] = field(default_factory=dict)  # username → User
    coaches: dict[str, int] = field(default_factory=dict)  # region slug → user id
    validators: dict[str, int] = field(default_factory=dict)  # region slug → user id
    counsellors: dict[str | None, list[int]] = field(default_factory=dict)
    # The `counsellor` login gets every step-th Rivierenland newcomer, up to the quota.
    demo_counsellor: int | None = None
    demo_counsellor_quota: int = 30
    demo_counsellor_step: int = 20
    demo_counsellor_every: int = 1


@dataclass
class World:
    rng: random.Random
    scale: Scale
    today: dt.date
    areas: list[Area]
    regions: dict[str, Region]
    progress: Callable[[str], None]
    staff: Staff = field(default_factory=Staff)
    slots: list[Slot] = field(default_factory=list)
    # Current municipalities outside every regional network: where people move away to.
    elsewhere: list[Municipality] = field(default_factory=list)
    # The organisation of the `provider` login.
    anchor_provider_id: int | None = None
    # Open and finished trajectories per region, for the buddy project: (newcomer id, ...).
    buddy_pool: dict[str, dict[str, list[tuple]]] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    _serial: int = 0

    def serial(self) -> int:
        """A running number that makes generated e-mail addresses unique."""
        self._serial += 1
        return self._serial

    # --- saving -------------------------------------------------------------------------
    def save(self, model: type[models.Model], rows: Sequence[T], label: str) -> list[T]:
        """Insert in batches; returns the rows, with primary keys on PostgreSQL and SQLite.
        The label counts them in the summary (plain English: verbose names are translated)."""
        saved = model.objects.bulk_create(rows, batch_size=BATCH)  # type: ignore[attr-defined]
        self.counts[label] += len(saved)
        return saved

    # --- random helpers -----------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, items: Sequence[T], weights: Sequence[float] | None = None) -> T:
        if weights is None:
            return items[self.rng.randrange(len(items))]
        return self.rng.choices(items, weights=weights)[0]

    def some(self, items: Sequence[T], low: int, high: int) -> list[T]:
        """Between low and high distinct items, in the order of the source list."""
        k = min(len(items), self.rng.randint(low, high))
        chosen = set(self.rng.sample(range(len(items)), k))
        return [item for i, item in enumerate(items) if i in chosen]

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        if last <= first:
            return first
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

    def moment(self, day: dt.date, earliest: int = 8, latest: int = 17) -> dt.datetime:
        """An aware time on a working hour of the day (in UTC; close enough for a demo).
        Today's moments fall early in the morning, so they are not in the future."""
        if day >= self.today:
            day, earliest, latest = self.today, 5, 6
        minute = self.rng.randrange(0, 60)
        return dt.datetime.combine(
            day, dt.time(self.rng.randint(earliest, latest), minute), tzinfo=dt.UTC
        )


def spread(total: int, weights: Sequence[float]) -> list[int]:
    """Split a total over weights in whole numbers (largest remainder; deterministic)."""
    if total <= 0 or not weights:
        return [0] * len(weights)
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def batched(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
