"""Small-cell suppression: figures about fewer than PNT_SUPPRESSION_THRESHOLD people are
never shown or exported outside one's own scope.

- **Primary**: a count from 1 to threshold − 1 is shown as "<5" (zero is shown: it
  reveals no one).
- **Secondary**: when counts add up to a total (compulsory + voluntary = all; the rows of a
  table = its total row), hidden cells could be worked out by subtraction. So more cells
  are hidden (shown as "x"), smallest first, until the hidden cells include one that is not
  small and add up to at least twice the threshold; failing that, the total is hidden.
- **Derived** figures (a median, a share, hours) based on fewer people than the threshold
  are shown as "n<5".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils.formats import number_format

PRIMARY, SECONDARY, BASE = "primary", "secondary", "base"
SECONDARY_MARK = "x"


def threshold() -> int:
    return int(getattr(settings, "PNT_SUPPRESSION_THRESHOLD", 5))


@dataclass(frozen=True)
class Cell:
    """One figure as shown: the number, what the reader sees, and why it is hidden."""

    value: Any
    display: str
    hidden: str = ""

    @property
    def shown(self) -> Any:
        """The number, or None when hidden or not applicable (for charts and the API)."""
        return None if self.hidden else self.value


def fmt(value: Any, unit: str = "count") -> str:
    """A figure as text, with the locale's separators ("—" when not applicable)."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(value) if value else "—"
    if unit == "share":
        return f"{number_format(round(float(value) * 100), 0)} %"
    if unit in ("days", "hours") or isinstance(value, (float, Decimal)):
        number = float(value)
        decimals = 0 if number == int(number) else 1
        return number_format(round(number, decimals), decimals, force_grouping=True)
    return number_format(value, 0, force_grouping=True)


def is_small(value: Any) -> bool:
    return isinstance(value, int) and 0 < value < threshold()


def primary(value: Any, unit: str = "count") -> Cell:
    """A count on its own: hidden as "<5" when small."""
    limit = threshold()
    if is_small(value):
        return Cell(value, f"<{limit}", PRIMARY)
    return Cell(value, fmt(value, unit))


def derived(value: Any, base: Any, unit: str) -> Cell:
    """A median, share or sum over `base` people: hidden when `base` is small."""
    limit = threshold()
    if value is not None and is_small(base):
        return Cell(value, f"n<{limit}", BASE)
    return Cell(value, fmt(value, unit))


def protect_group(cells: dict[str, Cell], total_key: str | None) -> dict[str, Cell]:
    """Secondary suppression of a group whose parts add up to the cell `total_key`: returns
    the cells with extra ones hidden (shown as "x") so that no hidden part can be worked out.

    When the total is shown and some part is hidden, the hidden parts must include one
    that is not a small count (its value is then unbounded to the reader) and together
    reach twice the threshold; otherwise the total is hidden too. A hidden total must not
    be the sum of shown parts either. Zeros are never chosen: a hidden zero gives itself
    away.
    """
    result = dict(cells)
    if total_key is None or total_key not in result:
        return result
    parts = [key for key in result if key != total_key and result[key].value is not None]

    def candidates() -> list[str]:
        return sorted(
            (key for key in parts if not result[key].hidden and result[key].value > 0),
            key=lambda key: (result[key].value, key),
        )

    hidden = [key for key in parts if result[key].hidden]
    if result[total_key].hidden:
        if parts and not hidden and candidates():
            result[candidates()[0]] = _secondary(result[candidates()[0]])
        return result
    if not hidden:
        return result
    limit = 2 * threshold()
    while not _safe(result, hidden, limit):
        remaining = candidates()
        if not remaining:
            result[total_key] = _secondary(result[total_key])
            break
        result[remaining[0]] = _secondary(result[remaining[0]])
        hidden.append(remaining[0])
    return result


def _safe(cells: dict[str, Cell], hidden: list[str], limit: int) -> bool:
    unbounded = any(cells[key].hidden != PRIMARY for key in hidden)
    return unbounded and sum(cells[key].value for key in hidden) >= limit


def _secondary(cell: Cell) -> Cell:
    return Cell(cell.value, SECONDARY_MARK, SECONDARY)


def protect_counts(
    values: Mapping[str, Any], total: Any = None
) -> tuple[dict[str, Cell], Cell | None]:
    """Primary and secondary suppression of one breakdown (rows → counts) and its total
    (a number, or a cell already suppressed elsewhere in the report)."""
    cells = {key: primary(value) for key, value in values.items()}
    if total is None:
        return cells, None
    cells["__total__"] = total if isinstance(total, Cell) else primary(total)
    protected = protect_group(cells, "__total__")
    total_cell = protected.pop("__total__")
    return protected, total_cell


def plain(value: Any, unit: str = "count") -> Cell:
    """A figure shown as it is (inside one's own scope, or not about people)."""
    return Cell(value, fmt(value, unit))
