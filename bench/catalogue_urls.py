"""pnt's URLs plus two baselines for the catalogue benchmark, only in this URLconf.

- `/bench/bare/`: the cheapest Django response, through the same middleware.
- `/bench/bare-search/`: a bare Django view doing the catalogue's work (the same form, the
  same filtered query, one page of 20 with places left) and writing the titles as plain HTML
  without templates, context processors or cards: what the search costs before pnt's page.
"""

from django.http import HttpResponse
from django.urls import path
from django.utils.html import escape

from pnt.offer import queries
from pnt.offer.forms import CatalogueFilterForm
from pnt.urls import urlpatterns as pnt_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


def bare_search(request):
    form = CatalogueFilterForm(request.GET)
    base = queries.public_activities().select_related("provider", "municipality")
    activities = queries.search(base.defer("municipality__outline"), form.filters())
    rows = queries.fill_places(list(activities[:20]))
    items = "".join(
        f"<li class='offer-card'>{escape(a.title)} ({a.places_left})</li>" for a in rows
    )
    return HttpResponse(f"<ul>{items}</ul>")


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/bare-search/", bare_search),
    *pnt_urlpatterns,
]
