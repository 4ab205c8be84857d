"""The report page and the questionnaire in a real browser (screenshots to look at)."""

from __future__ import annotations

import datetime as dt

import pytest

from pnt.reporting import services
from tests.factories import TEST_PASSWORD, region, user_with_role
from tests.reporting.helpers import D, activity, attend, trajectory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _region_with_figures() -> None:
    table = activity(type="conversation_table", capacity=12)
    samen = activity("12029", type="samen_doen", capacity=10)
    activity("12021", type="sport", capacity=15)
    for index in range(14):
        nis = ("12025", "12029", "12021")[index % 3]
        started = D(2024, 4, 3) + dt.timedelta(days=index * 5)
        t = trajectory(nis, opened=D(2024, 2, 1), obligation=D(2024, 1, 10), started=started)
        attend(t.newcomer, table if index % 2 else samen, started, "2")


def _log_in(page, user) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/dashboard/")


def test_the_region_report_reads_well(page, screenshot_dir):
    _region_with_figures()
    _log_in(page, user_with_role("coordinator", region=region("rivierenland")))
    page.goto("/reports/regions/rivierenland/?quarter=2024-Q2")
    assert "Rivierenland" in page.locator("h1").inner_text()
    assert page.locator(".report-chart svg").count() >= 4
    page.screenshot(path=str(screenshot_dir / "reporting-region.png"), full_page=True)


def test_the_questionnaire_works_on_a_phone(phone_page, screenshot_dir):
    newcomer = trajectory(opened=D(2024, 1, 1), started=D(2024, 2, 1),
                          completed=D(2024, 5, 1)).newcomer  # fmt: skip
    _feedback, raw = services.invite_newcomer(newcomer=newcomer)
    phone_page.goto(f"/feedback/{raw}/")
    for name in ("helpful", "enjoyed", "met_people", "continues"):
        phone_page.locator(f"label.face:has(input[name={name}][value=yes])").click()
    phone_page.screenshot(path=str(screenshot_dir / "reporting-feedback-phone.png"), full_page=True)
    phone_page.locator("main button[type=submit]").click()
    phone_page.locator(".feedback img").wait_for()
    assert phone_page.locator("main form").count() == 0
