"""Fuzzing the key forms through the web: the intake of a newcomer, a provider's activity,
a volunteer's public sign-up. Whatever is posted, the answer is never a server error, and
a refused form writes nothing. Bounded and seeded for `make test`."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pnt.accounts.models import AuditEntry, Role
from pnt.buddies.forms import VolunteerSignUpForm
from pnt.buddies.models import Volunteer
from pnt.geo.models import Municipality
from pnt.offer.forms import ActivityForm
from pnt.offer.models import Activity, Provider
from pnt.trajectories.forms import IntakeForm
from pnt.trajectories.models import Newcomer
from tests.factories import ProviderFactory, municipality, region, user_with_role
from tests.security.strategies import TEXT, form_posts

FUZZ = settings(
    max_examples=15, derandomize=True, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
pytestmark = pytest.mark.django_db


def _pks(*pks: int) -> st.SearchStrategy:
    return st.one_of(st.sampled_from([str(pk) for pk in pks]), TEXT)


def _post(client: Client, url: str, data: dict, counted) -> None:
    before = counted()
    response = client.post(url, data)
    assert response.status_code < 500
    if response.status_code != 302:
        assert counted() == before, "a refused form wrote something"


@pytest.fixture
def coach_client():
    client = Client()
    client.force_login(user_with_role(Role.COACH, region=region("rivierenland")))
    return client


@FUZZ
@given(data=st.data())
def test_intake_form(coach_client, data):
    from pnt.accounts.models import User

    coach = User.objects.get(pk=coach_client.session["_auth_user_id"])
    posts = form_posts(IntakeForm, {"municipality": _pks(municipality("12025").pk, 1)}, user=coach)
    _post(
        coach_client, reverse("intake_new"), data.draw(posts),
        lambda: (Newcomer.objects.count(), AuditEntry.objects.count()),
    )  # fmt: skip


@pytest.fixture
def provider_client():
    provider = ProviderFactory()
    client = Client()
    client.force_login(user_with_role(Role.PROVIDER_STAFF, provider=provider))
    return client, provider


@FUZZ
@given(data=st.data())
def test_activity_form(provider_client, data):
    client, provider = provider_client
    posts = form_posts(
        ActivityForm,
        {"provider": _pks(provider.pk), "municipality": _pks(provider.municipality_id)},
        providers=Provider.objects.filter(pk=provider.pk),
        municipalities=Municipality.objects.filter(pk=provider.municipality_id),
    )
    _post(client, reverse("activity_create"), data.draw(posts), Activity.objects.count)


@FUZZ
@given(data=st.data())
def test_volunteer_sign_up_form(client, data):
    posts = form_posts(VolunteerSignUpForm, {"municipality": _pks(municipality("12025").pk)})
    _post(client, reverse("buddy_signup"), data.draw(posts), Volunteer.objects.count)
