"""Database expressions the indicators need that Django lacks: whole days between two dates,
and the median, computed by the database on PostgreSQL and SQLite alike."""

from __future__ import annotations

from django.db import connection
from django.db.models import Aggregate, F, FloatField, Func, IntegerField, Q, QuerySet


class DaysBetween(Func):
    """Whole days from `start` to `end` (dates), as an integer: `end - start`."""

    output_field = IntegerField()
    arity = 2

    def __init__(self, end, start, **extra):
        super().__init__(end, start, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        # PostgreSQL: date - date is already an integer number of days.
        return super().as_sql(compiler, connection, template="(%(expressions)s)",
                              arg_joiner=" - ", **extra_context)  # fmt: skip

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


class PercentileCont(Aggregate):
    """PostgreSQL's ordered-set aggregate: the interpolated percentile of an expression."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()
    allow_distinct = False

    def __init__(self, expression, fraction: float = 0.5, **extra):
        super().__init__(expression, fraction=float(fraction), **extra)


def supports_percentile() -> bool:
    return connection.vendor == "postgresql"


def median(queryset: QuerySet, expression, filter: Q | None = None) -> float | None:  # noqa: A002
    """The median of `expression` over the rows of `queryset` (optionally filtered).

    PostgreSQL computes it with percentile_cont in one aggregate. Elsewhere (SQLite) the
    database still sorts and counts: one COUNT, then the one or two middle values fetched
    with LIMIT/OFFSET — never the whole column.
    """
    rows = queryset if filter is None else queryset.filter(filter)
    if supports_percentile():
        return rows.aggregate(m=PercentileCont(expression))["m"]
    values = rows.annotate(_m=expression).filter(_m__isnull=False)
    count = values.count()
    if count == 0:
        return None
    ordered = values.order_by("_m").values_list("_m", flat=True)
    middle = count // 2
    if count % 2:
        return float(ordered[middle])
    low, high = list(ordered[middle - 1 : middle + 1])
    return (low + high) / 2


def median_aggregate(expression, filter: Q | None = None) -> PercentileCont | None:  # noqa: A002
    """The median as an aggregate to put beside others in one query (PostgreSQL only);
    None where the database has no percentile function."""
    if not supports_percentile():
        return None
    return PercentileCont(expression, filter=filter)


__all__ = ["DaysBetween", "F", "PercentileCont", "median", "median_aggregate"]
