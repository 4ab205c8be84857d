"""Providers mark regular offer, and say which PNT activity leads on to it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pnt.accounts.models import Role
from pnt.outreach import services
from pnt.outreach.errors import OutreachError
from pnt.outreach.models import LeadsTo, RegularOffer
from tests.factories import ActivityFactory, ProviderFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return ProviderFactory(name="Sportclub De Toekomst")


@pytest.fixture
def staff(provider):
    return user_with_role(Role.PROVIDER_STAFF, provider=provider)


def test_provider_staff_mark_their_activity_as_regular_offer(provider, staff):
    club = ActivityFactory(provider=provider, title="Voetbaltraining")
    client = Client()
    client.force_login(staff)
    client.post(
        reverse("activity_follow_on", args=[club.pk]), {"action": "regular", "regular": "on"}
    )
    assert RegularOffer.objects.filter(activity=club).exists()


def test_a_pnt_activity_leads_to_a_regular_one(provider, staff):
    club = ActivityFactory(title="Voetbaltraining")
    services.mark_regular(activity=club, regular=True, by=None)
    intro = ActivityFactory(provider=provider, title="Kennismaking voetbal")
    client = Client()
    client.force_login(staff)
    url = reverse("activity_follow_on", args=[intro.pk])
    client.post(url, {"action": "leads_to", "regular": club.pk})
    assert LeadsTo.objects.filter(activity=intro, regular=club).exists()


def test_only_regular_offer_can_be_led_to(staff):
    with pytest.raises(OutreachError, match="not marked as regular offer"):
        services.link_leads_to(activity=ActivityFactory(), regular=ActivityFactory(), by=staff)


def test_taking_the_mark_away_removes_the_links():
    club, intro = ActivityFactory(), ActivityFactory()
    services.mark_regular(activity=club, regular=True, by=None)
    services.link_leads_to(activity=intro, regular=club, by=None)
    services.mark_regular(activity=club, regular=False, by=None)
    assert not LeadsTo.objects.exists()


def test_another_providers_activity_is_not_found(staff):
    other = ActivityFactory(provider=ProviderFactory())
    client = Client()
    client.force_login(staff)
    assert client.get(reverse("activity_follow_on", args=[other.pk])).status_code == 404
