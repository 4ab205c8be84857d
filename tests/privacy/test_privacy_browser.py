"""A coordinator answers a data subject request in the browser: finds the person, sees what
is held, and erases it; a coach links an authenticator app at the first login."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from pnt.accounts.models import Role
from tests.factories import TEST_PASSWORD, region, user_with_role
from tests.privacy.helpers import newcomer_with_history

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, user) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()


def test_coordinator_erases_a_newcomer_on_request(page, screenshot_dir):
    coordinator = user_with_role(Role.COORDINATOR, region=region("rivierenland"))
    newcomer_with_history()
    _log_in(page, coordinator)
    page.goto(reverse("privacy_index") + "?q=Haddad")
    page.get_by_role("link", name="Yasmina Haddad").click()
    expect(page.locator("h1")).to_contain_text("Yasmina Haddad")
    page.screenshot(path=screenshot_dir / "privacy_subject.png", full_page=True)
    page.locator("input[name=confirm]").check()
    page.locator("form[action$='/erase/'] button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Anoniem")
    page.goto(reverse("audit_log"))
    page.screenshot(path=screenshot_dir / "privacy_audit_log.png", full_page=True)


def test_coach_links_an_authenticator_app(page, screenshot_dir, settings):
    settings.PNT_STAFF_2FA = True
    coach = user_with_role(Role.COACH, region=region("rivierenland"))
    _log_in(page, coach)
    expect(page.locator("img.qr")).to_be_visible()
    page.screenshot(path=screenshot_dir / "two_factor_setup.png", full_page=True)
    device = TOTPDevice.objects.get(user=coach)
    page.fill("input[name=token]", f"{totp(device.bin_key):06d}")
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
