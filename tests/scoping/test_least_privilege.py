"""Provider staff see the newcomers enrolled with them by first name and contact only.

Bohdan (Putte) is enrolled with Aster; Aster's staff must not learn his last name, where he
lives or how his trajectory stands, on any page or through the API.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.scoping.world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def aster_staff(world: World) -> Client:
    client = Client()
    client.force_login(world.users["provider_staff_aster"])
    return client


@pytest.fixture
def bohdan(world: World):
    return world.objects["newcomer"]["bohdan"]


@pytest.mark.parametrize("url_name", ["newcomer_list", "dashboard"])
def test_provider_staff_pages_show_no_last_name_or_residence(aster_staff, url_name):
    html = aster_staff.get(reverse(url_name)).content.decode()
    assert "Bohdan" in html
    assert "Kovalenko" not in html
    assert "Putte" not in html


def test_provider_staff_newcomer_page_shows_no_last_name_or_residence(aster_staff, bohdan):
    html = aster_staff.get(reverse("newcomer_detail", args=[bohdan.pk])).content.decode()
    assert "Bohdan" in html
    assert "Kovalenko" not in html
    assert "Putte" not in html


def test_provider_staff_api_list_gives_first_names_only(aster_staff, bohdan):
    [item] = aster_staff.get("/api/trajectories/newcomers").json()
    assert item["first_name"] == "Bohdan"
    assert item["municipality_nis_code"] is None
    assert item["trajectory_status"] is None


def test_provider_staff_api_detail_gives_first_name_only(aster_staff, bohdan):
    item = aster_staff.get(f"/api/trajectories/newcomers/{bohdan.pk}").json()
    assert item["first_name"] == "Bohdan"
    assert item["municipality_nis_code"] is None
    assert item["trajectory_status"] is None


def test_coach_api_gives_residence_and_trajectory(world: World, bohdan):
    client = Client()
    client.force_login(world.users["coach_rivierenland"])
    item = client.get(f"/api/trajectories/newcomers/{bohdan.pk}").json()
    assert item["municipality_nis_code"] == "12029"
    assert item["trajectory_status"] == "searching"


def test_counsellor_sees_an_organisation_whose_only_activity_is_full(world: World):
    activity = world.objects["activity"]["koken_ceder"]
    activity.status = "full"
    activity.save()
    client = Client()
    client.force_login(world.users["counsellor"])
    provider = world.objects["provider"]["ceder"]
    assert client.get(reverse("provider_detail", args=[provider.pk])).status_code == 200


def test_provider_staff_dashboard_counts_no_trajectory_statuses(aster_staff):
    assert aster_staff.get(reverse("dashboard")).context["trajectory_counts"] == {}
