"""Keyboard only: a newcomer finds an activity in the public catalogue and asks for a place
without touching a mouse (only keyboard.press and keyboard.type), and every element that
takes the focus shows it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.factories import ActivityFactory, ProviderFactory, municipality

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "Samen koken in Putte"

# What the focused element looks like: a visible outline (or a box shadow) must mark it.
_FOCUS_STYLE = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return {tag: el.tagName, id: el.id, text: (el.textContent || "").trim().slice(0, 40),
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
          shadow: style.boxShadow !== "none"};
}"""


def _tab_to(page: Page, selector: str, *, text: str | None = None, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` (with `text`) has the focus; each stop
    on the way must show a visible focus indicator."""
    check = "([s, t]) => document.activeElement.matches(s) && "
    check += "(t === null || document.activeElement.textContent.trim() === t)"
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUS_STYLE)
        if focused["tag"] != "BODY":
            assert focused["outline"] or focused["shadow"], f"focus not visible on {focused}"
        if page.evaluate(check, [selector, text]):
            return
    raise AssertionError(f"{selector} never got the focus in {limit} presses of Tab")


def test_a_newcomer_finds_an_activity_and_asks_for_a_place_with_the_keyboard(page: Page):
    putte = municipality("12029")
    provider = ProviderFactory(name="Buurthuis De Linde", municipality=putte)
    ActivityFactory(provider=provider, municipality=putte, title=TITLE, status="published")
    ActivityFactory(provider=provider, municipality=putte, title="Wandelen langs de Nete",
                    description="We wandelen samen.", status="published")  # fmt: skip

    page.goto("/catalogus/")
    # The first Tab reaches the skip link; Enter jumps over the menu to the content.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    _tab_to(page, "#id_q")
    page.keyboard.type("koken")
    page.keyboard.press("Enter")
    expect(page.locator(".offer-count")).to_contain_text("1")
    # The search box also refreshes the results 500 ms after the last letter typed; let
    # that refresh land before tabbing, or it replaces the link that has the focus.
    page.wait_for_timeout(600)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-settling')")

    _tab_to(page, ".offer-card a", text=TITLE)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(TITLE)

    _tab_to(page, "main a.button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/aanvragen/")

    _tab_to(page, "main input[name=first_name]")
    page.keyboard.type("Amina")
    _tab_to(page, "main input[name=phone]")
    page.keyboard.type("0470 12 34 56")
    _tab_to(page, "main select[name=municipality]")
    page.keyboard.type("Putte")
    _tab_to(page, "main input[name=consent]")
    page.keyboard.press("Space")
    _tab_to(page, "main form [type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/verstuurd/")
    from pnt.placerequests.models import PlaceRequest

    request = PlaceRequest.objects.get()
    assert (request.first_name, request.activity.title) == ("Amina", TITLE)
    assert request.municipality_id == putte.pk


def test_the_focus_is_visible_on_the_header_links(page: Page):
    page.goto("/catalogus/")
    page.keyboard.press("Tab")  # the skip link
    _tab_to(page, ".site-header nav a")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert outline == "rgb(255, 209, 102)"  # the yellow accent stands out on the blue bar
