"""Logging in and out through the forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.accounts.models import Role
from tests.factories import TEST_PASSWORD, region, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    return user_with_role(Role.COACH, region=region("rivierenland"))


def _log_in(client, user, password=TEST_PASSWORD, **extra):
    return client.post(reverse("login"), {"username": user.username, "password": password, **extra})


def test_login_lands_on_the_dashboard(client, coach):
    response = _log_in(client, coach)
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200


def test_wrong_password_shows_an_error_and_logs_nobody_in(client, coach):
    response = _log_in(client, coach, password="not-the-password")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_deactivated_user_cannot_log_in(client, coach):
    coach.is_active = False
    coach.save()
    response = _log_in(client, coach)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_login_follows_a_local_next(client, coach):
    response = _log_in(client, coach, next=reverse("newcomer_list"))
    assert response.url == reverse("newcomer_list")


def test_login_ignores_a_next_on_another_site(client, coach):
    response = _log_in(client, coach, next="https://evil.example/steal")
    assert response.url == reverse("dashboard")


def test_staff_page_sends_an_anonymous_visitor_to_the_login(client):
    response = client.get(reverse("newcomer_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_logout_ends_the_session(client, coach):
    client.force_login(coach)
    response = client.post(reverse("logout"))
    assert response.url == reverse("login")
    assert client.get(reverse("dashboard")).status_code == 302


def test_logout_by_a_plain_link_is_refused(client, coach):
    client.force_login(coach)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("dashboard")).status_code == 200
