"""The matching core's optional `own_words` part: a weighted part with the phrase as reason."""

from __future__ import annotations

import numpy as np

from pnt import matching
from pnt.matching import (
    ActivityTable,
    NewcomerTable,
    Vocabularies,
    Weights,
    score_newcomer,
)
from pnt.matching.scoring import own_words_points

NEWCOMER = matching.Newcomer(key="amal", themes=frozenset({"cooking"}))
ACTIVITIES = [
    matching.Activity(key="koken", themes=frozenset({"cooking"})),
    matching.Activity(key="naaien", themes=frozenset({"sewing"})),
]


def _tables():
    vocab = Vocabularies.of([NEWCOMER], ACTIVITIES)
    return NewcomerTable.of([NEWCOMER], vocab), ActivityTable.of(ACTIVITIES, vocab), vocab


def test_without_a_similarity_the_parts_are_the_structured_ones():
    newcomers, activities, _vocab = _tables()
    scores = score_newcomer(newcomers, 0, activities)
    assert scores.names == matching.PARTS
    assert scores.parts.shape == (2, len(matching.PARTS))


def test_a_similarity_adds_the_own_words_part_to_the_total():
    newcomers, activities, _vocab = _tables()
    plain = score_newcomer(newcomers, 0, activities)
    scored = score_newcomer(newcomers, 0, activities, similarity=np.array([0.70, 0.86]))
    assert scored.names == matching.ALL_PARTS
    assert scored.part("own_words").tolist() == [0.0, Weights().own_words]
    assert np.allclose(scored.total - plain.total, [0.0, Weights().own_words])


def test_own_words_points_grow_linearly_between_floor_and_full():
    w = Weights(own_words=2.0, own_words_floor=0.8, own_words_full=0.9)
    points = own_words_points(np.array([0.7, 0.8, 0.85, 0.9, 0.95]), w)
    assert np.allclose(points, [0.0, 0.0, 1.0, 2.0, 2.0])


def test_the_reason_of_the_own_words_part_is_the_matching_phrase():
    own = matching.OwnWords(
        similarity=np.array([0.70, 0.88]),
        phrases=["Samen koken.", "Ervaren kleermakers helpen anderen met patronen."],
    )
    result = matching.recommend(NEWCOMER, ACTIVITIES, own_words=own)
    best = result.top[0]
    assert best.activity == "naaien"
    reason = next(r for r in best.reasons if r.code == matching.OWN_WORDS)
    assert reason.params["phrase"] == "Ervaren kleermakers helpen anderen met patronen."
    assert "kleermakers" in best.text
    assert np.isclose(sum(r.points for r in best.reasons), best.fit)
