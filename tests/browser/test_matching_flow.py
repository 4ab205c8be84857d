"""A coach opens a newcomer and takes two recommended activities into enrolment requests;
the coordinator starts an allocation round, watches its progress, previews it, removes one
assignment and confirms: the places are offered."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from pnt.accounts.models import Role
from pnt.geo.loading import load_reference_geography
from pnt.geo.models import Municipality
from pnt.trajectories.allocation_services import compute_allocation_round
from pnt.trajectories.models import Enrolment
from pnt.trajectories.models_allocation import AllocationRound
from tests.factories import TEST_PASSWORD, region, user_with_role
from tests.trajectories.matching_world import (
    MECHELEN,
    SKW,
    activity_in,
    conversation_table_across_the_region,
    cook_who_bikes,
    cooking_nearby,
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


def offer_of_rivierenland():
    cooking = cooking_nearby(capacity=2, total_hours=20)
    activity_in(MECHELEN, "Zangkoor Mechelen", themes=["music"], weekday=3,
                total_hours=20, capacity=2)  # fmt: skip
    activity_in(SKW, "Moestuin Sint-Katelijne-Waver", type="volunteering",
                themes=["gardening", "cooking"], weekday=5, start_time=dt.time(9),
                end_time=dt.time(12), capacity=1)  # fmt: skip
    conversation_table_across_the_region()
    activity_in(MECHELEN, "Leesclub Mechelen", themes=["reading"], dutch_level=3)
    return cooking


def test_coach_takes_recommendations_and_coordinator_confirms_a_round(
    page: Page, screenshot_dir, settings
):
    coach = user_with_role(Role.COACH, region=region("rivierenland"))
    coordinator = user_with_role(Role.COORDINATOR, region=region("rivierenland"))
    offer_of_rivierenland()
    samira = cook_who_bikes(coach=coach)
    start = timezone.localdate() - dt.timedelta(days=150)
    # Amal, first in line, also sings: first come, first served gives her a cooking place
    # that a cook who does not sing needs more.
    for i, name in enumerate(["Amal", "Bilal", "Chen", "Dana"]):
        interests = ["cooking", "music"] if name == "Amal" else ["cooking"]
        cook_who_bikes(first_name=name, last_name="Wacht", interests=interests,
                       obligation_start=start + dt.timedelta(i))  # fmt: skip

    # The coach opens Samira's page: recommendations and a plan load by themselves.
    log_in(page, coach)
    page.goto(f"/newcomers/{samira.pk}/")
    cards = page.locator("#matching .matching-card")
    expect(cards.first).to_contain_text("Samen koken Mechelen")
    expect(page.locator("#matching .matching-left-out")).to_contain_text("Praattafel Bornem")
    expect(page.locator("#matching .matching-plan").first).to_be_visible()
    page.screenshot(path=screenshot_dir / "matching_1_recommendations.png", full_page=True)

    # Two recommended activities, one click each.
    for index in (0, 1):
        card = cards.nth(index)
        card.locator("form.matching-take button").click()
        expect(card.locator(".matching-taken")).to_contain_text(nl("requested"))
    page.screenshot(path=screenshot_dir / "matching_2_taken.png", full_page=True)
    requested = Enrolment.objects.filter(newcomer=samira, status=Enrolment.Status.REQUESTED)
    assert requested.count() == 2
    page.reload()
    for enrolment in requested:
        expect(page.locator("#enrolments")).to_contain_text(enrolment.activity.title)
    log_out(page)

    # The coordinator starts a round; a worker would compute it: here it waits.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    log_in(page, coordinator)
    page.goto("/allocation/")
    page.locator("#id_note").fill("Najaar Samen Doen")
    page.screenshot(path=screenshot_dir / "matching_3_start_round.png", full_page=True)
    page.locator("form.allocation-start button[type=submit]").click()
    page.wait_for_url("**/allocation/*/")
    expect(page.locator("#allocation-progress progress")).to_be_visible()
    page.screenshot(path=screenshot_dir / "matching_4_progress.png", full_page=True)

    # The worker computes it; the page notices by itself and shows the preview.
    round_ = AllocationRound.objects.get(note="Najaar Samen Doen")
    compute_allocation_round(round_id=round_.pk)
    rows = page.locator(".allocation-assignments tbody tr")
    expect(rows.first).to_contain_text(nl("Remove"))
    round_.refresh_from_db()
    assert round_.status == AllocationRound.Status.READY
    assert round_.total_fit > round_.fcfs_fit
    expect(page.get_by_test_id("placed")).to_have_text(str(round_.placed_count))
    page.screenshot(path=screenshot_dir / "matching_5_preview.png", full_page=True)

    # Adjust: one assignment out; then confirm.
    kept = round_.placed_count - 1
    rows.first.locator("form button").click()
    expect(page.get_by_test_id("placed")).to_have_text(str(kept))
    page.locator(".allocation-actions form[action$='/confirm/'] button").click()
    expect(page.locator(".allocation-done")).to_be_visible()
    page.screenshot(path=screenshot_dir / "matching_6_confirmed.png", full_page=True)

    round_.refresh_from_db()
    assert round_.status == AllocationRound.Status.CONFIRMED
    offered = Enrolment.objects.filter(status=Enrolment.Status.OFFERED)
    assert offered.count() == round_.offers_count >= kept - 1
    for activity_id in set(offered.values_list("activity_id", flat=True)):
        holders = Enrolment.objects.filter(
            activity_id=activity_id, status__in=Enrolment.HOLDS_PLACE
        )
        assert holders.count() <= holders.first().activity.capacity
