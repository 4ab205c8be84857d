"""A volunteer signs up on a phone; the coach runs a matching round, accepts a proposal and
records the match conversation; the volunteer logs a meeting through the secret link; the
newcomer's hours go up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from pnt.buddies import services
from pnt.buddies.models import Pair, Volunteer
from pnt.geo.loading import load_reference_geography
from pnt.geo.models import Municipality
from pnt.trajectories.models import Trajectory
from tests.factories import TEST_PASSWORD, NewcomerFactory, municipality, region, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def geography(transactional_db):
    # A transactional test empties every table when it ends, the reference geography too.
    if not Municipality.objects.exists():
        load_reference_geography()


def log_in(page: Page, user) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")


def sign_up_on_a_phone(phone: Page, screenshot_dir) -> Volunteer:
    phone.goto("/buddy/sign-up/")
    phone.locator("#id_first_name").fill("Veerle")
    phone.locator("#id_last_name").fill("Peeters")
    phone.locator("#id_email").fill("veerle.peeters@example.org")
    phone.locator("#id_municipality").select_option(label="Mechelen")
    phone.locator("input[name=age_group][value='45-64']").check()
    for theme in ("football", "cooking"):
        phone.locator(f"input[name=interests][value={theme}]").check()
    phone.locator("input[name=availability][value=sat-morning]").check()
    phone.locator("#id_max_travel_km").fill("15")
    phone.locator("#id_consent").check()
    phone.screenshot(path=screenshot_dir / "buddy_1_signup_phone.png", full_page=True)
    # Nothing may stick out sideways on a 390 px screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url("**/buddy/sign-up/thanks/")
    expect(phone.locator("h1")).to_be_visible()
    return Volunteer.objects.get(email="veerle.peeters@example.org")


def test_buddy_flow(page: Page, phone_page: Page, screenshot_dir):
    coach = user_with_role("coach", region=region("rivierenland"))
    newcomer = NewcomerFactory(
        first_name="Yasmina",
        last_name="Haddad",
        municipality=municipality("12025"),
        interests=["football", "cooking"],
    )
    services.request_buddy(newcomer=newcomer, by=coach, commits_six_months=True)

    volunteer = sign_up_on_a_phone(phone_page, screenshot_dir)
    assert volunteer.consent_at is not None
    # The intake conversation (its own page is tested elsewhere) makes her available.
    services.screen_volunteer(volunteer=volunteer, by=coach, gender="woman")
    services.change_volunteer_status(volunteer=volunteer, status="available", by=coach)

    log_in(page, coach)
    page.goto("/buddies/")
    page.locator(".buddy-round-start button[type=submit]").click()
    page.wait_for_url("**/buddies/rounds/*/")
    proposal = page.locator(".buddy-proposal").first
    expect(proposal).to_contain_text("Yasmina")
    expect(proposal.locator(".buddy-reasons li").first).to_be_visible()
    page.screenshot(path=screenshot_dir / "buddy_2_round.png", full_page=True)
    proposal.locator("form[action$='/accept/'] button").click()
    page.wait_for_url("**/buddies/pairs/*/")

    page.locator("#id_newcomer_agrees").check()
    page.locator("#id_volunteer_agrees").check()
    page.locator("form[action$='/conversation/'] button[type=submit]").click()
    link = page.locator(".buddy-link-url")
    expect(link).to_be_visible()
    page.screenshot(path=screenshot_dir / "buddy_3_pair_active.png", full_page=True)
    url = link.input_value()
    pair = Pair.objects.get(newcomer=newcomer)
    assert pair.status == Pair.Status.ACTIVE
    hours_before = Trajectory.objects.get(newcomer=newcomer).hours

    phone_page.goto(url)
    phone_page.locator("#id_date").fill(timezone.localdate().isoformat())
    phone_page.locator("#id_hours").fill("2.5")
    phone_page.locator("#id_what").fill("Samen gekookt en naar de markt")
    phone_page.locator("main form button[type=submit]").click()
    expect(phone_page.locator(".messages")).to_be_visible()
    expect(phone_page.locator(".buddy-meetings")).to_contain_text("Samen gekookt")
    phone_page.screenshot(path=screenshot_dir / "buddy_4_meeting_logged_phone.png", full_page=True)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390

    trajectory = Trajectory.objects.get(newcomer=newcomer)
    assert trajectory.hours == hours_before + Decimal("2.5")
    page.goto(f"/newcomers/{newcomer.pk}/")
    expect(page.locator("main")).to_contain_text("Buddywerking")
    page.screenshot(path=screenshot_dir / "buddy_5_newcomer_hours.png", full_page=True)
