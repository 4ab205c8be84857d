"""Unmet demand for the coordinator and the municipal officers: a map layer over the
region, the ranked list of offer to create, and its CSV export."""

from __future__ import annotations

from html import escape

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from pnt.accounts.models import AuditEntry
from pnt.geo.svg import Projection, region_map_svg
from pnt.outreach import demand as demand_module
from pnt.outreach.queries import chosen_region, figure_regions, threshold

MAP_WIDTH = 640


def levels() -> list[tuple[int, int, str]]:
    """The map's classes as (level, lowest count, label); fixed so a colour never tells a
    count below the suppression threshold."""
    t = threshold()
    return [(0, 0, _("none")), (1, 1, f"<{t}"), (2, t, f"{t}–{2 * t - 1}"),
            (3, 2 * t, f"{2 * t}–{4 * t - 1}"), (4, 4 * t, f"{4 * t}+")]  # fmt: skip


def level_of(count: int) -> int:
    level = 0
    for value, lowest, _label in levels():
        if count >= lowest:
            level = value
    return level


def demand_map(demand: demand_module.Demand, wish: str, places) -> SafeString:
    counts = demand.unmet_counts(wish)
    title = _("Newcomers with a wish out of reach in %(region)s") % {"region": demand.region.name}
    svg = region_map_svg(
        places,
        values={m.pk: f"dem-{level_of(counts.get(m.pk, 0))}" for m in places},
        title=title,
        width=MAP_WIDTH,
    )
    if not wish:
        return svg
    return _with_offer_points(svg, demand, wish, places)


def _with_offer_points(svg: str, demand, wish: str, places) -> SafeString:
    """The open offer of the chosen wish as dots on top of the map (a second layer)."""
    areas = [m for m in places if m.outline]
    points = [p for m in areas for polygon in m.outline for p in polygon[0]]
    if not points:
        return mark_safe(svg)  # noqa: S308 (the map is built escaped)
    project = Projection.fit(points, MAP_WIDTH)
    dots = []
    for title, lat, lon in demand.offer_points(wish):
        x, y = project(lon, lat)
        if 0 <= x <= project.width and 0 <= y <= project.height:
            dots.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5"><title>{escape(title)}</title></circle>'
            )
    layer = (
        '<g class="demand-offer" fill="#f4a261" stroke="#1f2933" stroke-width="1">'
        + "".join(dots)
        + "</g>\n"
    )
    # Every value in the layer is a number or escaped text.
    return mark_safe(svg.replace("</svg>", layer + "</svg>"))  # noqa: S308


SHOWN = 25


@login_required
def demand_view(request: HttpRequest) -> HttpResponse:
    region = chosen_region(request.user, request.GET.get("region"))
    demand = demand_module.region_demand(region)
    wishes = demand.wishes()
    wish = request.GET.get("wish", "")
    if wish not in {key for key, _label in wishes}:
        wish = ""
    places = list(region.municipalities.current().order_by("name_nl"))
    ranked = demand.ranked()
    show_all = request.GET.get("all") == "1"
    if wish:
        ranked = [r for r in ranked if r.key == wish]
    context = {
        "region": region,
        "regions": figure_regions(request.user),
        "wishes": wishes,
        "wish": wish,
        "map": demand_map(demand, wish, places),
        "legend": levels(),
        # The first rows on the page (the rest on request, and all of them in the CSV).
        "ranked": ranked if show_all else ranked[:SHOWN],
        "more": 0 if show_all else max(0, len(ranked) - SHOWN),
        "threshold": threshold(),
    }
    return render(request, "outreach/demand.html", context)


@login_required
def demand_csv(request: HttpRequest) -> HttpResponse:
    region = chosen_region(request.user, request.GET.get("region"))
    demand = demand_module.region_demand(region)
    AuditEntry.objects.create(
        user=request.user, action=AuditEntry.Action.EXPORT, object_type="outreach.demand",
        object_id=region.slug, via="web", detail="unmet demand (suppressed)",
    )  # fmt: skip
    response = HttpResponse(demand_module.demand_csv(demand), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="demand-{region.slug}.csv"'
    return response
