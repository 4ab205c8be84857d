"""The coordinator sees where newcomers' wishes find no offer within reach (a layer on the
region's map, and the ranked list of offer to create); a newcomer answers the 3-month
check-in on a phone, in Arabic, through the link from the e-mail."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from pnt.accounts.models import Role
from pnt.geo.loading import load_reference_geography
from pnt.geo.models import Municipality
from pnt.outreach import services
from pnt.outreach.models import CheckIn
from pnt.trajectories.models import Intake, Trajectory
from tests.factories import (
    TEST_PASSWORD,
    ActivityFactory,
    NewcomerFactory,
    ProviderFactory,
    municipality,
    region,
    user_with_role,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def geography(transactional_db):
    if not Municipality.objects.exists():
        load_reference_geography()


def log_in(page: Page, user) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")


def newcomers_wanting(nis: str, theme: str, count: int, max_km: int) -> None:
    for _ in range(count):
        newcomer = NewcomerFactory(municipality=municipality(nis), interests=[theme])
        Intake.objects.create(newcomer=newcomer, max_km=max_km)


def test_coordinator_sees_unmet_demand(page: Page, screenshot_dir):
    coordinator = user_with_role(Role.COORDINATOR, region=region("rivierenland"))
    nijlen = ProviderFactory(name="FC Nijlen", municipality=municipality("12026"))
    ActivityFactory(provider=nijlen, title="Voetbal voor iedereen", type="sport",
                    themes=["football"])  # fmt: skip
    newcomers_wanting("12029", "football", 14, max_km=10)  # Putte: Nijlen is 11 km away
    newcomers_wanting("12002", "sewing", 6, max_km=8)  # Berlaar: no sewing anywhere
    newcomers_wanting("12025", "cooking", 3, max_km=10)  # Mechelen: fewer than 5

    log_in(page, coordinator)
    page.locator("nav details:has(a[href='/offer/demand/']) summary").click()  # the Offer menu
    page.locator("nav a[href='/offer/demand/']").click()
    page.wait_for_url("**/offer/demand/")
    putte = page.locator(".demand-map path[data-nis='12029']")
    expect(putte).to_have_class("municipality dem-3")
    expect(page.locator(".demand-map path[data-nis='12002']")).to_have_class("municipality dem-2")
    first = page.locator(".demand-ranked li").first
    expect(first).to_contain_text("14")
    expect(first).to_contain_text("Putte")
    expect(first).to_contain_text("11 km")
    expect(page.locator(".demand-ranked")).to_contain_text("<5")
    page.screenshot(path=screenshot_dir / "outreach_1_demand_map.png", full_page=True)

    page.locator("#demand-wish").select_option("theme:football")
    page.locator(".demand-filters button[type=submit]").click()
    page.wait_for_url("**wish=theme%3Afootball**")
    expect(page.locator(".demand-map .demand-offer circle")).to_have_count(1)
    expect(page.locator(".demand-ranked li")).to_have_count(1)
    page.screenshot(path=screenshot_dir / "outreach_2_demand_football.png", full_page=True)

    with page.expect_download() as download:
        page.locator("a[href*='demand.csv']").click()
    assert download.value.suggested_filename == "demand-rivierenland.csv"


def test_newcomer_answers_the_check_in_on_a_phone_in_arabic(phone_page: Page, screenshot_dir):
    coach = user_with_role(Role.COACH, region=region("rivierenland"))
    newcomer = NewcomerFactory(first_name="Amina", municipality=municipality("12029"),
                               preferred_language="ar")  # fmt: skip
    Trajectory.objects.filter(newcomer=newcomer).update(
        status=Trajectory.Status.COMPLETED, hours=Decimal("40")
    )
    newcomer.refresh_from_db()
    follow_on = services.record_follow_on(
        newcomer=newcomer, destination="club", by=coach,
        on=timezone.localdate() - dt.timedelta(days=92),
    )  # fmt: skip
    check_in = follow_on.check_ins.get(months=3)
    key = check_in.new_key()
    check_in.save()

    phone_page.goto(f"/check-in/{key}/")
    expect(phone_page.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone_page.locator("html")).to_have_attribute("lang", "ar")
    expect(phone_page.locator("h1")).to_contain_text("مرحباً Amina")
    phone_page.screenshot(path=screenshot_dir / "outreach_3_check_in_phone_ar.png", full_page=True)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390

    phone_page.get_by_label("نعم، ما زلت في نفس الشيء").check()
    phone_page.locator(".check-in-form button[type=submit]").click()
    expect(phone_page.locator(".check-in-done")).to_have_text("شكراً لك! وصلنا جوابك.")
    phone_page.screenshot(path=screenshot_dir / "outreach_4_check_in_done_ar.png", full_page=True)
    check_in.refresh_from_db()
    assert (check_in.answer, check_in.answered_via) == (CheckIn.Answer.SAME, "link")
    assert follow_on.check_ins.get(months=6).answer == ""


def test_coach_records_where_a_newcomer_goes_next(page: Page, screenshot_dir):
    coach = user_with_role(Role.COACH, region=region("rivierenland"))
    club = ActivityFactory(title="Zangkoor De Lier", provider=ProviderFactory())
    services.mark_regular(activity=club, regular=True, by=None)
    newcomer = NewcomerFactory(first_name="Oleh", last_name="Bondar",
                               municipality=municipality("12021"))  # fmt: skip
    Trajectory.objects.filter(newcomer=newcomer).update(
        status=Trajectory.Status.COMPLETED, hours=Decimal("41"), completed_on=timezone.localdate()
    )

    log_in(page, coach)
    page.goto("/follow-on/")
    page.get_by_role("link", name="Oleh Bondar").click()
    page.locator("input[name=destination][value=regular_activity]").check()
    page.locator("#id_activity").select_option(label="Zangkoor De Lier")
    page.locator("main form.buddy-form button[type=submit]").click()
    expect(page.locator("main .list")).to_contain_text("Zangkoor De Lier")
    page.screenshot(path=screenshot_dir / "outreach_5_follow_on_recorded.png", full_page=True)
    page.goto("/follow-on/")
    expect(page.locator("table.data")).to_contain_text("Oleh Bondar")
    page.screenshot(path=screenshot_dir / "outreach_6_follow_on_list.png", full_page=True)
    page.goto("/follow-on/figures/")
    page.screenshot(path=screenshot_dir / "outreach_7_figures.png", full_page=True)


def test_the_information_pages_on_a_phone_in_ukrainian(phone_page: Page, screenshot_dir):
    phone_page.goto("/info/")
    phone_page.locator("#language-select").select_option("uk")
    phone_page.locator(".lang-switch button[type=submit]").click()
    phone_page.get_by_role("link", name="Як знайти захід?").click()
    expect(phone_page.locator("h1")).to_have_text("Як знайти захід?")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_page.screenshot(path=screenshot_dir / "outreach_8_info_page_uk.png", full_page=True)
