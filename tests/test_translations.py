"""Translations: complete catalogues, catalogues in step with the code, RTL and Ukrainian pages.

- Dutch must be complete; French, Arabic and Ukrainian must cover every newcomer-facing
  entry (scripts/check_translations.py defines which entries that are).
- The committed catalogues must hold exactly the strings the code marks for translation:
  makemessages runs on a temporary copy of the sources and the msgids are compared.
- The public catalogue really renders in Arabic (right to left) and in Ukrainian.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

ROOT = Path(settings.PROJECT_DIR)
PACKAGE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = PACKAGE_DIR / "locale"


def _load_checker():
    spec = importlib.util.spec_from_file_location(
        "check_translations", ROOT / "scripts" / "check_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_translations", module)
    spec.loader.exec_module(module)
    return module


checker = _load_checker()


def _activity_factory():
    try:  # tests/ as a package (rootdir on sys.path) or as a plain directory
        from tests.factories import ActivityFactory
    except ModuleNotFoundError:
        from factories import ActivityFactory
    return ActivityFactory


# --- (a) nothing untranslated --------------------------------------------------------------


@pytest.mark.parametrize("language", checker.FULL_LANGUAGES + checker.NEWCOMER_LANGUAGES)
def test_catalogue_is_translated(language):
    """nl: every entry; fr/ar/uk: every entry a newcomer or volunteer sees."""
    problems = checker.find_problems(LOCALE_DIR, newcomer_facing=True, languages=[language])
    listed = "\n".join(str(problem) for problem in problems[language])
    scope = "newcomer-facing entries" if language in checker.NEWCOMER_LANGUAGES else "entries"
    assert not problems[language], (
        f"{len(problems[language])} {scope} of the {language} catalogue need work "
        f"(edit src/pnt/locale/{language}/LC_MESSAGES/django.po):\n{listed}"
    )


def test_newcomer_facing_entries_exist():
    """The newcomer-facing patterns still match the public pages (guards a renamed path)."""
    entries = checker.parse_po(LOCALE_DIR / "nl" / "LC_MESSAGES" / "django.po")
    facing = {entry.msgid for entry in entries if checker.is_newcomer_facing(entry)}
    assert "Skip to content" in facing  # base.html
    assert any(
        "offer/templates/offer/public_" in path
        for entry in entries
        if checker.is_newcomer_facing(entry)
        for path in entry.paths
    ), "no entry points at the public catalogue templates: update NEWCOMER_FACING"


def test_checker_reports_missing_and_fuzzy_entries(tmp_path):
    """The checker itself: an empty msgstr, a fuzzy entry, a lost placeholder, a plural."""
    po = tmp_path / "fr" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        '#: offer/templates/offer/public_catalogue.html:4\nmsgid "Find an activity"\nmsgstr ""\n\n'
        '#: web/templates/base.html:3\n#, fuzzy\nmsgid "Log in"\nmsgstr "Connexion"\n\n'
        "#: web/templates/web/_pagination.html:4\n#, python-format\n"
        'msgid "Page %(n)s of %(total)s"\nmsgstr "Page %(n)s"\n\n'
        '#: offer/templates/offer/public_activity.html:9\nmsgid "one place"\n'
        'msgid_plural "%(count)s places"\nmsgstr[0] "une place"\n\n'
        '#: offer/templates/offer/activity_list.html:2\nmsgid "Offer"\nmsgstr ""\n',
        encoding="utf-8",
    )
    problems = checker.find_problems(tmp_path, newcomer_facing=True, languages=["fr"])["fr"]
    kinds = sorted((problem.kind, problem.entry.msgid) for problem in problems)
    assert kinds == [
        ("fuzzy", "Log in"),
        ("placeholders", "Page %(n)s of %(total)s"),
        ("plural-forms", "one place"),
        ("untranslated", "Find an activity"),
    ]
    everything = checker.find_problems(tmp_path, newcomer_facing=False, languages=["fr"])["fr"]
    assert ("untranslated", "Offer") in {(p.kind, p.entry.msgid) for p in everything}


# --- (b) catalogues in step with the code -------------------------------------------------


def _copy_sources(target: Path) -> None:
    """Copy only what makemessages reads (.py, .html, .txt) of src/pnt, without catalogues."""
    skip_dirs = {"locale", "migrations", "__pycache__", "static", "node_modules"}

    def ignore(directory, names):
        ignored = []
        for name in names:
            path = Path(directory) / name
            if path.is_dir():
                if name in skip_dirs or name.startswith("."):
                    ignored.append(name)
            elif path.suffix not in {".py", ".html", ".txt"}:
                ignored.append(name)
        return ignored

    shutil.copytree(PACKAGE_DIR, target, ignore=ignore)


def test_catalogues_are_up_to_date_with_the_code(tmp_path, monkeypatch):
    """Every string marked in the code is in the catalogues, and nothing stale remains.

    Fix with: cd src/pnt && ../../.venv/bin/pnt makemessages -l nl -l en -l fr -l ar -l uk
    --ignore='migrations/*' --no-obsolete (then translate the new entries).
    """
    sources = tmp_path / "pnt"
    _copy_sources(sources)
    fresh_locale = sources / "locale"
    fresh_locale.mkdir()
    monkeypatch.chdir(sources)
    with override_settings(LOCALE_PATHS=[fresh_locale]):
        call_command(
            "makemessages",
            locale=["nl"],
            ignore_patterns=["migrations/*"],
            no_obsolete=True,
            verbosity=0,
        )
    fresh = checker.parse_po(fresh_locale / "nl" / "LC_MESSAGES" / "django.po")
    wanted = {entry.key for entry in fresh if not entry.is_header}
    for language in ["nl", "en", *checker.NEWCOMER_LANGUAGES]:
        committed = checker.parse_po(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
        have = {entry.key for entry in committed if not entry.is_header and not entry.obsolete}
        missing = sorted(wanted - have, key=str)
        stale = sorted(have - wanted, key=str)
        assert not missing and not stale, (
            f"src/pnt/locale/{language} is out of step with the code; run makemessages.\n"
            + "".join(f"  missing: {key[1]!r}\n" for key in missing)
            + "".join(f"  no longer in the code: {key[1]!r}\n" for key in stale)
        )


def test_no_hardcoded_text_in_templates():
    """Visible template text goes through {% translate %} / {% blocktranslate %}."""
    found = checker.hardcoded_strings(PACKAGE_DIR)
    assert not found, "hard-coded text in templates:\n" + "\n".join(
        f"  {path}:{line}: {text}" for path, line, text in found
    )


# --- (c) the public catalogue in Arabic and Ukrainian -------------------------------------


@pytest.fixture(scope="module")
def compiled_locale(tmp_path_factory):
    """The committed .po files compiled by compilemessages into a temporary directory, so the
    test neither depends on nor touches the .mo build output in the source tree."""
    target = tmp_path_factory.mktemp("locale")
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/django.po"):
        destination = target / po.relative_to(LOCALE_DIR)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(po, destination)
    with override_settings(LOCALE_PATHS=[target]):
        call_command("compilemessages", locale=[], verbosity=0)
    assert list(target.glob("*/LC_MESSAGES/django.mo"))
    return target


@pytest.fixture
def translated_site(compiled_locale):
    with override_settings(LOCALE_PATHS=[compiled_locale]):
        yield compiled_locale
    translation.activate(settings.LANGUAGE_CODE)


ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert match, "the page has no <h1>"
    return match.group(1)


@pytest.mark.django_db
def test_public_catalogue_in_arabic_is_right_to_left(client, translated_site):
    activity = _activity_factory()(status="published")
    response = client.get("/catalogus/", HTTP_ACCEPT_LANGUAGE="ar")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<html[^>]*\blang="ar"', html)
    assert re.search(r'<html[^>]*\bdir="rtl"', html)
    assert ARABIC.search(_h1(html)), f"the heading is not in Arabic: {_h1(html)!r}"
    with translation.override("ar"):
        activity_type = str(activity.get_type_display())
        skip_link = translation.gettext("Skip to content")
    assert ARABIC.search(activity_type) and activity_type in html
    assert skip_link in html and ARABIC.search(skip_link)
    # The Dutch activity title stays Dutch, marked as such, inside the Arabic page.
    assert f'lang="nl">{activity.title}<' in html


@pytest.mark.django_db
def test_public_catalogue_in_ukrainian(client, translated_site):
    activity = _activity_factory()(status="published")
    response = client.get("/catalogus/", HTTP_ACCEPT_LANGUAGE="uk")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<html[^>]*\blang="uk"', html)
    assert re.search(r'<html[^>]*\bdir="ltr"', html)
    assert CYRILLIC.search(_h1(html)), f"the heading is not in Ukrainian: {_h1(html)!r}"
    with translation.override("uk"):
        activity_type = str(activity.get_type_display())
    assert CYRILLIC.search(activity_type) and activity_type in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "ar", "uk"])
def test_public_activity_page_is_translated(client, translated_site, language):
    activity = _activity_factory()(status="published")
    response = client.get(f"/catalogus/{activity.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'lang="{language}"' in html
    with translation.override(language):
        back = translation.gettext("Back to all activities")
    assert back != "Back to all activities", f"no {language} translation of the back link"
    assert back in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "script", "direction"),
    [("fr", None, "ltr"), ("ar", ARABIC, "rtl"), ("uk", CYRILLIC, "ltr")],
)
def test_volunteer_sign_up_is_translated(client, translated_site, language, script, direction):
    response = client.get("/buddy/sign-up/", HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(rf'<html[^>]*\blang="{language}"[^>]*\bdir="{direction}"', html)
    with translation.override(language):
        heading = translation.gettext("Become a buddy")
    assert heading != "Become a buddy" and heading in _h1(html)
    if script:
        assert script.search(heading)
