"""Plain Dutch: a small readability check for texts newcomers read.

Newcomers are learning Dutch (often A1–A2). Plain-language guidance for Dutch (klare taal,
taalniveau B1) asks for short sentences (about 10–12 words on average, none much longer than
20), common words rather than long compounds, and no jargon. This module measures exactly
that, without dependencies, so it can run in a form, an htmx fragment and a test alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

#: Average words per sentence above which a text reads as hard.
MAX_AVERAGE_WORDS = 12
#: One sentence longer than this should be split.
MAX_SENTENCE_WORDS = 20
#: Words with more letters than this are hard for a beginner (Dutch glues compounds).
LONG_WORD_LETTERS = 15
#: Words of the trade newcomers do not know yet, with a plainer way to say them.
JARGON = {
    "pnt": "activiteit",
    "participatie- en netwerktraject": "activiteiten om mensen te leren kennen",
    "netwerktraject": "activiteiten om mensen te leren kennen",
    "toeleiding": "doorverwijzing",
    "doorstroom": "daarna verder doen",
    "inburgeraar": "nieuwkomer",
    "inburgeraars": "nieuwkomers",
    "doelgroep": "wie mag meedoen",
    "laagdrempelig": "makkelijk om mee te doen",
    "cf.": "zie",
    "m.b.t.": "over",
    "i.s.m.": "samen met",
}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\s*\n\s*(?=[-•*])")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{[^}]*\}")


@dataclass
class Readability:
    sentences: list[list[str]] = field(default_factory=list)  # the words of each sentence
    long_words: list[str] = field(default_factory=list)
    jargon: list[tuple[str, str]] = field(default_factory=list)  # (word, plainer)

    @property
    def words(self) -> int:
        return sum(len(sentence) for sentence in self.sentences)

    @property
    def average_words(self) -> float:
        return self.words / len(self.sentences) if self.sentences else 0.0

    @property
    def long_sentences(self) -> list[list[str]]:
        return [s for s in self.sentences if len(s) > MAX_SENTENCE_WORDS]

    @property
    def is_plain(self) -> bool:
        return not (
            self.average_words > MAX_AVERAGE_WORDS
            or self.long_sentences
            or self.long_words
            or self.jargon
        )


def measure(text: str, allowed: frozenset[str] = frozenset()) -> Readability:
    """Sentences, long words and jargon of a Dutch text; `allowed` words are never long."""
    text = _PLACEHOLDER.sub("X", text or "")
    result = Readability()
    for part in _SENTENCE_END.split(text):
        words = _WORD.findall(part)
        if words:
            result.sentences.append(words)
    seen = set()
    for sentence in result.sentences:
        for word in sentence:
            key = word.lower()
            if key in seen:
                continue
            seen.add(key)
            letters = sum(char.isalpha() for char in word)
            if letters > LONG_WORD_LETTERS and key not in allowed:
                result.long_words.append(word)
    lowered = f" {' '.join(text.lower().split())} "
    for term, plainer in JARGON.items():
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", lowered):
            result.jargon.append((term, plainer))
    return result


def warnings(text: str) -> list[str]:
    """Messages for the writer of an activity description: what to make plainer."""
    found = measure(text)
    messages = []
    if found.average_words > MAX_AVERAGE_WORDS:
        messages.append(
            _(
                "Your sentences are long: %(n)s words on average. "
                "Try to stay under %(max)s words per sentence."
            )
            % {"n": round(found.average_words), "max": MAX_AVERAGE_WORDS}
        )
    for sentence in found.long_sentences:
        start = " ".join(sentence[:6])
        messages.append(
            ngettext(
                "This sentence has %(n)s word, split it: “%(start)s …”",
                "This sentence has %(n)s words, split it: “%(start)s …”",
                len(sentence),
            )
            % {"n": len(sentence), "start": start}
        )
    if found.long_words:
        messages.append(
            _("Long words are hard to read: %(words)s. Use shorter words where you can.")
            % {"words": ", ".join(found.long_words[:5])}
        )
    for term, plainer in found.jargon:
        messages.append(
            _("Newcomers may not know “%(term)s”. Say for example: “%(plainer)s”.")
            % {"term": term, "plainer": plainer}
        )
    return messages


def watch(field) -> None:
    """Show plain-Dutch warnings next to a form field, refreshed (htmx) while one types.

    `web/_form.html` draws the warnings after the widget; the widget posts its text to the
    `offer_readability` endpoint, which answers the same fragment.
    """
    from django.urls import reverse

    field.plain_dutch = True
    field.widget.attrs.update(
        {
            "hx-post": reverse("offer_readability"),
            "hx-trigger": "keyup changed delay:700ms, change",
            "hx-target": "next .readability",
            "hx-swap": "innerHTML",
        }
    )
