"""The public sign-up of volunteers: no login, consent recorded with its time."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from pnt.buddies.models import Volunteer
from tests.factories import municipality

pytestmark = pytest.mark.django_db


def _data(**extra):
    return {
        "first_name": "Veerle",
        "last_name": "Peeters",
        "email": "veerle@example.org",
        "municipality": municipality("12025").pk,
        "age_group": "45-64",
        "interests": ["cooking", "walking"],
        "languages": ["nl", "fr"],
        "availability": ["sat-morning"],
        "max_travel_km": "8",
        "consent": "on",
        **extra,
    }


def test_anyone_can_sign_up_and_consent_is_recorded(client):
    response = client.post(reverse("buddy_signup"), _data())
    assert response.status_code == 302 and response.url == reverse("buddy_signup_thanks")
    volunteer = Volunteer.objects.get(email="veerle@example.org")
    assert volunteer.status == Volunteer.Status.CANDIDATE
    assert volunteer.consent_at is not None
    assert volunteer.interests == ["cooking", "walking"]


def test_without_consent_nothing_is_stored(client):
    data = _data()
    del data["consent"]
    response = client.post(reverse("buddy_signup"), data)
    assert response.status_code == 200
    assert not Volunteer.objects.exists()


def test_same_gender_only_needs_the_gender(client):
    response = client.post(reverse("buddy_signup"), _data(same_gender_only="on"))
    assert response.status_code == 200
    assert not Volunteer.objects.exists()


def test_the_page_offers_every_language(client):
    html = client.get(reverse("buddy_signup")).content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'value="{code}"' in html
