"""The attendance ledger summed up for reports: hours and participants per quarter, per
activity type and per municipality, in ONE pass over the ledger's quarter sums
(`trajectories.QuarterHours`: the attendance rows summed per enrolment and quarter, kept in
step by `pnt.trajectories.quarter_hours`).

The database first sums the hours per (quarter, newcomer, type, municipality); the counts of
distinct newcomers per quarter, per (quarter, type) and per (quarter, municipality) are then
taken over that, with GROUPING SETS on PostgreSQL (one query) and three small GROUP BYs on
SQLite. Nothing is counted in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import F, Q, Sum

from pnt.reporting.periods import Quarter
from pnt.reporting.scopes import ReportScope

COUNTING = {
    "validated_at__isnull": False,
    "dutch_context": True,
    "with_others": True,
    "meets_new_people": True,
    "lasting_contacts": True,
    "is_formal_lesson": False,
}


def counting(path: str) -> Q:
    """Eligible and validated: the activity counts for the 40 hours (as in offer.queries)."""
    return Q(**{f"{path}{name}": value for name, value in COUNTING.items()})


@dataclass
class QuarterLedger:
    hours: Decimal = Decimal("0")
    participants: int = 0
    by_type: dict[str, tuple[Decimal, int]] = field(default_factory=dict)
    by_municipality: dict[int, tuple[Decimal, int]] = field(default_factory=dict)


def _base(scope: ReportScope, first: dt.date, last: dt.date):
    """Hours per (quarter, newcomer, type, municipality), from the ledger's quarter sums
    (`QuarterHours`, kept in step with the attendance rows) rather than the rows."""
    from pnt.trajectories.models_ledger import QuarterHours

    return (
        QuarterHours.objects.filter(
            scope.attendance(),
            counting("enrolment__activity__"),
            quarter__gte=first,
            quarter__lte=last,
        )
        .annotate(
            q=F("quarter"),
            nid=F("enrolment__newcomer_id"),
            kind=F("enrolment__activity__type"),
            m=F("enrolment__newcomer__municipality_id"),
        )
        .values("q", "nid", "kind", "m")
        .annotate(h=Sum("hours"))
        .order_by()
    )


def _rows(scope: ReportScope, first: dt.date, last: dt.date):
    """(quarter, type or None, municipality or None, hours, participants) rows."""
    sql, params = _base(scope, first, last).query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT q, kind, m, SUM(h), COUNT(DISTINCT nid) "  # noqa: S608 — ORM SQL
                f"FROM ({sql}) base GROUP BY GROUPING SETS ((q), (q, kind), (q, m))",
                params,
            )
            yield from cursor.fetchall()
            return
        for by_kind, by_m in ((False, False), (True, False), (False, True)):
            columns = ["q", "kind" if by_kind else "NULL", "m" if by_m else "NULL"]
            group = ", ".join(c for c in ("q", by_kind and "kind", by_m and "m") if c)
            cursor.execute(
                f"SELECT {', '.join(columns)}, SUM(h), COUNT(DISTINCT nid) "  # noqa: S608
                f"FROM ({sql}) base GROUP BY {group}",
                params,
            )
            yield from cursor.fetchall()


def summarise(scope: ReportScope, quarters: list[Quarter]) -> dict[Quarter, QuarterLedger]:
    """Hours and participants of every quarter in the list (and of any quarter between the
    first and the last), from one pass over the ledger."""
    first, last = min(quarters), max(quarters)
    result: dict[Quarter, QuarterLedger] = defaultdict(QuarterLedger)
    for day, kind, municipality, hours, people in _rows(scope, first.start, last.end):
        quarter = Quarter.of(_as_date(day))
        hours = Decimal(str(hours or 0))
        target = result[quarter]
        if kind is None and municipality is None:
            target.hours, target.participants = hours, people
        elif kind is not None:
            target.by_type[kind] = (hours, people)
        else:
            target.by_municipality[municipality] = (hours, people)
    return {q: result.get(q, QuarterLedger()) for q in Quarter.span(first, last)}


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value
