"""Coverage: figures per municipality from SQL, gaps in words, over-subscription, the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.accounts.models import Role
from pnt.offer.coverage import gaps, oversubscribed, region_figures
from tests.factories import (
    ActivityFactory,
    EnrolmentFactory,
    NewcomerFactory,
    municipality,
    region,
    user_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rivierenland_offer(aster, berk):
    heist = municipality("12014")
    table = ActivityFactory(provider=aster, type="conversation_table", capacity=10)
    ActivityFactory(provider=aster, type="buddy", capacity=5)
    ActivityFactory(provider=berk, municipality=heist, type="conversation_table", capacity=8)
    EnrolmentFactory(activity=table, status="confirmed")
    NewcomerFactory.create_batch(4, municipality=municipality("12025"))
    return table


def test_figures_per_municipality(rivierenland_offer):
    rows = {r.municipality.name_nl: r for r in region_figures(region("rivierenland"))}
    mechelen = rows["Mechelen"]
    assert (mechelen.activities, mechelen.places, mechelen.places_left) == (2, 15, 14)
    assert mechelen.by_type == {"conversation_table": 1, "buddy": 1}
    assert mechelen.newcomers >= 4 and mechelen.level == 4
    assert rows["Putte"].activities == 0 and rows["Putte"].level == 0


def test_gaps_are_listed_in_words_with_the_nearest_offer(rivierenland_offer):
    sentences = gaps(region_figures(region("rivierenland")))
    putte = next(s for s in sentences if s.startswith("Putte"))
    assert putte.startswith("Putte: no activities at all")
    assert "Heist-op-den-Berg" in putte and " km " in putte
    heist = next(s for s in sentences if s.startswith("Heist-op-den-Berg"))
    assert heist.startswith("Heist-op-den-Berg: no buddy project; nearest buddy project at")
    assert not any(s.startswith("Mechelen") for s in sentences)


def test_activities_whose_waiting_list_exceeds_their_places_are_flagged(aster):
    busy = ActivityFactory(provider=aster, capacity=1, title="Druk")
    calm = ActivityFactory(provider=aster, capacity=5, title="Rustig")
    EnrolmentFactory.create_batch(2, activity=busy, status="waiting")
    EnrolmentFactory(activity=calm, status="waiting")
    assert list(oversubscribed(region("rivierenland"))) == [busy]


def test_the_coordinator_sees_map_table_and_gaps(client, coordinator, rivierenland_offer):
    client.force_login(coordinator)
    response = client.get(reverse("offer_coverage"), {"measure": "places_per_100"})
    assert response.status_code == 200
    assert "<svg" in response.text and 'class="municipality cov-' in response.text
    assert "Putte: no activities at all" in response.text


def test_a_municipal_officer_sees_their_region(client):
    officer = user_with_role(Role.MUNICIPAL_OFFICER, municipality=municipality("12029"))
    client.force_login(officer)
    assert client.get(reverse("offer_coverage")).context["region"].slug == "rivierenland"


def test_the_api_gives_the_same_figures(client, coordinator, rivierenland_offer):
    client.force_login(coordinator)
    body = client.get("/api/offer/coverage/rivierenland").json()
    mechelen = next(m for m in body["municipalities"] if m["name"] == "Mechelen")
    assert mechelen["places_left"] == 14
