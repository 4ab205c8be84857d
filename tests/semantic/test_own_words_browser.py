"""A newcomer on a phone describes what they like in Arabic and finds the Dutch activity;
the coach sees the suggested interests. Screenshots go to var/screenshots."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from pnt.accounts.models import Role
from pnt.geo.loading import load_reference_geography
from pnt.geo.models import Municipality
from pnt.trajectories.models import Intake
from tests.factories import TEST_PASSWORD, ActivityFactory, NewcomerFactory, region, user_with_role
from tests.semantic.conftest import requires_model

pytestmark = [requires_model, pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEWING = "Naaicafé in het buurthuis"
PHRASE = "In het naaiatelier naaien en herstellen we samen kleren."


@pytest.fixture(autouse=True)
def offer(transactional_db):
    if not Municipality.objects.exists():
        load_reference_geography()
    # Published activities are embedded by the background task (run at once in tests).
    ActivityFactory(
        title=SEWING,
        themes=["sewing"],
        description=f"{PHRASE} Ervaren kleermakers helpen beginners met de naaimachine.",
    )
    ActivityFactory(
        title="Zaalvoetbal op dinsdag",
        themes=["football"],
        description="Elke dinsdag spelen we zaalvoetbal in de sporthal. Daarna drinken we iets.",
    )


def test_a_newcomer_finds_an_activity_in_their_own_words(phone_page: Page, screenshot_dir):
    phone_page.goto("/catalogus/")
    phone_page.fill("#id_words", "كنت خياطة وأحب الخياطة")  # I was a seamstress, I love sewing
    phone_page.locator(".own-words button[type=submit]").click()
    first = phone_page.locator(".own-words-matches li").first
    expect(first).to_contain_text(SEWING)
    expect(first).to_contain_text(PHRASE)
    phone_page.screenshot(path=screenshot_dir / "own_words_public_phone.png", full_page=True)


def _log_in(page: Page, user) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")


def test_the_coach_sees_suggested_interests_and_the_phrase(page: Page, screenshot_dir):
    coach = user_with_role(Role.COACH, region=region("rivierenland"))
    newcomer = NewcomerFactory(first_name="Amal", interests=[], dutch_level=2)
    Intake.objects.create(newcomer=newcomer, own_words="أحب خياطة الملابس", max_km=20)
    _log_in(page, coach)
    page.goto(f"/newcomers/{newcomer.pk}/own-words/")
    expect(page.locator("input[name=tags][value=sewing]")).to_be_checked()
    expect(page.locator(".matching-cards li").first).to_contain_text(PHRASE)
    page.screenshot(path=screenshot_dir / "own_words_coach.png", full_page=True)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("input[name=tags][value=sewing]")).to_have_count(0)
