"""The helicopter view: the offer per municipality of a region, its gaps, and the rush.

Counts come from SQL aggregates; only the nearest-offer search for a gap runs in Python,
over a few hundred centroids at most.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from pnt.accounts.scoping import scope_for
from pnt.geo.distance import haversine_km
from pnt.geo.models import Municipality, Region
from pnt.offer.models import Activity
from pnt.offer.queries import HOLDS_PLACE, enrolment_model, public_activities
from pnt.offer.vocabulary import ActivityType

# The offer every municipality should have within reach (the most asked for).
KEY_TYPES = (ActivityType.CONVERSATION_TABLE, ActivityType.BUDDY)
LEVELS = 5  # colour classes cov-0 (nothing) … cov-4 (most)


@dataclass
class Figures:
    municipality: Municipality
    activities: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    places: int = 0
    taken: int = 0
    newcomers: int = 0
    level: int = 0

    @property
    def places_left(self) -> int:
        return max(0, self.places - self.taken)

    @property
    def places_per_100(self) -> float | None:
        if not self.newcomers:
            return None
        return round(100 * self.places / self.newcomers, 1)

    def value(self, measure: str) -> float:
        if measure == "places_per_100":
            return self.places_per_100 or 0.0
        if measure == "places_left":
            return float(self.places_left)
        return float(self.activities)


def coverage_regions(user) -> QuerySet[Region]:
    """Regions whose coverage the user may see: coordinators, coaches, municipal officers."""
    scope = scope_for(user)
    if scope.is_admin:
        return Region.objects.all()
    return Region.objects.filter(
        Q(pk__in=scope.region_ids) | Q(municipalities__in=scope.officer_municipality_ids)
    ).distinct()


def region_figures(
    region: Region, *, measure: str = "activities", type: str | None = None
) -> list[Figures]:
    """One row per current municipality of the region, with its level on the colour scale."""
    places = list(region.municipalities.current().order_by("name_nl"))
    rows = {m.pk: Figures(municipality=m) for m in places}
    offer = public_activities().filter(municipality__in=rows)
    if type:
        offer = offer.filter(type=type)
    for row in (
        offer.order_by()
        .values("municipality_id", "type")
        .annotate(n=Count("pk"), places=Sum("capacity"))
    ):
        figures = rows[row["municipality_id"]]
        figures.activities += row["n"]
        figures.places += row["places"] or 0
        figures.by_type[row["type"]] = row["n"]
    taken = (
        enrolment_model()
        .objects.filter(activity__in=offer, status__in=HOLDS_PLACE)
        .order_by()
        .values_list("activity__municipality_id")
        .annotate(n=Count("pk"))
    )
    for municipality_id, n in taken:
        rows[municipality_id].taken = n
    newcomers = (
        Municipality.objects.filter(pk__in=rows)
        .annotate(n=Count("newcomers"))
        .values_list("pk", "n")
    )
    for pk, n in newcomers:
        rows[pk].newcomers = n
    _set_levels(list(rows.values()), measure)
    return list(rows.values())


def _set_levels(rows: list[Figures], measure: str) -> None:
    top = max((r.value(measure) for r in rows), default=0.0)
    for row in rows:
        value = row.value(measure)
        row.level = (
            0
            if value <= 0 or top <= 0
            else 1 + min(LEVELS - 2, int((LEVELS - 1) * value / top - 1e-9))
        )


def legend(rows: list[Figures], measure: str) -> list[tuple[int, str]]:
    """The colour classes with the range of values each stands for (empty classes left out)."""
    top = max((r.value(measure) for r in rows), default=0.0)
    entries = [(0, _("none"))]
    if top <= 0:
        return entries
    for level in range(1, LEVELS):
        low, high = top * (level - 1) / (LEVELS - 1), top * level / (LEVELS - 1)
        if measure == "places_per_100":
            entries.append((level, f"{low:.1f}–{high:.1f}"))
            continue
        first, last = math.floor(low) + 1, math.floor(high)
        if first <= last:
            entries.append((level, str(first) if first == last else f"{first}–{last}"))
    return entries


def gaps(rows: list[Figures]) -> list[str]:
    """Municipalities without a key kind of offer, and where the nearest one is, in words."""
    nearest = _nearest_offer(KEY_TYPES)
    labels = dict(ActivityType.choices)
    sentences = []
    for row in rows:
        m = row.municipality
        if row.activities == 0:
            missing = list(KEY_TYPES)
            head = _("%(name)s: no activities at all") % {"name": m.name_nl}
        else:
            missing = [t for t in KEY_TYPES if not row.by_type.get(t)]
            if not missing:
                continue
            lacks = ", ".join(_("no %(kind)s") % {"kind": labels[t]} for t in missing)
            head = f"{m.name_nl}: {lacks}"
        found = [(t, _closest(m, nearest.get(t, []))) for t in missing]
        nowhere = [labels[t] for t, hit in found if not hit]
        found = [(t, hit) for t, hit in found if hit]
        if nowhere:
            head += " " + _("(no %(kinds)s published anywhere yet)") % {
                "kinds": ", ".join(map(str, nowhere))
            }
        places = {hit[0].pk for _t, hit in found}
        if len(places) == 1 and len(found) > 1:
            where, km = found[0][1]
            tail = _("nearest at %(km).0f km in %(name)s") % {"km": km, "name": where.name_nl}
        else:
            tail = "; ".join(
                _("nearest %(kind)s at %(km).0f km in %(name)s")
                % {"kind": labels[t], "km": hit[1], "name": hit[0].name_nl}
                for t, hit in found
            )
        if not tail:
            sentences.append(head)
            continue
        sentences.append(f"{head}; {tail}")
    return sentences


def _nearest_offer(types) -> dict[str, list[Municipality]]:
    """For each type, the municipalities (with a centroid) that have published offer of it."""
    pairs = (
        public_activities()
        .filter(type__in=types, municipality__latitude__isnull=False)
        .order_by()
        .values_list("type", "municipality_id")
        .distinct()
    )
    by_type: dict[str, set[int]] = defaultdict(set)
    for kind, municipality_id in pairs:
        by_type[kind].add(municipality_id)
    all_ids = set().union(*by_type.values()) if by_type else set()
    places = Municipality.objects.only("pk", "name_nl", "latitude", "longitude").in_bulk(all_ids)
    return {kind: [places[i] for i in ids] for kind, ids in by_type.items()}


def _closest(origin: Municipality, candidates: list[Municipality]):
    if origin.latitude is None or origin.longitude is None:
        return None
    best = None
    for place in candidates:
        if place.pk == origin.pk:
            continue
        km = haversine_km(origin.latitude, origin.longitude, place.latitude, place.longitude)
        if best is None or km < best[1]:
            best = (place, km)
    return best


def oversubscribed(region: Region) -> QuerySet[Activity]:
    """Published activities of the region whose waiting list is longer than their places."""
    return (
        public_activities()
        .filter(municipality__in=region.municipalities.all())
        .annotate(waiting=Count("enrolments", filter=Q(enrolments__status="waiting")))
        .filter(waiting__gt=F("capacity"))
        .select_related("provider", "municipality")
        .order_by("-waiting", "title")
    )
