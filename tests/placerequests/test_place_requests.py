"""A newcomer asks for a place from the public catalogue; the coach of the area handles it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pnt.accounts.models import AuditEntry, Role
from pnt.offer.models import Activity
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
def activity():
    provider = ProviderFactory(name="Kookclub Linde", municipality=municipality("12025"))
    return ActivityFactory(provider=provider, title="Samen koken")


def valid(**changes) -> dict:
    data = {
        "first_name": "Amal",
        "email": "amal@example.org",
        "phone": "",
        "municipality": municipality("12029").pk,
        "language": "ar",
        "message": "Ik kook graag.",
        "consent": "on",
    }
    data.update(changes)
    return data


def send(activity, **changes):
    return Client().post(reverse("place_request_new", args=[activity.pk]), valid(**changes))


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_visitor_sends_a_request_and_sees_the_confirmation(activity):
    response = send(activity)
    assert response.status_code == 302
    assert response["Location"] == reverse("place_request_sent", args=[activity.pk])
    stored = PlaceRequest.objects.get()
    assert (stored.first_name, stored.language, stored.activity) == ("Amal", "ar", activity)
    assert stored.consent_at is not None and stored.status == PlaceRequest.Status.NEW


def test_a_request_without_any_contact_is_refused_and_nothing_is_stored(activity):
    response = send(activity, email="", phone="")
    assert response.status_code == 400
    assert "Give your e-mail or your phone number." in response.content.decode()
    assert not PlaceRequest.objects.exists()


def test_a_request_without_consent_is_refused(activity):
    data = valid()
    del data["consent"]
    response = Client().post(reverse("place_request_new", args=[activity.pk]), data)
    assert response.status_code == 400
    assert "Tick this box" in response.content.decode()
    assert not PlaceRequest.objects.exists()


def test_a_phone_number_with_letters_is_refused(activity):
    response = send(activity, email="", phone="call me maybe")
    assert response.status_code == 400
    assert "This is not a phone number" in response.content.decode()
    assert not PlaceRequest.objects.exists()


def test_a_robot_filling_the_hidden_field_stores_nothing(activity):
    response = send(activity, website="http://spam.example")
    assert response.status_code == 302
    assert not PlaceRequest.objects.exists()


def test_a_draft_activity_takes_no_requests(activity):
    activity.status = Activity.Status.DRAFT
    activity.save()
    assert send(activity).status_code == 404


def test_the_coach_of_the_region_handles_it_and_links_the_newcomer(activity):
    send(activity)
    place_request = PlaceRequest.objects.get()
    coach = user_with_role(Role.COACH, region=region("rivierenland"))
    amal = NewcomerFactory(first_name="Amal", municipality=municipality("12029"))
    client = login(coach)
    assert "Amal" in client.get(reverse("place_request_list")).content.decode()
    response = client.post(
        reverse("place_request_close", args=[place_request.pk]),
        {"outcome": "handled", "newcomer": amal.pk},
    )
    assert response.status_code == 302
    place_request.refresh_from_db()
    assert place_request.status == "handled" and place_request.newcomer == amal
    assert place_request.handled_by == coach


def test_a_closed_request_cannot_be_closed_again(activity):
    send(activity)
    place_request = PlaceRequest.objects.get()
    client = login(user_with_role(Role.COACH, region=region("rivierenland")))
    url = reverse("place_request_close", args=[place_request.pk])
    client.post(url, {"outcome": "declined"})
    response = client.post(url, {"outcome": "handled"}, follow=True)
    assert "already handled" in response.content.decode()
    place_request.refresh_from_db()
    assert place_request.status == "declined"


def test_closing_without_an_outcome_is_a_clear_error(activity):
    send(activity)
    place_request = PlaceRequest.objects.get()
    client = login(user_with_role(Role.COACH, region=region("rivierenland")))
    response = client.post(reverse("place_request_close", args=[place_request.pk]), {})
    assert response.status_code == 400
    assert "Choose whether the request is handled or declined." in response.content.decode()


def test_opening_a_request_is_audited(activity):
    send(activity)
    place_request = PlaceRequest.objects.get()
    coach = user_with_role(Role.COACH, region=region("rivierenland"))
    login(coach).get(reverse("place_request_detail", args=[place_request.pk]))
    entry = AuditEntry.objects.get(object_type="placerequests.placerequest")
    assert (entry.user, entry.action, entry.object_id) == (coach, "view", str(place_request.pk))


def test_the_public_activity_page_links_to_the_form(activity):
    html = Client().get(reverse("public_activity", args=[activity.pk])).content.decode()
    assert reverse("place_request_new", args=[activity.pk]) in html
