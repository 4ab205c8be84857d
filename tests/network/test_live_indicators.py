"""Indicators follow live figures: when the offer or the trajectories change, the plan's
progress changes with them; nobody types the number twice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from pnt.network import measures, progress
from pnt.network.measures import Measure
from pnt.offer.models import Activity
from tests.factories import ActivityFactory, NewcomerFactory, ProviderFactory, municipality
from tests.network.factories import ActionFactory, IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mechelen_provider(db):
    return ProviderFactory(municipality=municipality("12025"))


@pytest.fixture
def buddy_places(db):
    return IndicatorFactory(measure="buddy_places", target=Decimal("50"))


def _status(indicator, user):
    return progress.indicator_status(indicator, user)


def test_the_indicator_counts_places_in_buddy_projects(
    buddy_places, coordinator, mechelen_provider
):
    ActivityFactory(provider=mechelen_provider, type="buddy", capacity=30)
    ActivityFactory(provider=mechelen_provider, type="conversation_table", capacity=12)
    status = _status(buddy_places, coordinator)
    assert status.live
    assert status.value == 30
    assert status.percent == 60


def test_the_figure_follows_the_offer_when_it_grows(buddy_places, coordinator, mechelen_provider):
    activity = ActivityFactory(provider=mechelen_provider, type="buddy", capacity=30)
    assert _status(buddy_places, coordinator).value == 30
    activity.capacity = 37
    activity.save()
    ActivityFactory(provider=mechelen_provider, type="buddy", capacity=13)
    status = _status(buddy_places, coordinator)
    assert status.value == 50
    assert status.reached


def test_drafts_and_other_regions_do_not_count(buddy_places, coordinator, mechelen_provider):
    ActivityFactory(provider=mechelen_provider, type="buddy", status=Activity.Status.DRAFT)
    ActivityFactory(provider=ProviderFactory(municipality=municipality("13040")), type="buddy")
    assert _status(buddy_places, coordinator).value == 0


def test_an_action_counts_only_in_its_municipalities(coordinator, mechelen_provider):
    action = ActionFactory()
    action.municipalities.set([municipality("12029")])  # Putte
    indicator = IndicatorFactory(action=action, measure="buddy_places")
    ActivityFactory(provider=mechelen_provider, type="buddy", capacity=30)
    assert _status(indicator, coordinator).value == 0
    ActivityFactory(provider=ProviderFactory(municipality=municipality("12029")), type="buddy",
                    capacity=8)  # fmt: skip
    assert _status(indicator, coordinator).value == 8


def test_municipalities_with_a_family_activity(coordinator):
    indicator = IndicatorFactory(measure="municipalities_with_family_activity", target=12)
    for nis in ("12025", "12025", "12029"):
        ActivityFactory(provider=ProviderFactory(municipality=municipality(nis)), type="family")
    ActivityFactory(provider=ProviderFactory(municipality=municipality("12021")),
                    type="sport", family_friendly=True)  # fmt: skip
    assert _status(indicator, coordinator).value == 3


def test_small_counts_of_people_are_hidden_from_an_officer(coordinator, officer_putte):
    indicator = IndicatorFactory(measure="newcomers_in_trajectory", target=100)
    NewcomerFactory(municipality=municipality("12025"))
    NewcomerFactory(municipality=municipality("12029"))
    assert _status(indicator, coordinator).value == 2
    hidden = _status(indicator, officer_putte)
    assert hidden.suppressed and hidden.value is None and hidden.percent is None


def test_a_typed_indicator_keeps_its_typed_value(coordinator):
    indicator = IndicatorFactory(measure="", name="Infosessies gegeven", target=10,
                                 manual_value=Decimal("4"))  # fmt: skip
    status = _status(indicator, coordinator)
    assert not status.live
    assert status.value == 4 and status.percent == 40


def test_another_app_can_plug_in_a_measure():
    measure = Measure("test_constant", "constant", "things", lambda ids: 7)
    measures.register(measure)
    try:
        assert measures.value("test_constant", [1, 2]) == 7
        assert ("test_constant", "constant") in measures.choices()
        with pytest.raises(ValueError, match="already registered"):
            measures.register(Measure("test_constant", "other", "things", lambda ids: 1))
    finally:
        measures._REGISTRY.pop("test_constant")


def test_the_plan_status_page_shows_the_live_figure(
    client, buddy_places, coordinator, mechelen_provider
):
    ActivityFactory(provider=mechelen_provider, type="buddy", capacity=37)
    client.force_login(coordinator)
    plan = buddy_places.action.pillar.plan
    html = client.get(reverse("plan_status", args=[plan.pk])).content.decode()
    assert "37 of 50" in html
