"""Plain Dutch: the newcomer pages' own Dutch, and the check providers see in their editor."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from pnt.offer.readability import MAX_AVERAGE_WORDS, MAX_SENTENCE_WORDS, measure, warnings
from tests.factories import ActivityFactory, ProviderFactory, municipality, user_with_role

ROOT = Path(settings.PROJECT_DIR)
NL_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"
#: The programme's own name: the counsellor uses it with every newcomer.
PROGRAMME = frozenset({"pnt", "participatie- en netwerktraject", "netwerktraject"})
#: Long words newcomers meet on purpose: names of things they will use and learn.
KNOWN_TERMS = frozenset({
    "kennismakingsstage", "vrijwilligerswerk", "uitpas-kansentarief", "nederlandstalige",
    "gezinsvriendelijk", "rolstoeltoegankelijk", "trajectbegeleider", "samen-doen-groepsactiviteit",
    "doen-groepsactiviteit", "gezinsactiviteit", "beschikbaarheid", "maximumleeftijd",
    "minimumleeftijd",
})  # fmt: skip


def _checker():
    spec = importlib.util.spec_from_file_location(
        "check_translations", ROOT / "scripts" / "check_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_translations", module)
    spec.loader.exec_module(module)
    return module


def _only(entry, path):
    """The entry as if `path` were its only source reference."""
    from dataclasses import replace

    return replace(entry, references=[path])


def _newcomer_texts() -> dict[str, list[str]]:
    """The Dutch of every newcomer-facing catalogue entry, by source file."""
    checker = _checker()
    texts: dict[str, list[str]] = {}
    for entry in checker.parse_po(NL_CATALOGUE):
        if entry.is_header or entry.obsolete or not checker.is_newcomer_facing(entry):
            continue
        for path in entry.paths:
            if not checker.is_newcomer_facing(_only(entry, path)) or "/email/" in path:
                continue  # a staff page sharing the string, or an e-mail staff get too
            texts.setdefault(path, []).extend(t for t in entry.msgstr.values() if t)
    return texts


def test_the_check_reads_the_newcomer_pages():
    texts = _newcomer_texts()
    assert "offer/templates/offer/public_catalogue.html" in texts
    assert "offer/templates/offer/activity_list.html" not in texts


def test_no_sentence_on_a_newcomer_page_is_too_long():
    long = [
        f"{path}: {' '.join(words)}"
        for path, texts in _newcomer_texts().items()
        for text in texts
        for words in measure(text).long_sentences
    ]
    assert not long, f"sentences over {MAX_SENTENCE_WORDS} words:\n" + "\n".join(long)


def test_newcomer_pages_use_short_sentences_on_average():
    too_long = {}
    for path, texts in _newcomer_texts().items():
        found = measure("\n\n".join(texts))
        if found.average_words > MAX_AVERAGE_WORDS:
            too_long[path] = round(found.average_words, 1)
    assert not too_long, f"average sentence over {MAX_AVERAGE_WORDS} words: {too_long}"


def test_newcomer_pages_avoid_long_words_and_jargon():
    hard = {}
    for path, texts in _newcomer_texts().items():
        for text in texts:
            found = measure(text, allowed=KNOWN_TERMS)
            jargon = [term for term, _plainer in found.jargon if term not in PROGRAMME]
            if found.long_words or jargon:
                hard.setdefault(path, []).extend(found.long_words + jargon)
    assert not hard, f"long words or jargon on newcomer pages: {hard}"


# --- the measure itself ---------------------------------------------------------------------


def test_a_plain_text_gets_no_warnings():
    assert warnings("We koken samen. Iedereen is welkom. Je hoeft niets mee te nemen.") == []


def test_long_sentences_are_flagged():
    text = ("Tijdens deze activiteit die elke week op dinsdagavond plaatsvindt in het "
            "ontmoetingscentrum koken we samen met vrijwilligers uit de buurt een maaltijd "
            "die we daarna samen opeten.")  # fmt: skip
    messages = warnings(text)
    assert any("27 words" in m for m in messages)
    assert any("Your sentences are long" in m for m in messages)


def test_long_words_are_flagged():
    found = measure("Wij bieden een kinderopvangvoorziening aan.")
    assert found.long_words == ["kinderopvangvoorziening"]


def test_jargon_is_flagged_with_a_plainer_word():
    assert ("toeleiding", "doorverwijzing") in measure("De toeleiding gebeurt via AgII.").jargon


# --- the provider's editor --------------------------------------------------------------------


@pytest.fixture
def provider_staff(client):
    provider = ProviderFactory(municipality=municipality("12029"))
    from pnt.accounts.models import Role

    user = user_with_role(Role.PROVIDER_STAFF, provider=provider)
    client.force_login(user)
    return provider


@pytest.mark.django_db
def test_the_editor_shows_warnings_next_to_the_description(client, provider_staff):
    activity = ActivityFactory(
        provider=provider_staff,
        description="De toeleiding naar deze laagdrempelige activiteit gebeurt via AgII.",
    )
    html = client.get(reverse("activity_edit", args=[activity.pk])).content.decode()
    box = html.split('id="id_description_readability"', 1)[1].split("</div>", 1)[0]
    assert "toeleiding" in box and "doorverwijzing" in box
    assert 'aria-describedby="id_description_help id_description_readability"' in html


@pytest.mark.django_db
def test_the_live_check_answers_a_fragment(client, provider_staff):
    response = client.post(
        reverse("offer_readability"),
        {"description": "Wij bieden een kinderopvangvoorziening aan."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "kinderopvangvoorziening" in response.content.decode()
    assert "<html" not in response.content.decode()


@pytest.mark.django_db
def test_the_live_check_praises_a_plain_text(client, provider_staff):
    response = client.post(reverse("offer_readability"), {"description": "Wij koken samen."})
    assert "Plain Dutch" in response.content.decode()
