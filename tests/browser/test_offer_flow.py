"""The offer's journey: a provider publishes, a newcomer on a phone finds it, the coordinator
sees it on the coverage map. Screenshots of the catalogue and the map go to var/screenshots."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from pnt.accounts.models import Role
from pnt.geo.loading import load_reference_geography
from pnt.geo.models import Municipality
from pnt.offer.models import Activity
from tests.factories import (
    TEST_PASSWORD,
    ActivityFactory,
    ProviderFactory,
    municipality,
    region,
    user_with_role,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "Praattafel in de bib van Putte"


@pytest.fixture(autouse=True)
def geography(transactional_db):
    # A transactional test empties every table when it ends, the reference geography too.
    if not Municipality.objects.exists():
        load_reference_geography()


def _log_in(page: Page, user) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")


def _provider_publishes(page: Page) -> Activity:
    putte = municipality("12029")
    berk = ProviderFactory(name="Bibliotheek Putte", municipality=putte)
    _log_in(page, user_with_role(Role.PROVIDER_STAFF, provider=berk))
    page.goto("/offer/activities/new/")
    page.fill("#id_title", TITLE)
    page.fill("#id_description", "Elke dinsdag praten we samen Nederlands bij een koffie.")
    page.select_option("#id_type", "conversation_table")
    page.select_option("#id_municipality", str(putte.pk))
    page.select_option("#id_weekday", "1")
    page.fill("#id_start_date", "2026-01-06")
    page.fill("#id_start_time", "14:00")
    page.fill("#id_end_time", "16:00")
    page.fill("#id_capacity", "0")
    page.locator("main form button[type=submit]").click()
    # A clear message at the field, and nothing saved yet.
    expect(page.locator(".has-error #id_capacity")).to_be_visible()
    page.fill("#id_capacity", "12")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/offer/activities/*/")
    page.locator("form[action$='/publish/'] button").click()
    # Published: the page now offers to pause it instead.
    expect(page.locator("form[action$='/pause/'] button")).to_be_visible()
    return Activity.objects.get(title=TITLE)


def test_a_provider_publishes_a_newcomer_finds_it_and_the_coordinator_sees_it(
    page: Page, phone_page: Page, screenshot_dir
):
    activity = _provider_publishes(page)
    assert activity.status == "published"
    # Other offer around, so the filters have something to remove.
    ActivityFactory(title="Voetbal in Mechelen", type="sport", municipality=municipality("12025"))
    ActivityFactory(title="Koken in Turnhout", municipality=municipality("13040"))

    phone = phone_page
    phone.goto("/catalogus/")
    expect(phone.locator(".offer-card")).to_have_count(3)
    phone.select_option("#id_municipality", "12029")
    phone.fill("#id_km", "15")
    phone.locator("#id_km").dispatch_event("change")
    expect(phone.locator(".offer-card")).to_have_count(2)  # Putte and Mechelen, not Turnhout
    phone.locator(".offer-more > summary").click()
    phone.locator("input[name=type][value=conversation_table]").check()
    expect(phone.locator(".offer-card")).to_have_count(1)
    expect(phone.locator(".offer-card h2")).to_have_text(TITLE)
    assert "type=conversation_table" in phone.url and "municipality=12029" in phone.url
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the catalogue scrolls sideways on a phone ({width}px)"
    phone.screenshot(path=str(screenshot_dir / "offer-catalogue-phone.png"), full_page=True)
    phone.locator(".offer-card h2 a").click()
    expect(phone.locator("h1")).to_have_text(TITLE)

    page.context.clear_cookies()
    _log_in(page, user_with_role(Role.COORDINATOR, region=region("rivierenland")))
    page.goto("/offer/coverage/?region=rivierenland")
    putte_area = page.locator("svg.region-map path[data-nis='12029']")
    expect(putte_area).to_have_attribute("class", "municipality cov-4")
    expect(page.locator(".offer-coverage-table")).to_contain_text("Putte")
    page.screenshot(path=str(screenshot_dir / "offer-coverage-map.png"), full_page=True)
