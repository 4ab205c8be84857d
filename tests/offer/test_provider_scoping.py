"""An organisation can never touch another organisation's activity: every way in is 404."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from pnt.offer.models import Activity
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def berk_activity(berk):
    return ActivityFactory(provider=berk, title="Wandeling Berk", status="draft")


@pytest.mark.parametrize(
    "name", ["activity_publish", "activity_pause", "activity_duplicate", "activity_validate"]
)
def test_web_actions_on_another_organisations_activity_are_404(
    client, aster_staff, berk_activity, name
):
    client.force_login(aster_staff)
    assert client.post(reverse(name, args=[berk_activity.pk])).status_code == 404


def test_editing_another_organisations_activity_is_404(client, aster_staff, berk_activity):
    client.force_login(aster_staff)
    url = reverse("activity_edit", args=[berk_activity.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Gekaapt"}).status_code == 404
    berk_activity.refresh_from_db()
    assert berk_activity.title == "Wandeling Berk"


@pytest.mark.parametrize(
    ("method", "path"),
    [("patch", ""), ("post", "/publish"), ("post", "/pause"), ("post", "/duplicate"),
     ("post", "/validate")],
)  # fmt: skip
def test_api_actions_on_another_organisations_activity_are_404(
    client, aster_staff, berk_activity, method, path
):
    client.force_login(aster_staff)
    url = f"/api/offer/activities/{berk_activity.pk}{path}"
    response = getattr(client, method)(url, json.dumps({"title": "x"}), "application/json")
    assert response.status_code == 404
    assert Activity.objects.filter(provider=berk_activity.provider).count() == 1


def test_an_import_cannot_take_over_another_organisations_activity(
    client, aster, aster_staff, berk_activity
):
    from pnt.offer.exchange import export_csv

    client.force_login(aster_staff)
    content = export_csv([berk_activity])
    response = client.post(
        "/api/offer/import",
        json.dumps({"provider_id": aster.pk, "content": content, "dry_run": False}),
        "application/json",
    )
    assert response.json()["errors"][0]["message"].startswith("this id belongs to another")
    berk_activity.refresh_from_db()
    assert berk_activity.provider_id != aster.pk


def test_an_import_for_another_organisation_is_404(client, aster_staff, berk):
    client.force_login(aster_staff)
    body = json.dumps({"provider_id": berk.pk, "content": "", "dry_run": True})
    assert client.post("/api/offer/import", body, "application/json").status_code == 404
