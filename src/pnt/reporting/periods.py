"""Reporting periods: calendar quarters, the one before and the same quarter a year earlier."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone

_PATTERN = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, written "2025-Q1"."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """ "2025-Q1" (or "2025Q1") → Quarter; raises ValueError on anything else."""
        match = _PATTERN.match((text or "").strip())
        if not match:
            raise ValueError(f"Not a quarter: {text!r} (write 2025-Q1).")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def last_complete(cls, today: dt.date | None = None) -> Quarter:
        """The most recent quarter that has ended: what a quarterly report is about."""
        return cls.of(today or timezone.localdate()).previous()

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the quarter (inclusive)."""
        return self.next().start - dt.timedelta(days=1)

    def previous(self) -> Quarter:
        if self.number == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.number - 1)

    def next(self) -> Quarter:
        if self.number == 4:
            return Quarter(self.year + 1, 1)
        return Quarter(self.year, self.number + 1)

    def year_earlier(self) -> Quarter:
        return Quarter(self.year - 1, self.number)

    def back(self, count: int) -> list[Quarter]:
        """This quarter and the `count - 1` before it, oldest first (for trend lines)."""
        quarters = [self]
        while len(quarters) < count:
            quarters.append(quarters[-1].previous())
        return quarters[::-1]

    @staticmethod
    def span(first: Quarter, last: Quarter) -> list[Quarter]:
        """Every quarter from first to last, both included."""
        quarters = [first]
        while quarters[-1] < last:
            quarters.append(quarters[-1].next())
        return quarters

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.year}"


def recent_quarters(count: int = 8, today: dt.date | None = None) -> list[Quarter]:
    """The last `count` complete quarters, newest first (for a quarter picker)."""
    return Quarter.last_complete(today).back(count)[::-1]
