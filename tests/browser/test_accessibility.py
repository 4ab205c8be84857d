"""axe-core on every page: 0 WCAG 2.1 A/AA violations, in every language the page is offered in.

The pages come from the scoping registry (tests/scoping/registry.py), so a new page is checked
as soon as it has its registry entry: each GET page is opened by a role that gets it (an
object in the role's scope for a detail page) in the small scoping world. Public and
newcomer-facing pages run in nl, en, fr, ar and uk; staff pages in nl and en. One browser
context per role and language; every violation of a run is listed in one failure.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from tests.inclusion.axe import AXE, MISSING, describe, signed_in, violations, with_axe
from tests.scoping.registry import WEB, Detail, Entry, Listing, Page
from tests.scoping.world import ANONYMOUS, ROLES, SEES, SIGNED_IN, World, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEWCOMER_LANGUAGES = ["nl", "en", "fr", "ar", "uk"]
STAFF_LANGUAGES = ["nl", "en"]
# Who opens a staff page: the first of these roles that gets it (and sees an object).
ROLE_PREFERENCE = list(dict.fromkeys(["coordinator_rivierenland", "provider_staff_aster",
                                      "coach_kempen", "admin", *SIGNED_IN]))  # fmt: skip
SECOND_ROLE = "provider_staff_aster"
# Forms also checked with their error messages: sent empty once.
SEND_EMPTY = {"activity_create", "intake_new", "buddy_signup", "place_request_new", "login"}
# Pages open to anonymous visitors that only staff use: checked in the staff languages.
STAFF_ONLY_PUBLIC = {"login", "password_reset", "password_reset_done", "password_reset_confirm",
                     "password_reset_complete", "health"}  # fmt: skip


@dataclass(frozen=True)
class Visit:
    name: str  # the URL name
    role: str
    newcomer_facing: bool
    url: str = ""


def _status(entry: Entry, role: str):
    if role == ANONYMOUS:
        return entry.anonymous if isinstance(entry, Page) else (200 if entry.public else None)
    status = entry.status
    return status.get(role, 200) if isinstance(status, dict) else status


def _role_gets(entry: Entry, role: str) -> bool:
    """The role gets the page: a 200, and an object of its own for a detail page."""
    if _status(entry, role) != 200:
        return False
    return not isinstance(entry, Detail) or bool(SEES[entry.kind][role])


def _role_for(entry: Entry) -> str | None:
    """The role that opens the page, or None when nobody gets a 200 page from it."""
    public = entry.anonymous == 200 if isinstance(entry, Page) else entry.public
    if public:
        return ANONYMOUS
    return next((role for role in ROLE_PREFERENCE if _role_gets(entry, role)), None)


def visits() -> list[Visit]:
    """Every page of the registry a browser can open with GET, and who opens it."""
    found = []
    for entry in WEB:
        if getattr(entry, "method", "get") != "get":
            continue
        role = _role_for(entry)
        if role is None:
            continue
        newcomer_facing = role == ANONYMOUS and entry.name not in STAFF_ONLY_PUBLIC
        found.append(Visit(entry.name, role, newcomer_facing))
        # Provider staff see pages differently (their own organisation's buttons).
        if role not in (ANONYMOUS, SECOND_ROLE) and _role_gets(entry, SECOND_ROLE):
            found.append(Visit(entry.name, SECOND_ROLE, False))
    return found


def _url(entry_name: str, role: str, world: World) -> str:
    entry = next(e for e in WEB if e.name == entry_name)
    if isinstance(entry, Page):
        return reverse(entry.name, kwargs=entry.kwargs)
    if isinstance(entry, Listing):
        return reverse(entry.name)
    seen = SEES[entry.kind][role if role != ANONYMOUS else ANONYMOUS]
    key = sorted(seen)[0]
    return reverse(entry.name, kwargs=entry.kwargs(world.objects[entry.kind][key]))


def _extra_pages(world: World) -> list[Visit]:
    """Pages the registry cannot open with a made-up key: a buddy pair's meeting link."""
    from pnt.buddies.services import new_meeting_link

    pair = world.objects["buddy_pair"]["duo_bohdan_veerle"]
    key = new_meeting_link(pair=pair, by=world.users["admin"])
    url = reverse("buddy_meeting_link", kwargs={"key": key})
    return [Visit("buddy_meeting_link (real key)", ANONYMOUS, True, url)]


def _check(browser, live_server, world: World, role: str, language: str, pages) -> list[str]:
    context = signed_in(browser, live_server, world.users[role], language)
    with_axe(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    try:
        for visit in pages:
            url = visit.url or _url(visit.name, role, world)
            try:
                response = page.goto(url)
            except PlaywrightError as error:  # a file to download (CSV, PDF, iCal): no page
                if "Download is starting" in str(error):
                    continue
                raise
            if response is None or "text/html" not in response.headers.get("content-type", ""):
                continue
            if response.status != 200:
                problems.append(f"{url} ({visit.name}, {role}): status {response.status}")
                continue
            if "<html" not in response.text()[:500].lower():
                continue  # an htmx fragment: checked inside the page that shows it
            found = violations(page)
            if found:
                problems.append(describe(f"{url} ({visit.name}, {role}, {language})", found))
            if visit.name in SEND_EMPTY:
                page.locator("main form[method=post] [type=submit]").last.click()
                page.wait_for_load_state()
                found = violations(page)
                if found:
                    where = f"{url} ({visit.name} sent empty, {role}, {language})"
                    problems.append(describe(where, found))
    finally:
        context.close()
    return problems


def _run(browser, live_server, languages: list[str], newcomer_facing: bool) -> None:
    assert AXE.exists(), MISSING
    world = build_world()
    chosen = [v for v in visits() if v.newcomer_facing == newcomer_facing]
    if newcomer_facing:
        chosen += _extra_pages(world)
    assert chosen, "no pages found in the registry"
    problems = []
    for language in languages:
        for role in dict.fromkeys(v.role for v in chosen):
            pages = [v for v in chosen if v.role == role]
            problems += _check(browser, live_server, world, role, language, pages)
    assert not problems, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", NEWCOMER_LANGUAGES)
def test_public_pages_have_no_axe_violations(browser, live_server, language):
    _run(browser, live_server, [language], newcomer_facing=True)


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_staff_pages_have_no_axe_violations(browser, live_server, language):
    _run(browser, live_server, [language], newcomer_facing=False)


def test_every_registered_page_is_checked():
    """Each GET page of the registry that anybody gets (200) is opened by some role."""
    covered = {v.name for v in visits()}
    pages = {e.name for e in WEB if getattr(e, "method", "get") == "get"}
    shown = {e.name for e in WEB if any(_status(e, role) == 200 for role in ROLES)}
    assert pages & shown <= covered, (pages & shown) - covered


def test_axe_reports_a_field_without_a_label(browser, live_server):
    """The check itself: axe runs in the page and sees a violation when there is one."""
    assert AXE.exists(), MISSING
    context = signed_in(browser, live_server, None, "nl")
    with_axe(context)
    page = context.new_page()
    page.goto(reverse("public_catalogue"))
    assert violations(page) == []
    page.evaluate("document.querySelector('main').append(document.createElement('input'))")
    assert "label" in {v["id"] for v in violations(page)}
    context.close()
