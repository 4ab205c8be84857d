"""Login throttling (django-axes): five wrong passwords lock the username out from that
address, even for the right password; others are not affected."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.accounts.models import Role
from tests.factories import TEST_PASSWORD, region, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    return user_with_role(Role.COACH, region=region("rivierenland"))


def _log_in(client, username, password, ip="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def _fail(client, username, times, ip="10.0.0.1"):
    """Wrong passwords; the fifth is the one that locks out (429)."""
    for attempt in range(1, times + 1):
        expected = 429 if attempt >= 5 else 200
        assert _log_in(client, username, "wrong-password", ip).status_code == expected


def test_four_failures_still_allow_the_right_password(client, coach):
    _fail(client, coach.username, 4)
    assert _log_in(client, coach.username, TEST_PASSWORD).status_code == 302


def test_five_failures_lock_the_account_out(client, coach):
    _fail(client, coach.username, 5)
    response = _log_in(client, coach.username, TEST_PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_address(client, coach):
    _fail(client, coach.username, 5)
    assert _log_in(client, coach.username, TEST_PASSWORD, ip="10.0.0.2").status_code == 302


def test_another_user_is_not_locked_out(client, coach):
    other = user_with_role(Role.COACH, region=region("kempen"))
    _fail(client, coach.username, 5)
    assert _log_in(client, other.username, TEST_PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, coach):
    _fail(client, coach.username, 4)
    assert _log_in(client, coach.username, TEST_PASSWORD).status_code == 302
    client.post(reverse("logout"))
    _fail(client, coach.username, 4)
    assert _log_in(client, coach.username, TEST_PASSWORD).status_code == 302
