"""The coordinator's few figures that matter, with a trend arrow against the quarter before."""

from __future__ import annotations

from dataclasses import dataclass

from pnt.reporting import families
from pnt.reporting.indicators import BY_KEY, Indicator
from pnt.reporting.periods import Quarter
from pnt.reporting.report import Report, scalar_cells
from pnt.reporting.scopes import ReportScope
from pnt.reporting.suppression import Cell

# (indicator, the direction that is good news)
KEY_FIGURES: tuple[tuple[str, str], ...] = (
    ("in_pnt", "up"),
    ("started", "up"),
    ("median_days_to_start", "down"),
    ("hours", "up"),
    ("conversation_table_share", "down"),
    ("pairs_active", "up"),
    ("buddy_waiting", "down"),
    ("waiting_now", "down"),
    ("helpful_share", "up"),
)
FAMILIES = ("trajectories", "hours", "mix", "waiting", "buddies", "feedback")


@dataclass
class KeyFigure:
    indicator: Indicator
    now: Cell
    before: Cell
    arrow: str  # "up", "down", "same" or "" (no comparison possible)
    good: bool | None  # is the change good news?


def trend_arrow(now: Cell, before: Cell) -> str:
    if now.shown is None or before.shown is None:
        return ""
    if now.shown > before.shown:
        return "up"
    if now.shown < before.shown:
        return "down"
    return "same"


def key_figures(scope: ReportScope, period: Quarter, suppress: bool) -> list[KeyFigure]:
    periods = [period, period.previous()]
    values = [families.compute(scope, p, FAMILIES) for p in periods]
    cells = scalar_cells(Report(scope, period, periods, values), suppress)
    figures = []
    for key, good_direction in KEY_FIGURES:
        indicator = BY_KEY[key]
        now = cells[0][key]
        before = cells[1][key]
        if indicator.snapshot:  # no history to compare with
            figures.append(KeyFigure(indicator, now, before, "", None))
            continue
        arrow = trend_arrow(now, before)
        good = None if arrow in ("", "same") else arrow == good_direction
        figures.append(KeyFigure(indicator, now, before, arrow, good))
    return figures
