"""Named people and organisations of the offer's tests."""

from __future__ import annotations

import pytest

from pnt.accounts.models import Role
from tests.factories import ProviderFactory, municipality, region, user_with_role


@pytest.fixture
def aster(db):
    return ProviderFactory(name="Ontmoetingshuis Aster", municipality=municipality("12025"))


@pytest.fixture
def berk(db):
    return ProviderFactory(name="Praatcafe Berk", municipality=municipality("12029"))


@pytest.fixture
def aster_staff(aster):
    return user_with_role(Role.PROVIDER_STAFF, provider=aster)


@pytest.fixture
def berk_staff(berk):
    return user_with_role(Role.PROVIDER_STAFF, provider=berk)


@pytest.fixture
def coordinator(db):
    return user_with_role(Role.COORDINATOR, region=region("rivierenland"))


@pytest.fixture
def coach(db):
    return user_with_role(Role.COACH, region=region("rivierenland"))


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are asserted in their English source text."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
