"""Layout for every reader: Arabic really mirrors, nothing scrolls sideways on a 360 px phone
or at 200 % zoom. Screenshots of the public catalogue on a phone go to var/screenshots."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Page

from tests.factories import ActivityFactory, ProviderFactory, municipality

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A 1280 px wide screen at 200 % zoom lays pages out in 640 CSS pixels.
WIDTHS = {"phone-360": 360, "zoom-200": 640}


TRANSLATIONS = {
    "ar": {"title": "طاولة حوار في المكتبة", "description": "نتحدث معًا."},
    "uk": {"title": "Розмовний клуб у бібліотеці", "description": "Ми говоримо разом."},
}


def _offer() -> list:
    putte = municipality("12029")
    provider = ProviderFactory(name="Vrijetijdshuis Putte", municipality=putte)
    return [
        ActivityFactory(
            provider=provider,
            title="Praattafel in de bibliotheek van Putte",
            translations=TRANSLATIONS,
            childcare=True, wheelchair_access=True, themes=["language", "reading"],
        ),
        ActivityFactory(provider=provider, title="Samen koken", price_kind="uitpas",
                        price_eur=5, price_uitpas_eur=1, themes=["cooking"], dutch_level=2),
    ]  # fmt: skip


def _in(page: Page, language: str, live_server) -> None:
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )


def _sideways_overflow(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


_WIDEST = """() => [...document.querySelectorAll("body *")]
  .filter(el => { const r = el.getBoundingClientRect();
                  return r.width && (r.right > window.innerWidth + 1 || r.left < -1); })
  .slice(-3).map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                 + (el.className ? "." + String(el.className).split(" ").join(".") : ""))"""


@pytest.mark.parametrize("language", ["ar", "uk"])
def test_public_catalogue_on_a_phone(phone_page: Page, live_server, screenshot_dir, language):
    _offer()
    _in(phone_page, language, live_server)
    phone_page.goto(reverse("public_catalogue"))
    phone_page.screenshot(path=screenshot_dir / f"catalogue-{language}-phone.png", full_page=True)
    direction = phone_page.evaluate("document.documentElement.dir")
    assert direction == ("rtl" if language == "ar" else "ltr")
    assert _sideways_overflow(phone_page) <= 0


def test_arabic_mirrors_the_layout(page: Page, live_server, screenshot_dir):
    """In Arabic the brand sits on the right and the card's icon right of its title."""
    _offer()
    places = {}
    for language in ["nl", "ar"]:
        _in(page, language, live_server)
        page.goto(reverse("public_catalogue"))
        width = page.viewport_size["width"]
        brand = page.locator(".brand").bounding_box()
        icon = page.locator(".offer-card .offer-type-icon").first.bounding_box()
        heading = page.locator(".offer-card h2").first.bounding_box()
        places[language] = (brand["x"] < width / 2, icon["x"] < heading["x"])
    page.screenshot(path=screenshot_dir / "catalogue-ar-desktop.png")
    assert places == {"nl": (True, True), "ar": (False, False)}


def test_the_activity_page_shows_dutch_beside_the_translation(page: Page, live_server,
                                                               screenshot_dir):  # fmt: skip
    activity = _offer()[0]
    _in(page, "ar", live_server)
    page.goto(reverse("public_activity", args=[activity.pk]))
    page.screenshot(path=screenshot_dir / "activity-ar-desktop.png", full_page=True)
    dutch = page.locator(".parallel [lang=nl]")
    arabic = page.locator(".parallel [lang=ar]")
    assert "Samen koken en praten." in dutch.inner_text()
    assert "نتحدث معًا." in arabic.inner_text()
    # Side by side on a wide screen, Dutch first: in Arabic the first column is on the right.
    assert dutch.bounding_box()["x"] > arabic.bounding_box()["x"]
    assert dutch.bounding_box()["y"] == arabic.bounding_box()["y"]


@pytest.mark.parametrize("width_name", WIDTHS)
def test_no_sideways_scrolling(browser, live_server, screenshot_dir, width_name):
    activity = _offer()[0]
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": WIDTHS[width_name], "height": 800}
    )
    page = context.new_page()
    too_wide = []
    for language in ["nl", "ar"]:
        _in(page, language, live_server)
        for name, args in [("public_catalogue", []), ("public_activity", [activity.pk]),
                           ("place_request_new", [activity.pk]), ("buddy_signup", []),
                           ("login", [])]:  # fmt: skip
            page.goto(reverse(name, args=args))
            page.locator("details.offer-more summary").first.click() if name == (
                "public_catalogue"
            ) else None
            if _sideways_overflow(page) > 0:
                culprits = ", ".join(page.evaluate(_WIDEST))
                too_wide.append(f"{name} ({language}): {_sideways_overflow(page)} px: {culprits}")
                page.screenshot(path=screenshot_dir / f"too-wide-{name}-{language}.png")
    context.close()
    assert not too_wide
