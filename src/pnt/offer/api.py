"""The offer in the API: search, own activities, validation, coverage, exchange.

Published activities are public; everything else is scoped like the web pages, and
objects outside the caller's scope answer 404. Bad input answers 400 with messages.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from pnt.geo.models import Municipality
from pnt.offer import coverage, exchange, queries, services
from pnt.offer.forms import ActivityForm, CatalogueFilterForm
from pnt.offer.models import Activity, Provider
from pnt.offer.queries import PLACE_HOLDERS

router = Router(tags=["offer"])


class ProviderOut(Schema):
    id: int
    name: str
    kind: str
    municipality_nis_code: str

    @staticmethod
    def resolve_municipality_nis_code(obj: Provider) -> str:
        return obj.municipality.nis_code


class ActivityOut(Schema):
    id: int
    external_id: str
    title: str
    type: str
    status: str
    provider_id: int
    municipality_nis_code: str
    dutch_level: int
    capacity: int
    places_left: int
    themes: list[str]
    goals: list[str]
    schedule_kind: str
    weekday: int | None
    start_date: dt.date | None
    end_date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    price_kind: str
    distance_km: float | None = None
    counts_for_pnt: bool
    eligibility_reasons: list[str]

    @staticmethod
    def resolve_municipality_nis_code(obj: Activity) -> str:
        return obj.municipality.nis_code

    @staticmethod
    def resolve_places_left(obj: Activity) -> int:
        return max(0, obj.capacity - (getattr(obj, "taken", 0) or 0))

    @staticmethod
    def resolve_distance_km(obj: Activity) -> float | None:
        value = getattr(obj, "distance_km", None)
        return None if value is None else round(value, 1)

    @staticmethod
    def resolve_eligibility_reasons(obj: Activity) -> list[str]:
        return [str(r) for r in obj.eligibility_reasons]


class SearchOut(Schema):
    count: int
    results: list[ActivityOut]


class ActivityIn(Schema):
    """Fields of an activity; on PATCH, only those given change."""

    provider_id: int | None = None
    title: str | None = None
    description: str | None = None
    type: str | None = None
    themes: list[str] | None = None
    goals: list[str] | None = None
    dutch_level: int | None = None
    municipality_nis_code: str | None = None
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    schedule_kind: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    weekday: int | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    hours_per_session: Decimal | None = None
    total_hours: Decimal | None = None
    capacity: int | None = None
    price_kind: str | None = None
    price_eur: Decimal | None = None
    price_uitpas_eur: Decimal | None = None
    min_age: int | None = None
    max_age: int | None = None
    childcare: bool | None = None
    wheelchair_access: bool | None = None
    transport_help: bool | None = None
    women_only: bool | None = None
    first_visit_accompanied: bool | None = None
    family_friendly: bool | None = None
    dutch_context: bool | None = None
    with_others: bool | None = None
    meets_new_people: bool | None = None
    lasting_contacts: bool | None = None
    is_formal_lesson: bool | None = None


class ImportIn(Schema):
    provider_id: int
    format: str = "csv"  # csv or jsonld
    content: str
    dry_run: bool = True


class ImportOut(Schema):
    applied: bool
    created: list[str]
    updated: list[str]
    unchanged: list[str]
    errors: list[dict[str, Any]]


class CoverageRow(Schema):
    nis_code: str
    name: str
    activities: int
    by_type: dict[str, int]
    places: int
    places_left: int
    newcomers: int
    places_per_100: float | None


class CoverageOut(Schema):
    id: int
    region: str
    measure: str
    municipalities: list[CoverageRow]
    gaps: list[str]
    oversubscribed: list[int]


def _activities(user):
    return (
        Activity.objects.visible_to(user)
        .select_related("municipality")
        .annotate(taken=Count("enrolments", filter=PLACE_HOLDERS))
    )


def _bad_form(form) -> HttpError:
    messages = "; ".join(f"{field}: {' '.join(errs)}" for field, errs in form.errors.items())
    return HttpError(400, messages)


@router.get("/search", response=SearchOut, auth=None)
def search(request: HttpRequest, limit: int = 24, offset: int = 0):
    """The public catalogue: the same filters as `/catalogus/` (repeat a parameter for several)."""
    form = CatalogueFilterForm(request.GET)
    if not form.is_valid():
        raise _bad_form(form)
    found = queries.search(
        queries.public_activities().select_related("municipality"), form.cleaned_data
    )
    limit = max(1, min(limit, 200))
    page = queries.fill_places(list(found[offset : offset + limit]))
    return {"count": found.count(), "results": page}


@router.get("/activities", response=list[ActivityOut])
def list_activities(request: HttpRequest, limit: int = 100, offset: int = 0):
    limit = max(1, min(limit, 500))
    return list(_activities(request.user).order_by("pk")[offset : offset + limit])


@router.get("/activities/{activity_id}", response=ActivityOut)
def get_activity(request: HttpRequest, activity_id: int):
    return get_object_or_404(_activities(request.user), pk=activity_id)


def _form_data(payload: ActivityIn, base: dict[str, Any]) -> dict[str, Any]:
    given = payload.dict(exclude_unset=True)
    data = {**base, **given}
    nis = data.pop("municipality_nis_code", None)
    if nis is not None:
        place = Municipality.objects.current().filter(nis_code=nis).first()
        data["municipality"] = place.pk if place else -1
    if "provider_id" in data:
        data["provider"] = data.pop("provider_id")
    for key in ("themes", "goals"):
        data[key] = data.get(key) or []
    return {k: v for k, v in data.items() if v is not None}


def _save(request: HttpRequest, form, action):
    if not form.is_valid():
        raise _bad_form(form)
    try:
        activity = action(form.cleaned_data)
    except services.OfferError as error:
        raise HttpError(400, str(error)) from None
    return get_object_or_404(_activities(request.user), pk=activity.pk)


@router.post("/activities", response={201: ActivityOut})
def create_activity(request: HttpRequest, payload: ActivityIn):
    """A new draft activity for one of the caller's organisations."""
    providers = queries.authoring_providers(request.user)
    if not providers.exists():
        raise HttpError(404, "Not Found")
    data = _form_data(payload, {"dutch_level": 0, "hours_per_session": "2", "total_hours": "20",
                                "dutch_context": True, "with_others": True,
                                "meets_new_people": True, "lasting_contacts": True})  # fmt: skip
    form = ActivityForm(
        data,
        providers=providers,
        municipalities=queries.authoring_municipalities(request.user),
    )
    return 201, _save(
        request,
        form,
        lambda clean: services.create_activity(
            user=request.user, provider=clean["provider"], data=clean
        ),
    )


def _current_values(activity: Activity) -> dict[str, Any]:
    values = {name: getattr(activity, name) for name in services.EDITABLE_FIELDS}
    values["municipality"] = activity.municipality_id
    values["title_en"] = (activity.translations or {}).get("en", {}).get("title", "")
    values["description_en"] = (activity.translations or {}).get("en", {}).get("description", "")
    return values


@router.patch("/activities/{activity_id}", response=ActivityOut)
def update_activity(request: HttpRequest, activity_id: int, payload: ActivityIn):
    activity = get_object_or_404(Activity.objects.manageable_by(request.user), pk=activity_id)
    data = _form_data(payload, _current_values(activity))
    data.pop("provider", None)
    form = ActivityForm(
        data,
        instance=activity,
        providers=Provider.objects.filter(pk=activity.provider_id),
        municipalities=queries.authoring_municipalities(request.user, activity.provider),
    )
    return _save(
        request,
        form,
        lambda clean: services.update_activity(user=request.user, activity=activity, data=clean),
    )


def _action(request: HttpRequest, activity_id: int, action, scope=None):
    base = scope if scope is not None else Activity.objects.manageable_by(request.user)
    activity = get_object_or_404(base, pk=activity_id)
    try:
        result = action(user=request.user, activity=activity)
    except services.OfferError as error:
        raise HttpError(400, str(error)) from None
    return get_object_or_404(_activities(request.user), pk=result.pk)


@router.post("/activities/{activity_id}/publish", response=ActivityOut)
def publish_activity(request: HttpRequest, activity_id: int):
    return _action(request, activity_id, services.publish_activity)


@router.post("/activities/{activity_id}/pause", response=ActivityOut)
def pause_activity(request: HttpRequest, activity_id: int):
    return _action(request, activity_id, services.pause_activity)


@router.post("/activities/{activity_id}/duplicate", response={201: ActivityOut})
def duplicate_activity(request: HttpRequest, activity_id: int):
    return 201, _action(request, activity_id, services.duplicate_activity)


@router.post("/activities/{activity_id}/validate", response=ActivityOut)
def validate_activity(request: HttpRequest, activity_id: int):
    """Coordinators and coaches of the region only; providers never validate."""
    return _action(
        request, activity_id, services.validate_activity, queries.validatable_by(request.user)
    )


@router.get("/coverage/{region}", response=CoverageOut)
def region_coverage(request: HttpRequest, region: str, measure: str = "activities"):
    found = get_object_or_404(coverage.coverage_regions(request.user), slug=region)
    if measure not in ("activities", "places_per_100", "places_left"):
        raise HttpError(400, "measure: use activities, places_per_100 or places_left")
    rows = coverage.region_figures(found, measure=measure)
    return {
        "id": found.pk,
        "region": found.slug,
        "measure": measure,
        "municipalities": [
            {
                "nis_code": r.municipality.nis_code,
                "name": r.municipality.name_nl,
                "activities": r.activities,
                "by_type": r.by_type,
                "places": r.places,
                "places_left": r.places_left,
                "newcomers": r.newcomers,
                "places_per_100": r.places_per_100,
            }
            for r in rows
        ],  # fmt: skip
        "gaps": coverage.gaps(rows),
        "oversubscribed": list(coverage.oversubscribed(found).values_list("pk", flat=True)),
    }


@router.get("/export.jsonld", auth=None)
def export_jsonld(request: HttpRequest, provider: int | None = None, municipality: str = ""):
    """Published activities as UiTdatabank-shaped JSON-LD events."""
    activities = queries.public_activities().select_related("provider", "municipality")
    if provider is not None:
        activities = activities.filter(provider_id=provider)
    if municipality:
        activities = activities.filter(municipality__nis_code=municipality)
    base = request.build_absolute_uri("/").rstrip("/")
    body = exchange.export_jsonld(queries.fill_places(list(activities.order_by("pk"))), base)
    return HttpResponse(body, content_type="application/ld+json; charset=utf-8")


@router.post("/import", response=ImportOut)
def import_activities(request: HttpRequest, payload: ImportIn):
    """Import a CSV (template columns) or JSON-LD file for one organisation, all or nothing."""
    provider = get_object_or_404(queries.authoring_providers(request.user), pk=payload.provider_id)
    if payload.format not in ("csv", "jsonld"):
        raise HttpError(400, "format: use csv or jsonld")
    parse = exchange.parse_csv if payload.format == "csv" else exchange.parse_jsonld
    rows, errors = parse(payload.content)
    plan = services.import_activities(
        user=request.user, provider=provider, rows=rows, errors=errors, dry_run=payload.dry_run
    )
    return {
        "applied": plan.applied,
        "created": plan.created,
        "updated": [title for title, _fields in plan.updated],
        "unchanged": plan.unchanged,
        "errors": [{"line": e.line, "column": e.column, "message": e.message} for e in plan.errors],
    }


@router.get("/providers", response=list[ProviderOut])
def list_providers(request: HttpRequest):
    return list(Provider.objects.visible_to(request.user).select_related("municipality"))


@router.get("/providers/{provider_id}", response=ProviderOut)
def get_provider(request: HttpRequest, provider_id: int):
    return get_object_or_404(
        Provider.objects.visible_to(request.user).select_related("municipality"), pk=provider_id
    )
