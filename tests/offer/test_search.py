"""Catalogue search: each filter, sorting, the htmx fragment, and bad values."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse

from pnt.offer.forms import CatalogueFilterForm
from pnt.offer.models import Activity
from pnt.offer.queries import public_activities, search
from tests.factories import ActivityFactory, EnrolmentFactory, municipality

pytestmark = pytest.mark.django_db


def found(**params) -> set[str]:
    form = CatalogueFilterForm(QueryDict(urlencode(params, doseq=True)))
    assert form.is_valid(), form.errors
    return set(search(public_activities(), form.cleaned_data).values_list("title", flat=True))


@pytest.fixture
def putte_and_mechelen(aster, berk):
    mechelen = ActivityFactory(provider=aster, title="Kookclub Mechelen")
    putte = ActivityFactory(provider=berk, title="Praattafel Putte", type="conversation_table")
    return mechelen, putte


def test_it_filters_by_municipality(putte_and_mechelen):
    assert found(municipality="12029") == {"Praattafel Putte"}


def test_it_filters_by_distance_from_a_municipality(putte_and_mechelen):
    # Putte to Mechelen is about 11 km; Turnhout is far away.
    ActivityFactory(title="Turnhout", municipality=municipality("13040"))
    assert found(municipality="12029", km=5) == {"Praattafel Putte"}
    assert found(municipality="12029", km=20) == {"Praattafel Putte", "Kookclub Mechelen"}


def test_distance_sort_puts_the_nearest_first_and_reports_km(putte_and_mechelen):
    form = CatalogueFilterForm({"municipality": "12025", "km": "30", "sort": "distance"})
    assert form.is_valid()
    rows = list(search(public_activities(), form.cleaned_data))
    assert [a.title for a in rows] == ["Kookclub Mechelen", "Praattafel Putte"]
    assert rows[0].distance_km < 1 < rows[1].distance_km < 20


def test_it_filters_by_type(putte_and_mechelen):
    assert found(type="conversation_table") == {"Praattafel Putte"}


def test_it_filters_by_theme_and_goal(aster):
    ActivityFactory(provider=aster, title="Voetbal", themes=["football"], goals=["make_friends"])
    ActivityFactory(provider=aster, title="Koken", themes=["cooking"], goals=["meet_people"])
    assert found(theme="football") == {"Voetbal"}
    assert found(goal="meet_people") == {"Koken"}


def test_the_dutch_level_needed_is_at_most_the_newcomers(aster):
    ActivityFactory(provider=aster, title="Geen", dutch_level=0)
    ActivityFactory(provider=aster, title="B1", dutch_level=3)
    assert found(level="1") == {"Geen"}
    assert found(level="4") == {"Geen", "B1"}


def test_it_filters_by_weekday_and_time_of_day(aster):
    ActivityFactory(provider=aster, title="Maandagochtend", weekday=0, start_time=dt.time(9),
                    end_time=dt.time(11))  # fmt: skip
    ActivityFactory(provider=aster, title="Dinsdagavond", weekday=1, start_time=dt.time(19),
                    end_time=dt.time(21))  # fmt: skip
    ActivityFactory(provider=aster, title="Buddy", schedule_kind="appointment", weekday=None,
                    start_time=None, end_time=None)  # fmt: skip
    assert found(day="0") == {"Maandagochtend", "Buddy"}
    assert found(daypart="evening") == {"Dinsdagavond", "Buddy"}


def test_it_filters_by_cost(aster):
    ActivityFactory(provider=aster, title="Gratis")
    ActivityFactory(provider=aster, title="UiTPAS", price_kind="uitpas", price_eur=10,
                    price_uitpas_eur=2)  # fmt: skip
    ActivityFactory(provider=aster, title="Betalend", price_kind="paid", price_eur=10)
    assert found(cost="free") == {"Gratis"}
    assert found(cost="uitpas") == {"Gratis", "UiTPAS"}


@pytest.mark.parametrize(
    ("need", "field"),
    [("childcare", "childcare"), ("wheelchair", "wheelchair_access"),
     ("transport", "transport_help"), ("women_only", "women_only"),
     ("accompanied", "first_visit_accompanied")],
)  # fmt: skip
def test_it_filters_by_each_lowered_threshold(need, field, aster):
    ActivityFactory(provider=aster, title="Met", **{field: True})
    ActivityFactory(provider=aster, title="Zonder")
    assert found(needs=need) == {"Met"}


def test_it_filters_family_friendly(aster):
    ActivityFactory(provider=aster, title="Gezin", family_friendly=True)
    ActivityFactory(provider=aster, title="Volwassenen")
    assert found(family="on") == {"Gezin"}


def test_it_filters_on_places_left(aster):
    full = ActivityFactory(provider=aster, title="Vol", capacity=1)
    EnrolmentFactory(activity=full)
    ActivityFactory(provider=aster, title="Plaats")
    ActivityFactory(provider=aster, title="Status vol", status=Activity.Status.FULL)
    assert found(places="on") == {"Plaats"}
    assert found() == {"Vol", "Plaats", "Status vol"}


def test_drafts_paused_and_ended_activities_are_not_public(aster):
    ActivityFactory(provider=aster, title="Ontwerp", status="draft")
    ActivityFactory(provider=aster, title="Gepauzeerd", status="paused")
    ActivityFactory(provider=aster, title="Voorbij", start_date=dt.date(2020, 1, 1),
                    end_date=dt.date(2020, 6, 1))  # fmt: skip
    ActivityFactory(provider=aster, title="Loopt")
    assert found() == {"Loopt"}


def test_sort_by_start(aster):
    today = dt.date.today()
    ActivityFactory(provider=aster, title="Later", start_date=today + dt.timedelta(days=9))
    ActivityFactory(provider=aster, title="Eerst", start_date=today)
    form = CatalogueFilterForm({"sort": "start"})
    assert form.is_valid()
    titles = list(search(public_activities(), form.cleaned_data).values_list("title", flat=True))
    assert titles == ["Eerst", "Later"]


def test_the_public_page_needs_no_login_and_keeps_filters_in_the_url(client, putte_and_mechelen):
    response = client.get(reverse("public_catalogue"), {"municipality": "12029"})
    assert response.status_code == 200
    assert "Praattafel Putte" in response.text and "Kookclub Mechelen" not in response.text
    assert 'value="12029" selected' in response.text


def test_htmx_gets_only_the_results_fragment(client, putte_and_mechelen):
    response = client.get(
        reverse("public_catalogue"), {"type": "conversation_table"}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in response.text and "Praattafel Putte" in response.text
    assert "HX-Request" in response["Vary"]


def test_bad_filter_values_give_a_message_not_an_error(client, putte_and_mechelen):
    response = client.get(
        reverse("public_catalogue"), {"km": "far", "level": "C9", "municipality": "99999"}
    )
    assert response.status_code == 200
    assert "Some filters could not be used" in response.text
    assert "Praattafel Putte" in response.text  # the valid rest still applies


def test_distance_without_a_municipality_is_explained(client, putte_and_mechelen):
    response = client.get(reverse("public_catalogue"), {"km": "10"})
    assert "Choose a municipality to search around." in response.text


def test_the_api_search_answers_400_on_bad_input(client, putte_and_mechelen):
    assert client.get("/api/offer/search", {"km": "-3"}).status_code == 400
    body = client.get("/api/offer/search", {"municipality": "12029"}).json()
    assert body["count"] == 1 and body["results"][0]["title"] == "Praattafel Putte"
