"""Consent records: the volunteer's sign-up keeps the words agreed to and the moment."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.buddies.models import Volunteer
from pnt.privacy.anonymise import anonymise_volunteer
from pnt.privacy.consent import consents_of, record_consent
from pnt.privacy.models import Consent
from tests.factories import VolunteerFactory, municipality

pytestmark = pytest.mark.django_db


def _sign_up(client, **extra):
    data = {
        "first_name": "Veerle", "last_name": "Mertens", "email": "veerle@example.org",
        "municipality": municipality("12025").pk, "age_group": "45-64",
        "languages": ["nl"], "interests": ["cooking"], "availability": ["sat-morning"],
        "max_travel_km": "8", "consent": "on", **extra,
    }  # fmt: skip
    return client.post(reverse("buddy_signup"), data)


def test_sign_up_records_the_consent_with_its_words(client):
    response = _sign_up(client)
    assert response.status_code == 302, response.context["form"].errors
    volunteer = Volunteer.objects.get(email="veerle@example.org")
    consent = consents_of(volunteer).get()
    assert consent.purpose == Consent.Purpose.BUDDY_VOLUNTEER
    assert "keeps my details" in consent.statement
    assert consent.given_at == volunteer.consent_at
    assert consent.active


def test_sign_up_without_consent_stores_nothing(client):
    _sign_up(client, consent="")
    assert not Volunteer.objects.exists()
    assert not Consent.objects.exists()


def test_erasure_withdraws_the_consent_and_keeps_the_record_of_it():
    volunteer = VolunteerFactory(status="stopped")
    record_consent(subject=volunteer, purpose="buddy_volunteer")
    anonymise_volunteer(volunteer=volunteer, reason="request")
    consent = consents_of(volunteer).get()
    assert consent.withdrawn_at is not None and consent.withdrawal_note == "anonymised"


def test_a_withdrawal_cannot_precede_the_consent():
    import datetime as dt

    from django.db import IntegrityError
    from django.utils import timezone

    volunteer = VolunteerFactory()
    consent = record_consent(subject=volunteer, purpose="buddy_volunteer")
    consent.withdrawn_at = consent.given_at - dt.timedelta(days=1)
    with pytest.raises(IntegrityError):
        consent.save()
    assert timezone.now() >= consent.given_at
