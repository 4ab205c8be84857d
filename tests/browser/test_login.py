"""A person logs in through the form and lands on the dashboard of their role."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from pnt.accounts.models import Role
from pnt.geo.loading import load_reference_geography
from pnt.geo.models import Municipality
from tests.factories import (
    TEST_PASSWORD,
    ActivityFactory,
    EnrolmentFactory,
    NewcomerFactory,
    ProviderFactory,
    municipality,
    region,
    user_with_role,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def geography(transactional_db):
    # A transactional test empties every table when it ends, the reference geography too.
    if not Municipality.objects.exists():
        load_reference_geography()


def _in_dutch(text: str) -> str:
    with translation.override("nl"):
        return gettext(text)


def _labels() -> tuple[str, str, str]:
    """Username label, password label and button text, as the Dutch page shows them."""
    with translation.override("nl"):
        form = AuthenticationForm()
        return (
            str(form.fields["username"].label),
            str(form.fields["password"].label),
            gettext("Log in"),
        )


def _scope_for(role: str) -> dict:
    mechelen = municipality("12025")
    if role in (Role.COORDINATOR, Role.COACH):
        return {"region": region("rivierenland")}
    if role == Role.MUNICIPAL_OFFICER:
        return {"municipality": mechelen}
    if role == Role.PROVIDER_STAFF:
        return {"provider": ProviderFactory(name="Ontmoetingshuis De Brug", municipality=mechelen)}
    return {}


def _log_in(page: Page, username: str, password: str) -> None:
    username_label, password_label, button = _labels()
    page.goto(reverse("login"))
    page.get_by_label(username_label).fill(username)
    page.get_by_label(password_label).fill(password)
    page.get_by_role("button", name=button).click()


@pytest.mark.parametrize(
    "role",
    [
        Role.COORDINATOR,
        Role.COACH,
        Role.MUNICIPAL_OFFICER,
        Role.PROVIDER_STAFF,
        Role.COUNSELLOR,
        Role.ADMIN,
    ],
)
def test_role_logs_in_and_lands_on_its_dashboard(page: Page, screenshot_dir, role):
    scope = _scope_for(role)
    user = user_with_role(role, **scope)
    activity = ActivityFactory(provider=scope.get("provider") or ProviderFactory())
    EnrolmentFactory(
        newcomer=NewcomerFactory(first_name="Amira", counsellor=user), activity=activity
    )

    _log_in(page, user.username, TEST_PASSWORD)

    expect(page).to_have_url(re.compile(re.escape(reverse("dashboard")) + "$"))
    with translation.override("nl"):
        heading = gettext("Dashboard — %(role)s") % {"role": Role(role).label}
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    page.screenshot(path=screenshot_dir / f"login-{role}.png", full_page=True)


def test_wrong_password_shows_the_error_and_stays_on_the_login(page: Page, screenshot_dir):
    user = user_with_role(Role.COACH, region=region("rivierenland"))

    _log_in(page, user.username, "not-the-password")

    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(reverse("login")) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(_in_dutch("Log in"))
    page.screenshot(path=screenshot_dir / "login-wrong-password.png", full_page=True)
