"""What a report page, its PDF and its slides show: the tables, the charts and the map,
built from one :class:`~pnt.reporting.report.Report` and one decision to suppress or not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from pnt.geo.svg import region_map_svg
from pnt.reporting import breakdowns
from pnt.reporting.charts import PALETTE, bar_chart, line_chart
from pnt.reporting.report import Report, Table, present, suppression_note
from pnt.reporting.suppression import Cell, derived, plain, primary

# Fills of the map from no activities (0) to the most (4); explicit colours, so the map looks
# the same on screen, in the PDF and on the slides.
MAP_FILLS = ("#f3d9d7", "#d4e6f1", "#93c0dd", "#4a8fc0", "#1f5f8b")


@dataclass
class Chart:
    key: str
    title: str
    svg: SafeString
    caption: str = ""


@dataclass
class ReportView:
    report: Report
    suppressed: bool
    tables: list[Table]
    charts: list[Chart] = field(default_factory=list)
    note: str = ""

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)

    @property
    def key_rows(self) -> list[dict[str, Any]]:
        """The headline figures with the quarter before and a trend arrow."""
        from pnt.reporting.keyfigures import trend_arrow

        wanted = ("in_pnt", "started", "median_days_to_start", "completed", "hours",
                  "participants", "pairs_active", "helpful_share")  # fmt: skip
        rows = {
            row.key: row
            for table in self.tables
            for row in table.rows
            if row.key in wanted and not row.total
        }
        return [
            {
                "label": rows[key].label,
                "now": rows[key].cells[0],
                "before": rows[key].cells[1],
                "arrow": trend_arrow(rows[key].cells[0], rows[key].cells[1]),
            }
            for key in wanted
            if key in rows
        ]


def build_view(report: Report, suppress: bool) -> ReportView:
    tables = present(report, suppress)
    view = ReportView(report, suppress, tables, note=suppression_note() if suppress else "")
    view.charts = [chart for chart in _charts(view) if chart is not None]
    return view


def _charts(view: ReportView) -> list[Chart | None]:
    return [
        _trend_chart(view),
        _hours_chart(view),
        _bars(view, "enrolments_by_type", PALETTE[1]),
        _bars(view, "days_to_start", PALETTE[2]),
        _bars(view, "activities_by_type", PALETTE[0]),
        _map(view),
    ]


def _trend_cells(view: ReportView, key: str) -> list[Cell]:
    series = view.report.trend.get(key, {})
    if key == "hours":
        people = view.report.trend.get("participants", {})
        return [
            derived(value, people.get(q), "hours") if view.suppressed else plain(value, "hours")
            for q, value in series.items()
        ]
    return [primary(v) if view.suppressed else plain(v) for v in series.values()]


def _trend_chart(view: ReportView) -> Chart | None:
    if not view.report.trend:
        return None
    quarters = [q.label for q in view.report.trend["started"]]
    title = _("PNT started and completed, by quarter")
    svg = line_chart(
        quarters,
        [
            (_("started"), _trend_cells(view, "started")),
            (_("completed (40 hours)"), _trend_cells(view, "completed")),
        ],  # fmt: skip
        title,
    )
    return Chart("trend", title, svg)


def _hours_chart(view: ReportView) -> Chart | None:
    if not view.report.trend:
        return None
    quarters = [q.label for q in view.report.trend["hours"]]
    title = _("Hours done, by quarter")
    svg = line_chart(quarters, [(_("hours"), _trend_cells(view, "hours"))], title)
    return Chart("hours", title, svg)


def _bars(view: ReportView, key: str, colour: str) -> Chart | None:
    table = view.table(key)
    if table is None or not [row for row in table.rows if not row.total]:
        return None
    items = [(row.label, row.cells[0]) for row in table.rows if not row.total]
    title = f"{table.title} — {view.report.period.label}"
    return Chart(key, title, bar_chart(items, title, colour=colour))


def _map(view: ReportView) -> Chart | None:
    """The region's municipalities coloured by the activities on offer (not people)."""
    report = view.report
    rows = report.by_municipality[0] if report.by_municipality else None
    if report.region_by_municipality:
        rows = report.region_by_municipality[0]
    if not rows or len(rows) > 80:  # all of Flanders: the table says more than a map
        return None
    from pnt.geo.models import Municipality

    places = Municipality.objects.filter(pk__in=rows)
    top = max((row["activities"] for row in rows.values()), default=0) or 1
    levels = {pk: MAP_FILLS[min(4, -(-4 * row["activities"] // top))] for pk, row in rows.items()}
    title = _("Activities on offer per municipality, %(quarter)s") % {
        "quarter": report.period.label
    }
    return Chart("map", title, region_map_svg(places, values=levels, title=title, width=560))


def municipality_figures(view: ReportView) -> list[tuple[str, list[str]]]:
    """The table by municipality as plain text rows (for the council decision)."""
    table = view.table("by_municipality")
    if table is None:
        return []
    return [(row.label, [cell.display for cell in row.cells]) for row in table.rows]


__all__ = ["Chart", "ReportView", "breakdowns", "build_view", "municipality_figures"]
