"""Named people of the network's tests: Rivierenland's coordinator and officers, Kempen's
coach, a provider's staff member."""

from __future__ import annotations

import pytest

from pnt.accounts.models import Role
from tests.factories import ProviderFactory, municipality, region, user_with_role


@pytest.fixture
def rivierenland(db):
    return region("rivierenland")


@pytest.fixture
def coordinator(rivierenland):
    return user_with_role(Role.COORDINATOR, region=rivierenland)


@pytest.fixture
def officer_putte(db):
    return user_with_role(Role.MUNICIPAL_OFFICER, municipality=municipality("12029"))


@pytest.fixture
def officer_mechelen(db):
    return user_with_role(Role.MUNICIPAL_OFFICER, municipality=municipality("12025"))


@pytest.fixture
def coach_kempen(db):
    return user_with_role(Role.COACH, region=region("kempen"))


@pytest.fixture
def aster(db):
    return ProviderFactory(name="Ontmoetingshuis Aster", municipality=municipality("12025"))


@pytest.fixture
def aster_staff(aster):
    return user_with_role(Role.PROVIDER_STAFF, provider=aster)


@pytest.fixture
def coordinator_kempen(db):
    return user_with_role(Role.COORDINATOR, region=region("kempen"))
