"""Every read of the offer: scoped querysets, catalogue search, and who may do what.

Searches start from `Activity.objects.published()` (the public catalogue) or from
`visible_to(user)` (staff); what a person may change starts from `manageable_by(user)`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import Count, F, FloatField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import ASin, Coalesce, Cos, Power, Radians, Sin, Sqrt
from django.utils import timezone

from pnt.accounts.scoping import scope_for
from pnt.geo.distance import EARTH_RADIUS_KM
from pnt.geo.models import Municipality
from pnt.offer.models import Activity, Provider

# Enrolment states that hold one of an activity's places (kept in step with trajectories).
HOLDS_PLACE = ("offered", "confirmed", "attending")
PLACE_HOLDERS = Q(enrolments__status__in=HOLDS_PLACE)
MORNING_ENDS, AFTERNOON_ENDS = dt.time(12, 0), dt.time(17, 0)
# Eligible (every formal condition met) and validated: the activity counts for the 40 hours.
COUNTS_FOR_PNT = Q(
    validated_at__isnull=False,
    dutch_context=True,
    with_others=True,
    meets_new_people=True,
    lasting_contacts=True,
    is_formal_lesson=False,
)
THRESHOLD_FIELDS = {
    "childcare": "childcare",
    "wheelchair": "wheelchair_access",
    "transport": "transport_help",
    "women_only": "women_only",
    "accompanied": "first_visit_accompanied",
}


# --- scope: who may write what -------------------------------------------------------------


def _region_municipality_ids(region_ids: Iterable[int]) -> set[int]:
    return set(
        Municipality.objects.filter(regions__in=list(region_ids)).values_list("pk", flat=True)
    )


def authoring_providers(user) -> QuerySet[Provider]:
    """Organisations the user may create activities for."""
    scope = scope_for(user)
    if scope.is_admin:
        return Provider.objects.all()
    q = Q(pk__in=scope.provider_ids)
    area = set(scope.officer_municipality_ids) | _region_municipality_ids(
        scope.coordinator_region_ids
    )
    if area:
        q |= Q(municipality__in=area) | Q(serves__in=area)
    return Provider.objects.filter(q).distinct()


def authoring_municipalities(user, provider: Provider | None = None) -> QuerySet[Municipality]:
    """Where the user may place an activity (for this provider, when given)."""
    scope = scope_for(user)
    current = Municipality.objects.current()
    if scope.is_admin or (provider is not None and provider.pk in scope.provider_ids):
        return current
    if provider is None and scope.provider_ids:
        return current
    area = set(scope.officer_municipality_ids) | _region_municipality_ids(
        scope.coordinator_region_ids
    )
    return current.filter(pk__in=area)


def may_author(user, *, provider: Provider, municipality: Municipality) -> bool:
    """Whether an activity of this provider in this municipality would be the user's to manage."""
    scope = scope_for(user)
    if scope.is_admin or provider.pk in scope.provider_ids:
        return True
    if municipality.pk in scope.officer_municipality_ids:
        return True
    return municipality.pk in _region_municipality_ids(scope.coordinator_region_ids)


def validatable_by(user) -> QuerySet[Activity]:
    """Activities the user may validate: coordinators and coaches of the region (not providers)."""
    scope = scope_for(user)
    if scope.is_admin:
        return Activity.objects.all()
    if not scope.region_ids:
        return Activity.objects.none()
    return Activity.objects.filter(municipality__regions__in=scope.region_ids).distinct()


def can_validate(user, activity: Activity) -> bool:
    return validatable_by(user).filter(pk=activity.pk).exists()


# --- the catalogue ---------------------------------------------------------------------------


def public_activities() -> QuerySet[Activity]:
    """What newcomers see: published (or full) activities that have not ended."""
    today = timezone.localdate()
    return Activity.objects.published().filter(Q(end_date__isnull=True) | Q(end_date__gte=today))


def staff_activities(user) -> QuerySet[Activity]:
    return Activity.objects.visible_to(user)


def _json_has(field: str, values: list[str]) -> Q:
    """Rows whose JSON list `field` holds any of `values` (portable across databases)."""
    q = Q()
    for value in values:
        if connection.vendor == "postgresql":
            q |= Q(**{f"{field}__contains": [value]})
        else:  # SQLite has no JSON containment; the quoted value inside the text is exact.
            q |= Q(**{f"{field}__icontains": f'"{value}"'})
    return q


def distance_expression(lat: float, lon: float):
    """Great-circle distance in km from (lat, lon) to the activity, computed in SQL."""
    a_lat = Coalesce(F("latitude"), F("municipality__latitude"))
    a_lon = Coalesce(F("longitude"), F("municipality__longitude"))
    half_dlat = Radians(a_lat - Value(lat)) / Value(2.0)
    half_dlon = Radians(a_lon - Value(lon)) / Value(2.0)
    h = Power(Sin(half_dlat), 2) + Cos(Radians(a_lat)) * Value(math.cos(math.radians(lat))) * (
        Power(Sin(half_dlon), 2)
    )
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(h, output_field=FloatField()))


def _bounding_box(lat: float, lon: float, km: float) -> Q:
    """A cheap, index-friendly prefilter: the box around the circle of `km`."""
    dlat = km / 111.2
    dlon = km / (111.2 * max(0.1, math.cos(math.radians(lat))))
    box = {
        "latitude__range": (lat - dlat, lat + dlat),
        "longitude__range": (lon - dlon, lon + dlon),
    }
    fallback = {
        "latitude__isnull": True,
        "municipality__latitude__range": (lat - dlat, lat + dlat),
        "municipality__longitude__range": (lon - dlon, lon + dlon),
    }
    return Q(**box) | Q(**fallback)


def _schedule_filters(qs: QuerySet[Activity], f: dict[str, Any]) -> QuerySet[Activity]:
    # Activities "by appointment" fit any day and any time of day.
    flexible = Q(schedule_kind=Activity.ScheduleKind.APPOINTMENT)
    if f.get("day"):
        qs = qs.filter(Q(weekday__in=[int(d) for d in f["day"]]) | flexible)
    if f.get("daypart"):
        parts = Q()
        for part in f["daypart"]:
            if part == "morning":
                parts |= Q(start_time__lt=MORNING_ENDS)
            elif part == "afternoon":
                parts |= Q(start_time__gte=MORNING_ENDS, start_time__lt=AFTERNOON_ENDS)
            elif part == "evening":
                parts |= Q(start_time__gte=AFTERNOON_ENDS)
        qs = qs.filter(parts | flexible)
    return qs


def enrolment_model():
    """The enrolment model, through the relation: the offer does not import trajectories."""
    return Activity._meta.get_field("enrolments").related_model


def _taken_subquery():
    taken = (
        enrolment_model()
        .objects.filter(activity=OuterRef("pk"), status__in=HOLDS_PLACE)
        .order_by()
        .values("activity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(taken), Value(0))


def search(qs: QuerySet[Activity], f: dict[str, Any]) -> QuerySet[Activity]:
    """Apply the catalogue filters (cleaned data of `CatalogueFilterForm`) and the sort."""
    if f.get("q"):
        qs = qs.filter(Q(title__icontains=f["q"]) | Q(description__icontains=f["q"]))
    for name, field in (("type", "type"), ("status", "status")):
        if f.get(name):
            qs = qs.filter(**{f"{field}__in": f[name]})
    if f.get("theme"):
        qs = qs.filter(_json_has("themes", f["theme"]))
    if f.get("goal"):
        qs = qs.filter(_json_has("goals", f["goal"]))
    if f.get("level") not in (None, ""):
        qs = qs.filter(dutch_level__lte=int(f["level"]))
    qs = _schedule_filters(qs, f)
    if f.get("cost") == "free":
        qs = qs.filter(price_kind=Activity.PriceKind.FREE)
    elif f.get("cost") == "uitpas":
        qs = qs.filter(price_kind__in=[Activity.PriceKind.FREE, Activity.PriceKind.UITPAS])
    for need in f.get("needs") or []:
        qs = qs.filter(**{THRESHOLD_FIELDS[need]: True})
    if f.get("family"):
        qs = qs.filter(family_friendly=True)
    if f.get("counts"):
        qs = qs.filter(COUNTS_FOR_PNT)
    if f.get("places"):
        qs = qs.exclude(status=Activity.Status.FULL).annotate(taken_n=_taken_subquery())
        qs = qs.filter(capacity__gt=F("taken_n"))
    return _place_and_sort(qs, f)


def _place_and_sort(qs: QuerySet[Activity], f: dict[str, Any]) -> QuerySet[Activity]:
    centre: Municipality | None = f.get("municipality")
    km = f.get("km")
    sort = f.get("sort") or ""
    located = centre is not None and centre.latitude is not None and centre.longitude is not None
    if centre is not None and not km:
        qs = qs.filter(municipality=centre)
    if located:
        lat, lon = centre.latitude, centre.longitude  # type: ignore[union-attr]
        if km:
            qs = qs.filter(_bounding_box(lat, lon, km))
        qs = qs.annotate(distance_km=distance_expression(lat, lon))
        if km:
            qs = qs.filter(distance_km__lte=km)
        if sort in ("", "distance"):
            return qs.order_by("distance_km", "start_date", "pk")
    if sort == "title":
        return qs.order_by("title", "pk")
    return qs.order_by(F("start_date").asc(nulls_last=True), "start_time", "title", "pk")


def fill_places(activities: list[Activity]) -> list[Activity]:
    """Set `taken` (places held) on a page of activities with one grouped query."""
    ids = [a.pk for a in activities]
    counts = dict(
        enrolment_model()
        .objects.filter(activity_id__in=ids, status__in=HOLDS_PLACE)
        .order_by()
        .values_list("activity_id")
        .annotate(n=Count("pk"))
    )
    for activity in activities:
        activity.taken = counts.get(activity.pk, 0)
    return activities


def enrolment_counts(activity: Activity) -> dict[str, int]:
    """How many enrolments the activity has in each status (for the provider's page)."""
    rows = activity.enrolments.order_by().values_list("status").annotate(n=Count("pk"))
    return dict(rows)
