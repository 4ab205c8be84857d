"""Public information pages: the initial texts (data, one per language), the plain-text
format the coordinator writes in, and which version a visitor reads.

The format is deliberately small so that anyone can keep the pages in plain language:
a blank line starts a new paragraph, a line starting with "## " is a heading and a line
starting with "- " is a point in a list. Everything else is text; nothing is HTML.
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from pathlib import Path

from django.db import transaction
from django.utils.safestring import SafeString, mark_safe

DATA_DIR = Path(__file__).resolve().parent / "data"
NEWCOMER_LANGUAGES = ("nl", "en", "fr", "ar", "uk")
PROVIDER_LANGUAGES = ("nl", "en")


def languages_for(audience: str) -> tuple[str, ...]:
    return NEWCOMER_LANGUAGES if audience == "newcomers" else PROVIDER_LANGUAGES


@cache
def initial_pages() -> list[dict]:
    """The initial texts of every page (data/pages.json)."""
    return json.loads((DATA_DIR / "pages.json").read_text(encoding="utf-8"))


@cache
def check_in_texts() -> dict[str, dict[str, str]]:
    """The check-in question and its answers in the five languages (data/check_in.json)."""
    return json.loads((DATA_DIR / "check_in.json").read_text(encoding="utf-8"))


def check_in_text(language: str) -> dict[str, str]:
    texts = check_in_texts()
    return texts.get(language) or texts["nl"]


def seed_pages(using: str = "default") -> int:
    """Create the pages that do not exist yet, each text as published version 1; pages the
    coordinator already has are left alone. Returns how many pages were created."""
    from pnt.outreach.models import InfoPage, InfoPageVersion

    created = 0
    with transaction.atomic(using=using):
        existing = set(InfoPage.objects.using(using).values_list("slug", flat=True))
        for data in initial_pages():
            if data["slug"] in existing:
                continue
            page = InfoPage.objects.using(using).create(
                slug=data["slug"], audience=data["audience"], order=data["order"]
            )
            InfoPageVersion.objects.using(using).bulk_create(
                InfoPageVersion(
                    page=page,
                    language=language,
                    number=1,
                    title=text["title"],
                    body=text["body"],
                    is_published=True,
                )
                for language, text in data["texts"].items()
            )
            created += 1
    return created


def _block_html(lines: list[str]) -> list[str]:
    """One block of lines as HTML pieces: headings, runs of list points, paragraphs."""
    out: list[str] = []
    text: list[str] = []
    items: list[str] = []
    for line in [*lines, ""]:
        if text and (not line or line.startswith(("## ", "- "))):
            out.append(f"<p>{escape(' '.join(text))}</p>")
            text = []
        if items and not line.startswith("- "):
            out.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
            items = []
        if line.startswith("## "):
            out.append(f"<h2>{escape(line[3:])}</h2>")
        elif line.startswith("- "):
            items.append(line[2:])
        elif line:
            text.append(line)
    return out


def render_body(body: str) -> SafeString:
    """The plain-text format as HTML: paragraphs, "## " headings, "- " lists (escaped)."""
    html: list[str] = []
    for block in body.replace("\r\n", "\n").split("\n\n"):
        html += _block_html([line.strip() for line in block.split("\n") if line.strip()])
    # Every piece of text above is escaped, which makes marking the whole safe sound.
    return mark_safe("\n".join(html))  # noqa: S308
