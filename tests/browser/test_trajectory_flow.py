"""A coach does an intake, enrols the newcomer in two activities, a provider fills in the
attendance sheet, and the coach sees the progress bar move."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from pnt.accounts.models import Role
from pnt.geo.loading import load_reference_geography
from pnt.geo.models import Municipality
from pnt.trajectories.models import Newcomer
from tests.factories import (
    TEST_PASSWORD,
    ActivityFactory,
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


def nl(text: str) -> str:
    with translation.override("nl"):
        return gettext(text)


def log_in(page: Page, user) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")


def log_out(page: Page) -> None:
    page.locator(".account form button.link").click()
    page.wait_for_url("**/accounts/login/**")


def test_intake_enrolment_attendance_and_progress(page: Page, screenshot_dir):
    coach = user_with_role(Role.COACH, region=region("rivierenland"))
    brug = ProviderFactory(name="Ontmoetingshuis De Brug", municipality=municipality("12025"))
    staff = user_with_role(Role.PROVIDER_STAFF, provider=brug)
    start = timezone.localdate() - dt.timedelta(days=60)
    ActivityFactory(provider=brug, title="Praattafel De Brug", start_date=start, capacity=8)
    ActivityFactory(title="Samen koken in Putte", start_date=start, capacity=8)

    # The coach does the intake.
    log_in(page, coach)
    page.goto("/newcomers/intake/")
    page.locator("#id_first_name").fill("Mariam")
    page.locator("#id_last_name").fill("Yousef")
    page.locator("#id_email").fill("mariam@example.org")
    page.locator("#id_municipality").select_option(label="Mechelen")
    page.locator("#id_birth_year").fill("1994")
    page.locator("#id_languages").fill("ar, en")
    page.locator("#id_obligation_start").fill((start - dt.timedelta(days=30)).isoformat())
    page.locator("input[name=interests][value=cooking]").check()
    page.locator("input[name=talents][value=music]").check()
    page.locator("input[name=availability][value='tue-evening']").check()
    page.locator("input[name=availability][value='sat-morning']").check()
    page.locator("#id_childcare_needed").check()
    page.screenshot(path=screenshot_dir / "trajectory_1_intake.png", full_page=True)
    page.locator("form.intake button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Mariam Yousef")
    newcomer = Newcomer.objects.get(last_name="Yousef")
    assert newcomer.intake.availability == ["tue-evening", "sat-morning"]

    # … and enrols her in two activities.
    for title in ("Praattafel De Brug", "Samen koken in Putte"):
        page.locator("#id_activity").select_option(label=title)
        page.locator("form.enrol-form button[type=submit]").click()
        expect(page.locator("#enrolments")).to_contain_text(title)
    assert newcomer.enrolments.filter(status="confirmed").count() == 2
    progress = page.locator("#pnt-progress")
    expect(progress).to_have_attribute("value", "0.00")
    page.screenshot(path=screenshot_dir / "trajectory_2_enrolled.png", full_page=True)
    log_out(page)

    # The provider adds today's session and fills in the attendance sheet.
    log_in(page, staff)
    page.goto("/participants/")
    page.get_by_role("link", name="Praattafel De Brug").click()
    expect(page.locator("main")).to_contain_text("Mariam")
    page.locator("form.row-form button[type=submit]").click()
    page.wait_for_url("**/attendance/")
    hours = page.locator("input[name$='-hours']")
    expect(hours).to_have_value("2.00")
    page.screenshot(path=screenshot_dir / "trajectory_3_attendance_sheet.png", full_page=True)
    page.locator("form.attendance-sheet button[type=submit]").click()
    page.wait_for_url("**/participants/activities/**")
    log_out(page)

    # The coach sees the bar move.
    log_in(page, coach)
    page.goto(f"/newcomers/{newcomer.pk}/")
    expect(page.locator("#pnt-progress")).to_have_attribute("value", "2.00")
    expect(page.locator("[data-testid=hours]")).to_have_text("2")
    page.screenshot(path=screenshot_dir / "trajectory_4_progress.png", full_page=True)
    page.goto("/coach/")
    expect(page.locator("table.caseload")).to_contain_text("Mariam Yousef")
    page.screenshot(path=screenshot_dir / "trajectory_5_caseload.png", full_page=True)
