"""Shared test set-up: reference geography once per session, real Chromium for browser tests.

In CI (`CI=true`) a missing browser is a failure, never a skip; PostgreSQL-only tests are
deselected (not skipped) when the suite runs on SQLite, and CI runs the suite on both.
"""

from __future__ import annotations

import os
import shutil

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("PNT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
IN_CI = os.environ.get("CI", "").lower() == "true"


def on_postgres() -> bool:
    if not settings.configured:
        return os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql"))
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_collection_modifyitems(config, items):
    if on_postgres():
        return
    keep, drop = [], []
    for item in items:
        (drop if item.get_closest_marker("postgres") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Reference geography is data every test relies on: load it once per test database."""
    from pnt.geo.loading import load_reference_geography

    with django_db_blocker.unblock():
        load_reference_geography()


def pytest_configure(config):
    # WhiteNoise warns on every request when STATIC_ROOT is missing; tests serve from finders.
    (settings.VAR_DIR / "static").mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True)
def _geography_for_transactional_tests(request):
    """A transactional test flushes every table when it ends, reference geography included.

    pytest-django runs transactional tests after the others, so reloading the geography at
    the start of each transactional test (when the previous one flushed it) is enough.
    """
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction", False):
        return
    request.getfixturevalue("_django_db_helper")
    from pnt.geo.loading import load_reference_geography
    from pnt.geo.models import Municipality

    if not Municipality.objects.exists():
        load_reference_geography()


@pytest.fixture(autouse=True)
def _english_for_assertions(request, settings):
    """Messages are asserted in English; browser tests keep the Dutch-first interface."""
    if request.node.get_closest_marker("browser"):
        yield
        return
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_staff_2fa(settings):
    # Two-factor enforcement has its own tests (tests/security/test_two_factor.py).
    settings.PNT_STAFF_2FA = False


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


# --- browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium (Debian's package) driven by Playwright."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}; install Debian's 'chromium' package."
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API refuses to run inside a running event loop; Django's async-unsafe
    # check would then trip on ORM use in the test body.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="nl-BE",
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    path = settings.PROJECT_DIR / "var" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
