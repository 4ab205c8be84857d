"""Bearer tokens for integrations: they act with their user's scope and can be revoked."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import timezone

from pnt.accounts.models import ApiToken, Role
from pnt.api import TokenAuth
from tests.factories import NewcomerFactory, municipality, region, user_with_role

pytestmark = pytest.mark.django_db

NEWCOMERS = "/api/trajectories/newcomers"


def _token(user, *, read_only: bool = True, revoked: bool = False) -> str:
    raw = ApiToken.generate()
    ApiToken.objects.create(
        user=user,
        name="integration",
        key_hash=ApiToken.hash(raw),
        prefix=raw[:8],
        read_only=read_only,
        revoked_at=timezone.now() if revoked else None,
    )
    return raw


def _bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def coach_kempen():
    return user_with_role(Role.COACH, region=region("kempen"))


def test_token_sees_exactly_its_users_scope(client, coach_kempen):
    in_kempen = NewcomerFactory(municipality=municipality("13040"))
    NewcomerFactory(municipality=municipality("12025"))
    response = client.get(NEWCOMERS, **_bearer(_token(coach_kempen)))
    assert response.status_code == 200
    assert [item["id"] for item in response.json()] == [in_kempen.pk]


def test_token_gets_404_outside_its_users_scope(client, coach_kempen):
    in_mechelen = NewcomerFactory(municipality=municipality("12025"))
    response = client.get(f"{NEWCOMERS}/{in_mechelen.pk}", **_bearer(_token(coach_kempen)))
    assert response.status_code == 404


def test_revoked_token_is_refused(client, coach_kempen):
    response = client.get(NEWCOMERS, **_bearer(_token(coach_kempen, revoked=True)))
    assert response.status_code == 401


def test_unknown_token_is_refused(client):
    response = client.get(NEWCOMERS, **_bearer(ApiToken.generate()))
    assert response.status_code == 401


def test_token_of_a_deactivated_user_is_refused(client, coach_kempen):
    raw = _token(coach_kempen)
    coach_kempen.is_active = False
    coach_kempen.save()
    assert client.get(NEWCOMERS, **_bearer(raw)).status_code == 401


def test_request_without_credentials_is_refused(client):
    assert client.get(NEWCOMERS).status_code == 401


def test_read_only_token_cannot_post(coach_kempen):
    request = RequestFactory().post(NEWCOMERS, **_bearer(_token(coach_kempen, read_only=True)))
    assert TokenAuth()(request) is None


def test_writing_token_may_post(coach_kempen):
    request = RequestFactory().post(NEWCOMERS, **_bearer(_token(coach_kempen, read_only=False)))
    assert TokenAuth()(request) == coach_kempen


def test_token_use_is_recorded(client, coach_kempen):
    raw = _token(coach_kempen)
    client.get(NEWCOMERS, **_bearer(raw))
    assert ApiToken.objects.get(key_hash=ApiToken.hash(raw)).last_used_at is not None


def test_only_the_hash_of_a_token_is_stored(coach_kempen):
    raw = _token(coach_kempen)
    stored = ApiToken.objects.get(user=coach_kempen)
    assert raw not in (stored.key_hash, stored.prefix, stored.name)
    assert stored.key_hash == ApiToken.hash(raw)
