"""The coordinator's "Matching weights" page: each weight with its meaning and default,
save, reset; only the region's coordinator (and the administrator) may open it."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from pnt.accounts.models import Role
from pnt.trajectories import weights_services
from pnt.trajectories.models_weights import DEFAULT_WEIGHTS, RegionWeights
from tests.factories import municipality, region, user_with_role

pytestmark = pytest.mark.django_db
URL = reverse("matching_weights", args=["rivierenland"])
RESET = reverse("matching_weights_reset", args=["rivierenland"])
API = "/api/trajectories/regions/rivierenland/matching-weights"


@pytest.fixture
def coordinator(db):
    return user_with_role(Role.COORDINATOR, region=region("rivierenland"))


def _form(**changes) -> dict:
    return {**DEFAULT_WEIGHTS, **changes}


def _stored() -> dict:
    row = RegionWeights.objects.filter(region=region("rivierenland")).first()
    return row.values if row else {}


def test_the_page_lists_each_weight_with_its_meaning_and_default(coordinator, login):
    html = login(coordinator).get(URL).content.decode()

    assert "Matching weights of Rivierenland" in html
    assert "Points taken off for every kilometre between home and the activity." in html
    assert 'name="distance_per_km"' in html and 'value="0.1"' in html


def test_the_coordinator_saves_the_weights_of_the_region(coordinator, login):
    response = login(coordinator).post(URL, _form(interests=5, distance_per_km=0.3))

    assert response.status_code == 302
    assert _stored() == {"interests": 5.0, "distance_per_km": 0.3}


def test_a_saved_weight_is_shown_as_changed(coordinator, login):
    weights_services.set_region_weights(region=region("rivierenland"), values={"goal": 2}, by=None)

    html = login(coordinator).get(URL).content.decode()

    assert 'name="goal" value="2.0"' in html
    assert "1 weight differs from the default" in html


def test_a_negative_weight_is_shown_as_an_error_and_nothing_is_saved(coordinator, login):
    response = login(coordinator).post(URL, _form(goal=-1))

    assert response.status_code == 200
    assert "goal_error" in response.content.decode()
    assert _stored() == {}


def test_reset_brings_back_the_defaults(coordinator, login):
    weights_services.set_region_weights(region=region("rivierenland"), values={"goal": 2}, by=None)

    response = login(coordinator).post(RESET)

    assert response.status_code == 302
    assert _stored() == {}


def test_the_menu_leads_the_coordinator_to_the_weights(coordinator, login):
    html = login(coordinator).get(reverse("allocation_round_list")).content.decode()

    assert reverse("matching_weights_list") in html


def test_the_list_shows_only_the_coordinators_region(coordinator, login):
    html = login(coordinator).get(reverse("matching_weights_list")).content.decode()

    assert URL in html
    assert reverse("matching_weights", args=["kempen"]) not in html


@pytest.mark.parametrize(
    "who",
    [
        lambda: user_with_role(Role.COACH, region=region("rivierenland")),
        lambda: user_with_role(Role.MUNICIPAL_OFFICER, municipality=municipality("12025")),
        lambda: user_with_role(Role.COORDINATOR, region=region("kempen")),
    ],
    ids=["coach", "officer", "other-coordinator"],
)
def test_only_the_regions_coordinator_may_see_or_change_its_weights(who, login):
    client = login(who())

    assert client.get(URL).status_code == 404
    assert client.post(URL, _form(goal=2)).status_code == 404
    assert client.post(RESET).status_code == 404
    assert (
        client.put(API, json.dumps({"weights": {"goal": 2}}), "application/json").status_code == 404
    )
    assert _stored() == {}


def test_the_administrator_may_change_any_regions_weights(login):
    admin = user_with_role(Role.ADMIN)

    response = login(admin).post(URL, _form(goal=2))

    assert response.status_code == 302 and _stored() == {"goal": 2.0}


# --- the API ---------------------------------------------------------------------------------


def test_the_api_gives_the_weights_in_use_and_the_regions_own(coordinator, login):
    weights_services.set_region_weights(region=region("rivierenland"), values={"goal": 2}, by=None)

    body = login(coordinator).get(API).json()

    assert body["own"] == {"goal": 2.0}
    assert body["weights"]["goal"] == 2.0
    assert body["weights"]["interests"] == body["defaults"]["interests"]


def test_the_api_refuses_an_unknown_weight(coordinator, login):
    response = login(coordinator).put(
        API, json.dumps({"weights": {"charm": 1}}), "application/json"
    )

    assert response.status_code == 400
    assert "charm" in response.json()["detail"]
    assert _stored() == {}


def test_the_api_replaces_the_regions_weights(coordinator, login):
    response = login(coordinator).put(
        API, json.dumps({"weights": {"interests": 4}}), "application/json"
    )

    assert response.status_code == 200
    assert _stored() == {"interests": 4.0}
