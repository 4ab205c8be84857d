"""The matching in the API: recommendations, a plan, and allocation rounds (start, read,
confirm), scoped like the pages."""

from __future__ import annotations

import pytest

from pnt.accounts.models import Role
from pnt.trajectories.models import Enrolment
from tests.factories import region, user_with_role
from tests.trajectories.matching_world import (
    MECHELEN,
    activity_in,
    conversation_table_across_the_region,
    cook_who_bikes,
    cooking_nearby,
)

pytestmark = pytest.mark.django_db
BASE = "/api/trajectories"


@pytest.fixture
def coordinator(db):
    return user_with_role(Role.COORDINATOR, region=region("rivierenland"))


def test_recommendations_list_activities_with_their_reasons(coach, login):
    samira = cook_who_bikes()
    cooking = cooking_nearby()
    conversation_table_across_the_region()

    body = login(coach).get(f"{BASE}/newcomers/{samira.pk}/recommendations").json()

    first = body["recommendations"][0]
    assert first["activity"]["id"] == cooking.pk
    assert "likes cooking" in [r["text"] for r in first["reasons"]]
    assert body["left_out"][0]["reasons"][0]["code"] == "too_far"


def test_the_plan_names_activities_and_hours(coach, login):
    samira = cook_who_bikes()
    cooking_nearby(total_hours=20)
    activity_in(MECHELEN, "Zangkoor Mechelen", themes=["music"], weekday=3, total_hours=20)

    body = login(coach).get(f"{BASE}/newcomers/{samira.pk}/plan?weeks=13").json()

    assert body["best"]["hours"] == 40
    assert body["best"]["reaches_target"] is True
    assert len(body["best"]["activities"]) == 2


def test_recommendations_of_a_newcomer_out_of_scope_are_404(login):
    samira = cook_who_bikes()
    kempen_coach = user_with_role(Role.COACH, region=region("kempen"))

    response = login(kempen_coach).get(f"{BASE}/newcomers/{samira.pk}/recommendations")

    assert response.status_code == 404


def test_a_round_is_started_read_and_confirmed(
    coordinator, login, django_capture_on_commit_callbacks
):
    for name in ("Amal", "Bilal", "Chen"):
        cook_who_bikes(first_name=name)
    cooking = cooking_nearby(capacity=2)
    client = login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            f"{BASE}/allocation-rounds",
            {"region": "rivierenland", "k": 1, "note": "API"},
            content_type="application/json",
        )
    round_id = started.json()["id"]
    preview = client.get(f"{BASE}/allocation-rounds/{round_id}").json()
    confirmed = client.post(f"{BASE}/allocation-rounds/{round_id}/confirm").json()

    assert started.status_code == 201
    assert preview["status"] == "ready"
    assert preview["placed_count"] == 2 and preview["unplaced_count"] == 1
    assert len(preview["assignments"]) == 2
    assert confirmed["status"] == "confirmed" and confirmed["offers_count"] == 2
    offered = Enrolment.objects.filter(activity=cooking, status=Enrolment.Status.OFFERED)
    assert offered.count() == 2


def test_a_round_cannot_be_started_in_a_region_one_does_not_coordinate(coordinator, login):
    response = login(coordinator).post(
        f"{BASE}/allocation-rounds", {"region": "kempen"}, content_type="application/json"
    )

    assert response.status_code == 404


def test_confirming_a_confirmed_round_is_a_400(
    coordinator, login, django_capture_on_commit_callbacks
):
    cook_who_bikes()
    cooking_nearby()
    client = login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        round_id = client.post(
            f"{BASE}/allocation-rounds", {"region": "rivierenland"}, content_type="application/json"
        ).json()["id"]
    client.post(f"{BASE}/allocation-rounds/{round_id}/confirm")

    response = client.post(f"{BASE}/allocation-rounds/{round_id}/confirm")

    assert response.status_code == 400
    assert "confirmed" in response.json()["detail"]
