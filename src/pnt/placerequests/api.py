"""Requests for a place in the API: scoped like the staff pages, every read audited."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from pnt.accounts.audit import record_access
from pnt.accounts.scoping import scope_for
from pnt.placerequests import services
from pnt.placerequests.models import PlaceRequest
from pnt.trajectories.models import Newcomer

router = Router(tags=["place requests"])


class PlaceRequestOut(Schema):
    id: int
    activity_id: int
    first_name: str
    email: str
    phone: str
    municipality_nis_code: str
    language: str
    message: str
    status: str
    created_at: dt.datetime
    consent_at: dt.datetime
    newcomer_id: int | None

    @staticmethod
    def resolve_municipality_nis_code(obj: PlaceRequest) -> str:
        return obj.municipality.nis_code


class CloseIn(Schema):
    outcome: Literal["handled", "declined"]
    newcomer_id: int | None = None


def _requests(request: HttpRequest):
    scope = scope_for(request.user)
    if not (scope.is_admin or scope.area_municipality_ids):
        raise Http404
    return PlaceRequest.objects.visible_to(request.user).select_related("municipality")


@router.get("/requests", response=list[PlaceRequestOut])
def list_place_requests(
    request: HttpRequest, status: str = "new", limit: int = 100, offset: int = 0
):
    """Requests for activities in the caller's area (status `new`, `handled`, `declined`
    or `all`), newest first."""
    rows = _requests(request)
    if status != "all":
        if status not in PlaceRequest.Status.values:
            raise HttpError(400, f"Unknown status {status!r}: use new, handled, declined or all.")
        rows = rows.filter(status=status)
    limit = max(1, min(limit, 500))
    return list(rows.order_by("-created_at", "-pk")[offset : offset + limit])


@router.get("/requests/{request_id}", response=PlaceRequestOut)
def get_place_request(request: HttpRequest, request_id: int):
    place_request = get_object_or_404(_requests(request), pk=request_id)
    record_access(user=request.user, action="view", obj=place_request, via="api")
    return place_request


@router.post("/requests/{request_id}/close", response=PlaceRequestOut)
def close_place_request(request: HttpRequest, request_id: int, payload: CloseIn):
    place_request = get_object_or_404(_requests(request), pk=request_id)
    newcomer = None
    if payload.newcomer_id is not None:
        newcomer = Newcomer.objects.visible_to(request.user).filter(pk=payload.newcomer_id).first()
        if newcomer is None:
            raise HttpError(400, f"No newcomer {payload.newcomer_id} in your scope.")
    try:
        return services.close(
            request_id=place_request.pk, by=request.user, status=payload.outcome, newcomer=newcomer
        )
    except services.PlaceRequestError as exc:
        raise HttpError(400, str(exc)) from None
