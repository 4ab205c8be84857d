"""The coverage page: the region's offer as a map, a table and gaps in words."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pnt.geo.svg import region_map_svg
from pnt.offer import coverage
from pnt.offer.vocabulary import ActivityType

MEASURE_LABELS = {
    "activities": gettext_lazy("number of activities"),
    "places_per_100": gettext_lazy("places per 100 newcomers living there"),
    "places_left": gettext_lazy("places left"),
}


@login_required
def coverage_view(request: HttpRequest) -> HttpResponse:
    """Coordinators, coaches and municipal officers: the helicopter view of a region."""
    regions = list(coverage.coverage_regions(request.user).order_by("name"))
    if not regions:
        raise Http404
    by_slug = {r.slug: r for r in regions}
    region = by_slug.get(request.GET.get("region", ""), regions[0])
    measure = request.GET.get("measure", "activities")
    if measure not in MEASURE_LABELS:
        measure = "activities"
    kind = request.GET.get("type") or None
    if kind not in ActivityType.values:
        kind = None
    rows = coverage.region_figures(region, measure=measure, type=kind)
    svg = region_map_svg(
        [r.municipality for r in rows],
        values={r.municipality.pk: f"cov-{r.level}" for r in rows},
        title=_("Offer in %(region)s: %(measure)s") % {
            "region": region.name, "measure": MEASURE_LABELS[measure]},
    )  # fmt: skip
    context = {
        "regions": regions,
        "region": region,
        "measure": measure,
        "measures": MEASURE_LABELS.items(),
        "types": ActivityType.choices,
        "kind": kind,
        "rows": rows,
        "map": svg,
        "legend": coverage.legend(rows, measure),
        "gaps": coverage.gaps(rows),
        "oversubscribed": coverage.oversubscribed(region)[:50],
        "key_types": coverage.KEY_TYPES,
    }
    template = "offer/_coverage.html" if request.htmx else "offer/coverage.html"
    return render(request, template, context)
