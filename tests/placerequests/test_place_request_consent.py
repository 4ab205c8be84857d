"""A request for a place keeps the proof of the visitor's consent (pnt.privacy): stored with
the request in one transaction, never without it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from pnt.placerequests import services
from pnt.placerequests.forms import PlaceRequestForm
from pnt.placerequests.models import PlaceRequest
from pnt.privacy import consent as consent_module
from pnt.privacy.consent import consents_of
from pnt.privacy.models import Consent
from tests.factories import ActivityFactory, ProviderFactory, municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    provider = ProviderFactory(name="Fietsclub De Ketting", municipality=municipality("12025"))
    return ActivityFactory(provider=provider, title="Samen fietsen")


def _data(**changes) -> dict:
    data = {
        "first_name": "Nadia",
        "email": "nadia@example.org",
        "phone": "",
        "municipality": municipality("12029").pk,
        "language": "uk",
        "message": "",
        "consent": "on",
    }
    data.update(changes)
    return data


def _send(activity, language: str = "en", **changes):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.post(reverse("place_request_new", args=[activity.pk]), _data(**changes))


def test_a_request_keeps_the_proof_of_consent(activity):
    _send(activity)
    [consent] = consents_of(PlaceRequest.objects.get())
    assert consent.purpose == Consent.Purpose.PUBLIC_REQUEST
    assert consent.active


def test_the_consent_is_dated_as_the_request(activity):
    _send(activity)
    stored = PlaceRequest.objects.get()
    assert consents_of(stored).get().given_at == stored.consent_at


def test_the_consent_keeps_the_words_the_visitor_ticked_in_their_language(activity):
    _send(activity, language="en")
    with translation.override("en"):
        words = str(PlaceRequestForm.base_fields["consent"].label)
    assert consents_of(PlaceRequest.objects.get()).get().statement == words


def test_a_refused_request_leaves_no_consent(activity):
    response = _send(activity, email="", phone="")
    assert response.status_code == 400
    assert not Consent.objects.exists()


def test_a_request_without_the_box_ticked_leaves_no_consent(activity):
    data = _data()
    del data["consent"]
    Client().post(reverse("place_request_new", args=[activity.pk]), data)
    assert not Consent.objects.exists()


def test_a_robot_leaves_no_consent(activity):
    _send(activity, website="http://spam.example")
    assert not Consent.objects.exists()


def test_when_storing_fails_neither_request_nor_consent_remains(activity, monkeypatch):
    def record_then_fail(**kwargs):
        consent_module.record_consent(**kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "record_consent", record_then_fail)
    form_data = {"first_name": "Nadia", "email": "nadia@example.org",
                 "municipality": municipality("12029"), "language": "uk"}  # fmt: skip
    with pytest.raises(RuntimeError):
        services.submit(activity=activity, data=form_data)
    assert not PlaceRequest.objects.exists()
    assert not Consent.objects.exists()
