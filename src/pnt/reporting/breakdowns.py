"""Figures by municipality and by quarter: grouped SQL aggregates (GROUP BY), one query per
source, for the region tables, the map and the trend lines."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, TruncQuarter

from pnt.reporting.families import _in, on_offer
from pnt.reporting.ledger import QuarterLedger, summarise
from pnt.reporting.periods import Quarter
from pnt.reporting.scopes import ReportScope

# The columns of the table by municipality (people counts first, then the offer).
MUNICIPALITY_COLUMNS = ("in_pnt", "started", "completed", "participants", "hours",
                        "activities", "places")  # fmt: skip
PEOPLE_COLUMNS = ("in_pnt", "started", "completed", "participants")
TREND_SERIES = ("started", "completed", "participants", "hours")


def by_municipality(
    scope: ReportScope, period: Quarter, ledger: QuarterLedger | None = None
) -> dict[int, dict[str, Any]]:
    """{municipality pk: {column: value}} for every municipality of the scope (zeros
    included): grouped queries for trajectories and offer, the ledger summary for hours."""
    entry = ledger or summarise(scope, [period])[period]
    return by_municipality_periods(scope, [period], [entry])[0]


def by_municipality_periods(
    scope: ReportScope, periods: list[Quarter], ledgers: list[QuarterLedger]
) -> list[dict[int, dict[str, Any]]]:
    """`by_municipality` for several periods, with ONE grouped pass over the trajectories
    (a filtered count per period) rather than one per period."""
    from pnt.offer.models import Activity
    from pnt.trajectories.models import Trajectory

    places = list(scope.municipalities())
    result: list[dict[int, dict[str, Any]]] = [
        {
            m.pk: {"name": m.name_nl, "nis_code": m.nis_code,
                   **dict.fromkeys(MUNICIPALITY_COLUMNS, 0)}
            for m in places
        }
        for _period in periods
    ]  # fmt: skip
    counts = {}
    for index, period in enumerate(periods):
        start, end = period.start, period.end
        open_during = (
            Q(opened_on__lte=end)
            & (Q(completed_on__isnull=True) | Q(completed_on__gte=start))
            & (Q(stopped_on__isnull=True) | Q(stopped_on__gte=start))
        )
        counts[f"in_pnt__{index}"] = Count("pk", filter=open_during)
        counts[f"started__{index}"] = Count("pk", filter=_in("pnt_started_on", period))
        counts[f"completed__{index}"] = Count("pk", filter=_in("completed_on", period))
    trajectories = (
        Trajectory.objects.filter(scope.newcomers("newcomer__"))
        .values("newcomer__municipality")
        .annotate(**counts)
        .order_by()
    )
    for row in trajectories:
        municipality = row.pop("newcomer__municipality")
        for name, value in row.items():
            column, index = name.split("__")
            target = result[int(index)].get(municipality)
            if target is not None:
                target[column] = value
    for index, period in enumerate(periods):
        rows = result[index]
        offer = (
            Activity.objects.filter(on_offer(scope, period))
            .values("municipality")
            .annotate(activities=Count("pk"), places=Coalesce(Sum("capacity"), 0))
            .order_by()
        )
        for row in offer:
            target = rows.get(row.pop("municipality"))
            if target is not None:
                target.update(row)
        for pk, (hours, people) in ledgers[index].by_municipality.items():
            if pk in rows:
                rows[pk].update(hours=hours, participants=people)
    return result


def trend(
    scope: ReportScope,
    quarters: list[Quarter],
    ledger: dict[Quarter, QuarterLedger] | None = None,
) -> dict[str, dict[Quarter, Any]]:
    """{series: {quarter: value}} over the quarters (oldest first), grouped by quarter in
    the database (the ledger summary for hours and participants)."""
    from pnt.trajectories.models import Trajectory

    first, last = quarters[0], quarters[-1]
    series: dict[str, dict[Quarter, Any]] = {key: {} for key in TREND_SERIES}
    trajectories = Trajectory.objects.filter(scope.newcomers("newcomer__"))
    for key, name in (("started", "pnt_started_on"), ("completed", "completed_on")):
        grouped = (
            trajectories.filter(**{f"{name}__gte": first.start, f"{name}__lte": last.end})
            .annotate(q=TruncQuarter(name))
            .values("q")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts = {Quarter.of(_as_date(row["q"])): row["n"] for row in grouped}
        series[key] = {q: counts.get(q, 0) for q in quarters}
    ledger = ledger or summarise(scope, quarters)
    series["hours"] = {q: ledger[q].hours for q in quarters}
    series["participants"] = {q: ledger[q].participants for q in quarters}
    return series


def _as_date(value):
    return value.date() if hasattr(value, "date") and callable(value.date) else value
