from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from pnt.geo.queries import regions_visible_to


@login_required
def region_list(request: HttpRequest) -> HttpResponse:
    return render(request, "geo/region_list.html", {"regions": regions_visible_to(request.user)})


@login_required
def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(regions_visible_to(request.user), slug=slug)
    municipalities = region.municipalities.order_by("name_nl")
    return render(
        request, "geo/region_detail.html", {"region": region, "municipalities": municipalities}
    )
