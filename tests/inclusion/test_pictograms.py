"""Every entry of the offer's vocabularies has its own pictogram, shown with a text label."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

from pnt.web.templatetags.pictograms import VOCABULARIES, icon_path, pictogram

STATIC = Path(settings.BASE_DIR) / "web" / "static"
ENTRIES = [(kind, value) for kind, labels in VOCABULARIES.items() for value in labels]


@pytest.mark.parametrize(("kind", "value"), ENTRIES, ids=[f"{k}-{v}" for k, v in ENTRIES])
def test_every_vocabulary_entry_has_an_svg_icon(kind, value):
    path = STATIC / icon_path(kind, value)
    assert path.exists(), f"no pictogram for {kind} {value!r}: draw {path.name}"
    svg = path.read_text()
    assert svg.startswith("<svg") and 'viewBox="0 0 24 24"' in svg
    # Decorative: the label next to it says what it means.
    assert 'aria-hidden="true"' in svg


def test_pictograms_are_all_different():
    drawings = {}
    for kind, value in ENTRIES:
        svg = (STATIC / icon_path(kind, value)).read_text()
        drawings.setdefault(svg, []).append(f"{kind}-{value}")
    assert not [names for names in drawings.values() if len(names) > 1]


def test_a_pictogram_always_comes_with_its_label():
    html = pictogram("theme", "cooking")
    assert re.search(r'<img src="[^"]*/theme-cooking\.svg" alt=""', html)
    assert '<span class="picto-label">cooking</span>' in html


def test_a_dutch_level_shows_its_name():
    assert '<span class="picto-label">A2</span>' in pictogram("level", 2)
