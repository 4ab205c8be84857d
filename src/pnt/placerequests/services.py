"""Creating and handling requests for a place; every change in one transaction."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from pnt.accounts.audit import record_access
from pnt.offer.models import Activity
from pnt.placerequests.models import PlaceRequest
from pnt.privacy.consent import record_consent
from pnt.privacy.models import Consent


class PlaceRequestError(Exception):
    """The request cannot be handled; the message says why."""


def submit(*, activity: Activity, data: dict, consent_statement: str = "") -> PlaceRequest:
    """Store a visitor's request (the form has checked it) with the proof of their consent
    (the words they ticked, in the language they read them), in one transaction: there is
    never a request without its consent record, nor a consent record without its request."""
    now = timezone.now()
    with transaction.atomic():
        place_request = PlaceRequest.objects.create(
            activity=activity,
            first_name=data["first_name"].strip(),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            municipality=data["municipality"],
            language=data["language"],
            message=data.get("message", "").strip(),
            consent_at=now,
            created_at=now,
        )
        record_consent(
            subject=place_request,
            purpose=Consent.Purpose.PUBLIC_REQUEST,
            statement=consent_statement,
            given_at=now,
            source="catalogue request",
        )
    return place_request


@transaction.atomic
def close(*, request_id: int, by, status: str, newcomer=None) -> PlaceRequest:
    """Mark a request handled (optionally linked to the registered newcomer) or declined."""
    if status not in (PlaceRequest.Status.HANDLED, PlaceRequest.Status.DECLINED):
        raise PlaceRequestError(f"Unknown outcome {status!r}.")
    place_request = PlaceRequest.objects.select_for_update().get(pk=request_id)
    if place_request.status != PlaceRequest.Status.NEW:
        raise PlaceRequestError("This request was already handled.")
    place_request.status = status
    place_request.handled_by = by
    place_request.handled_at = timezone.now()
    place_request.newcomer = newcomer
    place_request.save(update_fields=["status", "handled_by", "handled_at", "newcomer"])
    record_access(user=by, action="change", obj=place_request, detail=status)
    return place_request
