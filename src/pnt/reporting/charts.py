"""Bar and line charts as SVG drawn on the server: no JavaScript, readable on screen, printed
and inside PDFs. Hidden (suppressed) figures are drawn as their text, never as a bar or a
point. All text is escaped."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

from pnt.reporting.suppression import Cell

PALETTE = ("#1f5f8b", "#e07a1f", "#2a9d6f", "#8a5cb8", "#c0392b", "#6b7a89")
INK, MUTED, GRID = "#1b2733", "#556270", "#d5dde5"
FONT = 'font-family="sans-serif"'


def _nice_max(value: float) -> float:
    """A round axis maximum at or above the value (1, 2, 2.5, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _svg(width: float, height: float, title: str, body: str, css_class: str) -> SafeString:
    text = escape(title)
    return mark_safe(  # noqa: S308 — every text inserted below is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'aria-label="{text}"><title>{text}</title>{body}</svg>'
    )


def bar_chart(
    items: Sequence[tuple[str, Cell]], title: str, width: int = 640, colour: str = PALETTE[0]
) -> SafeString:
    """Horizontal bars, one per (label, cell); a hidden cell shows its text ("<5")."""
    label_width, row, top = min(220, width * 0.38), 26, 8
    plot = width - label_width - 70
    numbers = [float(cell.shown) for _label, cell in items if cell.shown is not None]
    top_value = _nice_max(max(numbers, default=0))
    parts = []
    for index, (label, cell) in enumerate(items):
        y = top + index * row
        parts.append(
            f'<text x="{label_width - 8:.0f}" y="{y + 17}" text-anchor="end" font-size="13" '
            f'fill="{INK}" {FONT}>{escape(label)}</text>'
        )
        length = 0.0 if cell.shown is None else plot * float(cell.shown) / top_value
        if length > 0:
            parts.append(
                f'<rect x="{label_width:.0f}" y="{y + 4}" width="{length:.1f}" height="{row - 8}" '
                f'fill="{colour}" rx="2"/>'
            )
        fill = MUTED if cell.hidden else INK
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + 17}" font-size="13" '
            f'fill="{fill}" {FONT}>{escape(cell.display)}</text>'
        )
    height = top * 2 + row * max(1, len(items))
    return _svg(width, height, title, "".join(parts), "bar-chart")


def line_chart(
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[Cell]]],
    title: str,
    width: int = 640,
    height: int = 260,
) -> SafeString:
    """One line per series over the x labels (quarters); hidden points break the line."""
    left, right, top, bottom = 52, 30, 12, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    shown = [c.shown for _name, cells in series for c in cells if c.shown is not None]
    whole = all(isinstance(value, int) for value in shown)
    top_value = _nice_max(max((float(v) for v in shown), default=0))
    if whole:
        top_value = 4.0 * math.ceil(top_value / 4)  # whole people: ticks at whole numbers
    step = plot_w / max(1, len(x_labels) - 1)
    parts = [_grid(left, top, plot_w, plot_h, top_value)]
    for index, label in enumerate(x_labels):
        parts.append(
            f'<text x="{left + index * step:.1f}" y="{top + plot_h + 18}" text-anchor="middle" '
            f'font-size="11" fill="{MUTED}" {FONT}>{escape(label)}</text>'
        )
    for number, (name, cells) in enumerate(series):
        colour = PALETTE[number % len(PALETTE)]
        parts += _line(cells, colour, left, top, step, plot_h, top_value)
        x = left + number * 150
        parts.append(
            f'<rect x="{x}" y="{height - 18}" width="14" height="4" fill="{colour}"/>'
            f'<text x="{x + 20}" y="{height - 12}" font-size="12" fill="{INK}" {FONT}>'
            f"{escape(name)}</text>"
        )
    return _svg(width, height, title, "".join(parts), "line-chart")


def _grid(left: float, top: float, width: float, height: float, top_value: float) -> str:
    lines = []
    for tick in range(5):
        value = top_value * tick / 4
        y = top + height - height * tick / 4
        text = f"{value:,.0f}" if top_value >= 4 and value == int(value) else f"{value:,.1f}"
        lines.append(
            f'<line x1="{left}" x2="{left + width}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{MUTED}" {FONT}>{escape(text)}</text>'
        )
    return "".join(lines)


def _line(cells, colour, left, top, step, height, top_value) -> list[str]:
    parts, run = [], []
    for index, cell in enumerate(list(cells) + [Cell(None, "")]):
        if cell.shown is None:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                parts.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5"/>'
                )
            run = []
            continue
        x = left + index * step
        y = top + height - height * float(cell.shown) / top_value
        run.append((x, y))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>')
    return parts
