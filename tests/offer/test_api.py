"""The offer's API: create, change, publish, validate; 400 with messages on bad input."""

from __future__ import annotations

import json

import pytest

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

NEW = {
    "title": "Wandelen langs de Nete",
    "description": "We wandelen samen en praten Nederlands.",
    "type": "samen_doen",
    "municipality_nis_code": "12025",
    "schedule_kind": "weekly",
    "weekday": 5,
    "start_date": "2030-01-05",
    "start_time": "10:00",
    "end_time": "12:00",
    "capacity": 15,
    "price_kind": "free",
}


def _post(client, url, body):
    return client.post(url, json.dumps(body), "application/json")


def test_create_publish_and_validate_through_the_api(client, aster, aster_staff, coordinator):
    client.force_login(aster_staff)
    created = _post(client, "/api/offer/activities", {**NEW, "provider_id": aster.pk})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert _post(client, f"/api/offer/activities/{pk}/publish", {}).json()["status"] == "published"
    refused = _post(client, f"/api/offer/activities/{pk}/validate", {})
    assert refused.status_code == 404  # a provider does not validate
    client.force_login(coordinator)
    assert _post(client, f"/api/offer/activities/{pk}/validate", {}).json()["counts_for_pnt"]


def test_bad_input_answers_400_with_the_field_and_message(client, aster, aster_staff):
    client.force_login(aster_staff)
    response = _post(
        client, "/api/offer/activities",
        {**NEW, "provider_id": aster.pk, "capacity": 0, "end_time": "09:00"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "capacity" in response.json()["detail"] and "end_time" in response.json()["detail"]


def test_patch_changes_only_the_given_fields(client, aster, aster_staff):
    activity = ActivityFactory(provider=aster, capacity=10)
    client.force_login(aster_staff)
    response = client.patch(
        f"/api/offer/activities/{activity.pk}", json.dumps({"capacity": 20}), "application/json"
    )
    assert response.status_code == 200 and response.json()["capacity"] == 20
    activity.refresh_from_db()
    assert activity.title.startswith("Activiteit") and activity.capacity == 20


def test_import_through_the_api_reports_line_and_column(client, aster, aster_staff):
    client.force_login(aster_staff)
    body = {"provider_id": aster.pk, "content": "external_id,title,type,municipality_nis,"
            "schedule,capacity\nx,Titel,sport,12025,weekly,0\n", "dry_run": True}  # fmt: skip
    errors = _post(client, "/api/offer/import", body).json()["errors"]
    assert {(e["line"], e["column"]) for e in errors} == {(2, "capacity"), (2, "weekday")}
