"""Weekly time as a 168-bit mask: one bit per hour of the week, Monday 00:00 is bit 0.

Why hours and not 21 day parts: the same mask serves two needs. Availability ("free on
Tuesday evening") is matched by counting shared hours, and a 40-hour plan must not put two
activities at the same time; with day parts, a 9-10 h and an 11-12 h activity on the same
morning would wrongly clash. An activity from 19:30 to 21:00 takes the hours 19 and 20: a
session is rounded outwards to whole hours, which errs on the side of "these clash".
A mask of 0 means "no fixed time" (a buddy meets by appointment): it never clashes.

Masks are Python ints in profiles and rows of three uint64 words in the numpy tables.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

HOURS_PER_WEEK = 7 * 24
WEEK_WORDS = 3  # 168 bits fit in three uint64 words
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Parts of the day used for sentences and for availability forms: (name, first hour, end hour).
DAY_PARTS = (("night", 0, 6), ("morning", 6, 12), ("afternoon", 12, 18), ("evening", 18, 24))
FULL_WEEK = (1 << HOURS_PER_WEEK) - 1


def session(day: int, start: float, end: float) -> int:
    """The hours touched by one weekly session on ``day`` (0 = Monday) from ``start`` to ``end``.

    ``start`` and ``end`` are hours of the day as floats (19.5 = 19:30); the session covers
    every hour it touches. Raises ``ValueError`` for a day outside 0..6 or an empty session.
    """
    if not 0 <= day < 7:
        raise ValueError("day must be 0 (Monday) to 6 (Sunday)")
    if not 0 <= start < end <= 24:
        raise ValueError("a session runs from start to a later end within one day")
    first, last = math.floor(start), math.ceil(end)
    return ((1 << (last - first)) - 1) << (day * 24 + first)


def day_part(day: int, part: str) -> int:
    """All hours of one named part of one day, e.g. ``day_part(5, "morning")``."""
    for name, first, end in DAY_PARTS:
        if name == part:
            return session(day, first, end)
    raise ValueError(f"unknown part of the day: {part!r}")


def union(masks: Iterable[int]) -> int:
    """The hours in any of ``masks``."""
    out = 0
    for mask in masks:
        out |= mask
    return out


def hours(mask: int) -> int:
    """How many hours of the week the mask covers."""
    return mask.bit_count()


def _part_masks() -> tuple[tuple[str, int], ...]:
    return tuple(
        (f"{day_name} {name}", session(day, first, end))
        for day, day_name in enumerate(DAYS)
        for name, first, end in DAY_PARTS
    )


_PARTS_OF_WEEK = _part_masks()  # computed once: describe() runs for every proposal


def describe(mask: int) -> list[str]:
    """The day parts the mask touches, as phrases like ``"Tuesday evening"``, in week order."""
    return [label for label, part in _PARTS_OF_WEEK if mask & part]
