"""Maps of municipalities as inline SVG, drawn on the server (no JavaScript, no map tiles).

The projection is equirectangular with longitude shrunk by the cosine of the map's mean
latitude: at the size of a region, or even of Flanders, shapes look right and the
arithmetic stays trivial. Colours come as fill values or as CSS classes, so a page can
style the map from its stylesheet (the Content-Security-Policy forbids inline styles, but
not SVG presentation attributes such as `fill`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, Protocol

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

#: A fill value rather than a CSS class: #rgb/#rrggbb, rgb(…), rgba(…), hsl(…), hsla(…).
COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]+\))$")
CSS_CLASS = re.compile(r"^-?[_a-zA-Z][_a-zA-Z0-9-]*$")
DEFAULT_FILL = "#e6e9ee"
STROKE = "#ffffff"
LABEL_FILL = "#1f2933"
PADDING = 4.0


class MapArea(Protocol):
    """What the map needs of a municipality (a Municipality model instance fits)."""

    pk: Any
    nis_code: str
    name_nl: str
    outline: Any  # polygons → rings → [lon, lat]
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class Projection:
    """Longitude/latitude → SVG pixels for one map, and the size of that map."""

    west: float
    north: float
    x_scale: float  # pixels per degree of longitude
    y_scale: float  # pixels per degree of latitude
    width: float
    height: float

    @classmethod
    def fit(cls, points: Sequence[Sequence[float]], size: float) -> Projection:
        """Fit the points into a size × size box (a wide region fills the width)."""
        lons = [p[0] for p in points]
        lats = [p[1] for p in points]
        shrink = math.cos(math.radians(sum(lats) / len(lats)))
        x_span = (max(lons) - min(lons)) * shrink
        y_span = max(lats) - min(lats)
        scale = (size - 2 * PADDING) / max(x_span, y_span, 1e-9)
        return cls(
            west=min(lons),
            north=max(lats),
            x_scale=scale * shrink,
            y_scale=scale,
            width=x_span * scale + 2 * PADDING,
            height=y_span * scale + 2 * PADDING,
        )

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            PADDING + (lon - self.west) * self.x_scale,
            PADDING + (self.north - lat) * self.y_scale,
        )


def region_map_svg(
    municipalities: Iterable[MapArea],
    values: Mapping[int, str] | None = None,
    labels: bool = True,
    width: int = 640,
    title: str = "",
) -> SafeString:
    """An SVG map with one `<path>` per municipality that has an outline.

    The map fits a `width` × `width` box: a wide region gets exactly that width, a tall one
    that height. The viewBox makes it scale with CSS (`width: 100%; height: auto`).

    `values` maps a municipality's pk to a fill colour ("#2a9d8f", "rgb(…)", "hsl(…)") or
    to a CSS class ("level-3"); municipalities without a value keep the neutral fill.
    Each path carries a `<title>` (the name, shown on hover) and `data-nis`. All text is
    escaped, so the result is safe to insert into a page.
    """
    areas = [m for m in municipalities if m.outline]
    points = [point for m in areas for polygon in m.outline for point in polygon[0]]
    title = title or _("Map of municipalities")
    if not points:
        return mark_safe(_svg(width, 2 * PADDING, title, [], ""))  # noqa: S308 (escaped)
    project = Projection.fit(points, width)
    paths = [_path(m, project, (values or {}).get(m.pk)) for m in areas]
    names = _labels(areas, project, width) if labels else ""
    # Every text and attribute value below is escaped, which makes marking it safe sound.
    return mark_safe(_svg(project.width, project.height, title, paths, names))  # noqa: S308


def _svg(width: float, height: float, title: str, paths: list[str], labels: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="region-map" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'aria-label="{escape(title)}">\n<title>{escape(title)}</title>\n'
        f'<g class="municipalities" fill="{DEFAULT_FILL}" stroke="{STROKE}" '
        f'stroke-width="1" stroke-linejoin="round" fill-rule="evenodd">\n'
        + "\n".join(paths)
        + f"\n</g>\n{labels}</svg>"
    )


def _path(municipality: MapArea, project: Projection, value: str | None) -> str:
    """One municipality: every ring of every polygon in one path (holes via even-odd)."""
    rings = (ring for polygon in municipality.outline for ring in polygon)
    d = " ".join(_ring_path(ring, project) for ring in rings)
    classes, fill = "municipality", ""
    if value and COLOUR.match(value):
        fill = f' fill="{escape(value)}"'
    elif value and CSS_CLASS.match(value):
        classes += f" {value}"
    return (
        f'<path class="{escape(classes)}"{fill} data-nis="{escape(municipality.nis_code)}" '
        f'd="{d}"><title>{escape(municipality.name_nl)}</title></path>'
    )


def _ring_path(ring: Sequence[Sequence[float]], project: Projection) -> str:
    commands: list[str] = []
    last = ""
    for lon, lat in ring:
        x, y = project(lon, lat)
        point = f"{x:.1f} {y:.1f}"
        if point != last:  # points closer than a tenth of a pixel add nothing
            commands.append(point)
            last = point
    return "M" + " L".join(commands) + " Z"


def _labels(areas: Sequence[MapArea], project: Projection, width: int) -> str:
    """Names at the centroids, drawn after all paths so no neighbour covers them."""
    size = max(8.0, min(13.0, width / 60))
    texts = []
    for m in areas:
        if m.latitude is None or m.longitude is None:
            continue
        x, y = project(m.longitude, m.latitude)
        texts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" data-nis="{escape(m.nis_code)}">'
            f"{escape(m.name_nl)}</text>"
        )
    return (
        f'<g class="labels" aria-hidden="true" pointer-events="none" text-anchor="middle" '
        f'dominant-baseline="middle" font-size="{size:.0f}" fill="{LABEL_FILL}" '
        f'font-family="sans-serif">\n' + "\n".join(texts) + "\n</g>\n"
    )
