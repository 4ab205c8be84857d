"""Named people for the trajectory tests: a coach in Rivierenland, a provider, a counsellor."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from pnt.accounts.models import Role
from tests.factories import (
    ActivityFactory,
    NewcomerFactory,
    ProviderFactory,
    municipality,
    region,
    user_with_role,
)


@pytest.fixture
def coach(db):
    return user_with_role(Role.COACH, region=region("rivierenland"))


@pytest.fixture
def counsellor(db):
    return user_with_role(Role.COUNSELLOR)


@pytest.fixture
def provider(db):
    return ProviderFactory(name="Ontmoetingshuis De Brug", contact_name="An Peeters")


@pytest.fixture
def provider_staff(provider):
    return user_with_role(Role.PROVIDER_STAFF, provider=provider)


@pytest.fixture
def activity(provider):
    return ActivityFactory(
        provider=provider,
        title="Praattafel De Brug",
        capacity=2,
        start_date=timezone.localdate() - dt.timedelta(days=120),
    )


@pytest.fixture
def newcomer(coach, counsellor):
    return NewcomerFactory(
        first_name="Amina", last_name="Haddad", coach=coach, counsellor=counsellor,
        municipality=municipality("12025"),
    )  # fmt: skip


@pytest.fixture
def login():
    """`login(user)` → a test client signed in as that user."""

    def _login(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _login
