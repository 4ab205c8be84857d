"""The indicator registry: defined once, documented, computed by some family."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from pnt.reporting.families import COMPUTE
from pnt.reporting.indicators import INDICATORS
from pnt.reporting.periods import Quarter


def test_every_indicator_has_plain_words_and_a_family():
    assert all(str(i.doc) and i.family in COMPUTE for i in INDICATORS)


def test_indicator_keys_are_unique():
    keys = [i.key for i in INDICATORS]
    assert len(keys) == len(set(keys))


def test_docs_describe_every_indicator():
    text = (Path(settings.PROJECT_DIR) / "docs" / "indicators.md").read_text()
    assert [i.key for i in INDICATORS if f"`{i.key}`" not in text] == []


def test_a_quarter_knows_its_comparisons():
    q = Quarter.parse("2025-Q1")
    assert (str(q.previous()), str(q.year_earlier()), q.end.isoformat()) == (
        "2024-Q4",
        "2024-Q1",
        "2025-03-31",
    )
