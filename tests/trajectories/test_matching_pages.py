"""The newcomer's page: recommendations and the plan as an htmx fragment, and taking them
into enrolment requests with one click each."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.accounts.models import AuditEntry, Role
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
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def samira():
    return cook_who_bikes()


def _url(newcomer, name="newcomer_recommendations"):
    return reverse(name, args=[newcomer.pk])


def test_the_newcomer_page_loads_the_recommendations_with_htmx(coach, login, samira):
    html = login(coach).get(reverse("newcomer_detail", args=[samira.pk])).content.decode()

    assert f'hx-get="{_url(samira)}"' in html


def test_the_fragment_shows_the_reasons_and_what_was_left_out(coach, login, samira):
    cooking_nearby()
    conversation_table_across_the_region()

    response = login(coach).get(_url(samira), **HTMX)

    html = response.content.decode()
    assert "<html" not in html
    assert "Samen koken Mechelen" in html
    assert "likes cooking" in html
    assert "too far: 16.2 km, reach is 8.0 km" in html


def test_without_htmx_the_recommendations_are_a_page_of_their_own(coach, login, samira):
    cooking_nearby()

    html = login(coach).get(_url(samira)).content.decode()

    assert "<html" in html and "Samen koken Mechelen" in html


def test_the_fragment_shows_a_plan_with_its_hours(coach, login, samira):
    cooking_nearby(total_hours=20)
    activity_in(MECHELEN, "Zangkoor Mechelen", themes=["music"], weekday=3, total_hours=20)

    html = login(coach).get(_url(samira), **HTMX).content.decode()

    assert "40 hours in 13 weeks, for the 40 hours still to go." in html
    assert "reaches the hours" in html


def test_viewing_the_recommendations_is_audited(coach, login, samira):
    login(coach).get(_url(samira), **HTMX)

    assert AuditEntry.objects.filter(
        user=coach, object_id=str(samira.pk), detail="recommendations"
    ).exists()


def test_taking_a_recommended_activity_makes_an_enrolment_request(coach, login, samira):
    cooking = cooking_nearby()

    response = login(coach).post(_url(samira, "newcomer_take_activities"),
                                 {"activity": cooking.pk}, **HTMX)  # fmt: skip

    assert "requested" in response.content.decode()
    enrolment = Enrolment.objects.get(newcomer=samira, activity=cooking)
    assert enrolment.status == Enrolment.Status.REQUESTED
    assert enrolment.requested_by == coach


def test_taking_a_whole_plan_requests_every_activity(coach, login, samira):
    first = cooking_nearby()
    second = activity_in(MECHELEN, "Zangkoor Mechelen", themes=["music"], weekday=3)

    login(coach).post(_url(samira, "newcomer_take_activities"), {"activity": [first.pk, second.pk]})

    assert Enrolment.objects.filter(newcomer=samira).count() == 2


def test_taking_an_activity_twice_says_it_is_already_requested(coach, login, samira):
    cooking = cooking_nearby()
    client = login(coach)
    client.post(_url(samira, "newcomer_take_activities"), {"activity": cooking.pk}, **HTMX)

    response = client.post(
        _url(samira, "newcomer_take_activities"), {"activity": cooking.pk}, **HTMX
    )

    assert "already enrolled" in response.content.decode()
    assert Enrolment.objects.filter(newcomer=samira).count() == 1


def test_without_htmx_taking_goes_back_to_the_newcomer_page(coach, login, samira):
    cooking = cooking_nearby()

    response = login(coach).post(_url(samira, "newcomer_take_activities"), {"activity": cooking.pk})

    assert response.status_code == 302
    assert response.url == reverse("newcomer_detail", args=[samira.pk]) + "#enrolments"


def test_a_draft_activity_cannot_be_taken(coach, login, samira):
    draft = cooking_nearby(status="draft")

    login(coach).post(_url(samira, "newcomer_take_activities"), {"activity": draft.pk})

    assert not Enrolment.objects.filter(newcomer=samira).exists()


def test_a_coach_of_another_region_gets_404(login, samira):
    kempen_coach = user_with_role(Role.COACH, region=region("kempen"))

    assert login(kempen_coach).get(_url(samira)).status_code == 404
