"""Keep `QuarterHours` in step with the attendance ledger.

``refresh`` recomputes the sums of some enrolments (called by ``recount_hours`` while it
holds the newcomer's trajectory lock, so two sheets never race on the same rows);
``rebuild`` recomputes everything in one statement (after bulk loads, and nightly as a
safety net); ``differences`` counts rows out of step (for checks and tests).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import TruncQuarter

from pnt.trajectories.models import Attendance
from pnt.trajectories.models_ledger import QuarterHours


def _sums(where: Q) -> QuerySet:
    """Present hours per (enrolment, quarter) straight from the ledger."""
    return (
        Attendance.objects.filter(where, status=Attendance.Status.PRESENT, hours__gt=0)
        .annotate(quarter_start=TruncQuarter("session__date"))
        .values("enrolment_id", "quarter_start")
        .annotate(total=Sum("hours"))
        .order_by()
    )


def refresh(enrolment_ids: Iterable[int]) -> int:
    """Recompute the quarter sums of these enrolments; returns the number of rows kept."""
    ids = sorted(set(enrolment_ids))
    if not ids:
        return 0
    with transaction.atomic():
        QuarterHours.objects.filter(enrolment_id__in=ids).delete()
        rows = [
            QuarterHours(enrolment_id=r["enrolment_id"], quarter=r["quarter_start"],
                         hours=r["total"])
            for r in _sums(Q(enrolment_id__in=ids))
        ]  # fmt: skip
        QuarterHours.objects.bulk_create(rows)
    return len(rows)


def refresh_newcomer(newcomer_id: int) -> int:
    from pnt.trajectories.models import Enrolment

    return refresh(Enrolment.objects.filter(newcomer_id=newcomer_id).values_list("pk", flat=True))


def rebuild() -> int:
    """Recompute every quarter sum from the ledger, in one transaction."""
    sql, params = (
        _sums(Q()).values_list("enrolment_id", "quarter_start", "total").query.sql_with_params()
    )
    table = QuarterHours._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 — our own table name
        cursor.execute(
            f"INSERT INTO {table} (enrolment_id, quarter, hours) {sql}",  # noqa: S608 — ORM SQL
            params,
        )
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:  # fresh statistics for the planner
            cursor.execute(f"ANALYZE {table}")
    return QuarterHours.objects.count()


def differences() -> int:
    """How many (enrolment, quarter) sums differ between the ledger and `QuarterHours`."""
    live = {(r["enrolment_id"], str(r["quarter_start"])[:10]): r["total"] for r in _sums(Q())}
    kept = {(r.enrolment_id, r.quarter.isoformat()): r.hours for r in QuarterHours.objects.all()}
    keys = live.keys() | kept.keys()
    return sum(1 for k in keys if live.get(k) != kept.get(k))
