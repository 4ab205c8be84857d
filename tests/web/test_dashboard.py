"""The dashboard's work-to-do tiles for those who follow newcomers."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pnt.accounts.models import Role
from pnt.placerequests.models import PlaceRequest
from pnt.trajectories.models import Enrolment
from tests.factories import (
    ActivityFactory,
    EnrolmentFactory,
    NewcomerFactory,
    ProviderFactory,
    municipality,
    region,
    user_with_role,
)

pytestmark = pytest.mark.django_db


def dashboard_of(user):
    client = Client()
    client.force_login(user)
    return client.get(reverse("dashboard"))


def test_a_coach_sees_who_waits_and_the_new_requests_of_the_region():
    mechelen, turnhout = municipality("12025"), municipality("13040")
    activity = ActivityFactory(provider=ProviderFactory(municipality=mechelen))
    far = ActivityFactory(provider=ProviderFactory(municipality=turnhout))
    for place in (mechelen, mechelen, turnhout):
        EnrolmentFactory(
            newcomer=NewcomerFactory(municipality=place),
            activity=activity,
            status=Enrolment.Status.WAITING,
        )
    for target in (activity, far):
        PlaceRequest.objects.create(
            activity=target,
            first_name="Amal",
            phone="0470123456",
            municipality=mechelen,
            consent_at=timezone.now(),
        )
    work = dashboard_of(user_with_role(Role.COACH, region=region("rivierenland"))).context["work"]
    assert (work["waiting"], work["requests"]) == (2, 1)


def test_provider_staff_get_no_caseload_tiles():
    provider = ProviderFactory(municipality=municipality("12025"))
    response = dashboard_of(user_with_role(Role.PROVIDER_STAFF, provider=provider))
    assert response.context["work"] == {}
    assert reverse("place_request_list") not in response.content.decode()
