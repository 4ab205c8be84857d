"""The quarterly report: the indicators of one scope for a quarter, the quarter before and
the same quarter a year earlier, the table by municipality and the trend lines — and how
they are shown (suppressed, or exact inside one's own scope)."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.offer.vocabulary import ActivityType
from pnt.reporting import breakdowns, families
from pnt.reporting.indicators import (
    BREAKDOWN_TOTALS,
    FAMILIES,
    FAMILY_LABELS,
    GROUPS,
    INDICATORS,
    LIST,
    START_BUCKETS,
    Indicator,
)
from pnt.reporting.ledger import summarise
from pnt.reporting.periods import Quarter
from pnt.reporting.scopes import MUNICIPALITY, ReportScope, for_region
from pnt.reporting.suppression import (
    SECONDARY,
    Cell,
    derived,
    plain,
    primary,
    protect_counts,
    protect_group,
    threshold,
)

# The trend runs from the same quarter a year earlier to this one: the span the report
# compares anyway, so one pass over the ledger serves both.
TREND_QUARTERS = 5


@dataclass
class Report:
    """The numbers, before anything is hidden. Never shown as they are outside one's scope."""

    scope: ReportScope
    period: Quarter
    periods: list[Quarter]  # the quarter, the one before, the same one a year earlier
    values: list[dict[str, Any]]  # per period
    by_municipality: list[dict[int, dict[str, Any]]] = field(default_factory=list)  # per period
    region_by_municipality: list[dict[int, dict[str, Any]]] = field(default_factory=list)
    trend: dict[str, dict[Quarter, Any]] = field(default_factory=dict)
    made_at: dt.datetime = field(default_factory=timezone.now)

    def value(self, key: str, index: int = 0) -> Any:
        return self.values[index].get(key)


def build_report(scope: ReportScope, period: Quarter, trend: bool = True) -> Report:
    """Compute every indicator of the scope for the quarter and its two comparisons."""
    periods = [period, period.previous(), period.year_earlier()]
    quarters = period.back(TREND_QUARTERS) if trend else [period.year_earlier(), period]
    with analytic_queries():
        ledger = summarise(scope, quarters)  # the one pass over the attendance ledger
        report = Report(
            scope, period, periods, [families.compute(scope, p, ledger=ledger) for p in periods]
        )
        if scope.municipality_ids is not None or scope.kind == "flanders":
            report.by_municipality = breakdowns.by_municipality_periods(
                scope, periods, [ledger[p] for p in periods]
            )
        if scope.kind == MUNICIPALITY and scope.region is not None:
            # The municipality's people counts are hidden exactly as in its region's table,
            # so the region report minus the other municipalities reveals nothing.
            region = for_region(scope.region)
            region_ledger = summarise(region, [period.year_earlier(), period])
            report.region_by_municipality = breakdowns.by_municipality_periods(
                region, periods, [region_ledger[p] for p in periods]
            )
        if trend:
            report.trend = breakdowns.trend(scope, quarters, ledger)
    return report


@contextmanager
def analytic_queries():
    """On PostgreSQL, read the report in one transaction without JIT compilation: for these
    one-off aggregates compiling costs seconds and saves nothing."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        yield


# --- what the reader sees ------------------------------------------------------------------


@dataclass
class Row:
    label: str
    cells: list[Cell]
    key: str = ""
    doc: str = ""
    total: bool = False


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[Row]
    unit: str = "count"
    note: str = ""


def column_labels(report: Report) -> list[str]:
    return [
        _("%(quarter)s") % {"quarter": report.periods[0].label},
        _("quarter before (%(quarter)s)") % {"quarter": report.periods[1].label},
        _("a year earlier (%(quarter)s)") % {"quarter": report.periods[2].label},
    ]


def _cell(indicator: Indicator, values: dict[str, Any], suppress: bool, index: int) -> Cell:
    value = values.get(indicator.key)
    if indicator.snapshot and index:
        return plain(None)
    if indicator.unit == LIST:
        return plain(value, LIST)
    if not suppress or not indicator.personal and not indicator.base:
        return plain(value, indicator.unit)
    if indicator.base:
        return derived(value, values.get(indicator.base), indicator.unit)
    return primary(value, indicator.unit)


def scalar_cells(report: Report, suppress: bool) -> list[dict[str, Cell]]:
    """Per period: every one-number indicator as a cell, suppressed when asked, with the
    groups (total and parts) and the region table kept safe from subtraction."""
    result = []
    for index, values in enumerate(report.values):
        cells = {i.key: _cell(i, values, suppress, index) for i in INDICATORS if not i.breakdown}
        if suppress:
            _follow_region(report, index, cells)
            for total, parts in GROUPS:
                group = protect_group({k: cells[k] for k in (total, *parts)}, total)
                cells.update(group)
        result.append(cells)
    return result


def _follow_region(report: Report, index: int, cells: dict[str, Cell]) -> None:
    """A municipality's people counts take the cell of its region's table by municipality
    (which has its own secondary suppression)."""
    if not report.region_by_municipality or report.scope.municipality is None:
        return
    table = municipality_cells(report.region_by_municipality[index], True)
    own = table["rows"].get(report.scope.municipality.pk)
    for key in breakdowns.PEOPLE_COLUMNS:
        if own and key in cells and own[key].hidden == SECONDARY:
            cells[key] = Cell(cells[key].value, own[key].display, SECONDARY)


def municipality_cells(rows: dict[int, dict[str, Any]], suppress: bool) -> dict[str, Any]:
    """The table by municipality as cells: {"rows": {pk: {column: Cell}}, "total": {…}}."""
    cells: dict[int, dict[str, Cell]] = {pk: {} for pk in rows}
    totals: dict[str, Cell] = {}
    for column in breakdowns.MUNICIPALITY_COLUMNS:
        values = {pk: row[column] for pk, row in rows.items()}
        total = sum(values.values(), Decimal("0") if column == "hours" else 0)
        if not suppress or column not in (*breakdowns.PEOPLE_COLUMNS, "hours"):
            unit = "hours" if column == "hours" else "count"
            for pk, value in values.items():
                cells[pk][column] = plain(value, unit)
            totals[column] = plain(total, unit)
            continue
        if column == "hours":
            column_cells = {
                pk: derived(value, rows[pk]["participants"], "hours")
                for pk, value in values.items()
            }
            column_cells["__total__"] = plain(total, "hours")
            column_cells = protect_group(column_cells, "__total__")
            totals[column] = column_cells.pop("__total__")
        else:
            column_cells, totals[column] = protect_counts(values, total)
        for pk, cell in column_cells.items():
            cells[pk][column] = cell
    return {"rows": cells, "total": totals}


def _type_label(key: str) -> str:
    try:
        return str(ActivityType(key).label).capitalize()
    except ValueError:
        return key


def _type_order(keys) -> list[str]:
    order = {value: index for index, value in enumerate(ActivityType.values)}
    return sorted(keys, key=lambda key: (order.get(key, 99), key))


def breakdown_table(
    report: Report, indicator: Indicator, suppress: bool, scalars: list[dict[str, Cell]]
) -> Table:
    """One breakdown (by type or by bucket) with its three periods as columns."""
    if indicator.breakdown == "bucket":
        keys = [key for key, _low, _high in START_BUCKETS]
        labels = {key: _("%(range)s days") % {"range": key.replace("-", "–")} for key in keys}
    else:
        seen = {k for values in report.values for k in (values.get(indicator.key) or {})}
        keys = _type_order(seen)
        labels = {key: _type_label(key) for key in keys}
    total_key = BREAKDOWN_TOTALS.get(indicator.key, "")
    if indicator.unit == "hours":
        total_key = "hours"
    columns: list[dict[str, Cell]] = []
    totals: list[Cell | None] = []
    for index, values in enumerate(report.values):
        data = {key: (values.get(indicator.key) or {}).get(key, _zero(indicator)) for key in keys}
        total = scalars[index].get(total_key) if total_key else None
        column, total = _breakdown_column(indicator, data, values, suppress, total)
        columns.append(column)
        totals.append(total)
    rows = [Row(labels[key], [column[key] for column in columns], key) for key in keys]
    if total_key:
        rows.append(Row(_("Total"), [t or plain(None) for t in totals], total_key, total=True))
    return Table(indicator.key, str(indicator.label), column_labels(report), rows, indicator.unit)


def _zero(indicator: Indicator):
    return Decimal("0") if indicator.unit == "hours" else 0


def _breakdown_column(
    indicator: Indicator, data: dict, values: dict, suppress: bool, total: Cell | None
) -> tuple[dict[str, Cell], Cell | None]:
    if not suppress or not indicator.personal:
        return {k: plain(v, indicator.unit) for k, v in data.items()}, total
    if indicator.unit == "hours":
        bases = values.get(indicator.base) or {}
        cells = {k: derived(v, bases.get(k, 0), "hours") for k, v in data.items()}
        if total is None:
            return cells, None
        cells = protect_group({**cells, "__total__": total}, "__total__")
        return cells, cells.pop("__total__")
    return protect_counts(data, total)


def present(report: Report, suppress: bool) -> list[Table]:
    """Every table of the report, as the reader sees it."""
    scalars = scalar_cells(report, suppress)
    tables = []
    for family in FAMILIES:
        rows = [
            Row(str(i.label), [cells[i.key] for cells in scalars], i.key, str(i.doc))
            for i in INDICATORS
            if i.family == family and not i.breakdown
        ]
        if report.scope.is_provider and family == "buddies":
            continue
        tables.append(Table(family, str(FAMILY_LABELS[family]), column_labels(report), rows))
        for i in INDICATORS:
            if i.family == family and i.breakdown:
                tables.append(breakdown_table(report, i, suppress, scalars))
    if report.by_municipality:
        tables.append(municipality_table(report, suppress))
    return tables


def municipality_table(report: Report, suppress: bool) -> Table:
    rows_data = report.by_municipality[0]
    cells = municipality_cells(rows_data, suppress)
    from pnt.reporting.indicators import BY_KEY

    columns = [str(BY_KEY[c].label) for c in breakdowns.MUNICIPALITY_COLUMNS]
    rows = [
        Row(
            rows_data[pk]["name"],
            [cells["rows"][pk][c] for c in breakdowns.MUNICIPALITY_COLUMNS],
            rows_data[pk]["nis_code"],
        )  # fmt: skip
        for pk in rows_data
    ]
    rows.append(
        Row(_("Total"), [cells["total"][c] for c in breakdowns.MUNICIPALITY_COLUMNS], total=True)
    )
    title = _("By municipality, %(quarter)s") % {"quarter": report.period.label}
    return Table("by_municipality", title, columns, rows)


def suppression_note() -> str:
    limit = threshold()
    return _(
        "Counts of fewer than %(n)s people are shown as “<%(n)s”; “x” hides one more figure "
        "so that a small number cannot be worked out from a total; “n<%(n)s” marks a median "
        "or share based on fewer than %(n)s people."
    ) % {"n": limit}
