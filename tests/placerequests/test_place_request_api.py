"""The requests for a place through the API: scoped, audited, clear 400s."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.utils import timezone

from pnt.accounts.models import AuditEntry, Role
from pnt.placerequests.models import PlaceRequest
from tests.factories import (
    ActivityFactory,
    NewcomerFactory,
    ProviderFactory,
    municipality,
    region,
    user_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def place_request():
    activity = ActivityFactory(provider=ProviderFactory(municipality=municipality("12025")))
    return PlaceRequest.objects.create(
        activity=activity,
        first_name="Amal",
        email="amal@example.org",
        municipality=municipality("12025"),
        consent_at=timezone.now(),
    )


@pytest.fixture
def coach_client():
    client = Client()
    client.force_login(user_with_role(Role.COACH, region=region("rivierenland")))
    return client


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_coach_lists_and_reads_a_request_and_the_read_is_audited(place_request, coach_client):
    listed = coach_client.get("/api/place-requests/requests").json()
    assert [row["first_name"] for row in listed] == ["Amal"]
    coach_client.get(f"/api/place-requests/requests/{place_request.pk}")
    assert AuditEntry.objects.filter(via="api", object_id=str(place_request.pk)).exists()


def test_an_unknown_status_filter_is_a_clear_400(place_request, coach_client):
    response = coach_client.get("/api/place-requests/requests?status=open")
    assert response.status_code == 400
    assert "Unknown status 'open'" in response.json()["detail"]


def test_closing_with_a_newcomer_outside_the_scope_is_refused(place_request, coach_client):
    stranger = NewcomerFactory(municipality=municipality("13040"))
    url = f"/api/place-requests/requests/{place_request.pk}/close"
    response = post(coach_client, url, {"outcome": "handled", "newcomer_id": stranger.pk})
    assert response.status_code == 400
    place_request.refresh_from_db()
    assert place_request.status == "new"


def test_closing_twice_answers_400(place_request, coach_client):
    url = f"/api/place-requests/requests/{place_request.pk}/close"
    assert post(coach_client, url, {"outcome": "declined"}).status_code == 200
    response = post(coach_client, url, {"outcome": "handled"})
    assert response.status_code == 400 and "already handled" in response.json()["detail"]
