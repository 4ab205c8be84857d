"""The real multilingual model (the extra `pnt[semantic]`): words in other languages find
the Dutch activity they mean, with the sentence that made the match."""

from __future__ import annotations

import numpy as np

from pnt.matching import embedding
from tests.semantic.conftest import requires_model

pytestmark = requires_model

DESCRIPTIONS = {
    "naaicafe": "In het naaicafé herstellen we samen kleren. Ervaren kleermakers helpen "
    "anderen met patronen en stoffen.",
    "voetbal": "Elke dinsdag spelen we zaalvoetbal in de sporthal. Na de match drinken we "
    "samen iets.",
    "moestuin": "In de samentuin kweken buren groenten en kruiden. Je zaait, plant en oogst.",
}


def _passages():
    return embedding.embed_passages(list(DESCRIPTIONS.values()), headings=list(DESCRIPTIONS))


def test_vectors_are_normalised_rows_of_the_model_dimension():
    vectors = embedding.embed(["Ik kook graag", "J'aime cuisiner"])
    assert vectors.shape == (2, embedding.DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_arabic_words_find_the_dutch_activity_they_mean():
    passages = _passages()
    query = embedding.embed(["أحب الزراعة وكان عندي بستان"], query=True)[0]  # farming, orchard
    found = embedding.rank(query, passages)
    best = int(np.argmax([m.similarity for m in found]))
    assert list(DESCRIPTIONS)[best] == "moestuin"


def test_the_matching_phrase_is_the_closest_sentence_of_the_description():
    passages = _passages()
    query = embedding.embed(["Я кравчиня, люблю шити одяг"], query=True)[0]  # a seamstress
    found = embedding.match(query, passages[0])
    assert found.phrase == "Ervaren kleermakers helpen anderen met patronen en stoffen."


def test_the_index_gives_the_same_result_as_matching_one_by_one():
    passages = _passages()
    query = embedding.embed(["I love football"], query=True)[0]
    similarity, phrases = embedding.Index.of(passages).search(query)
    one_by_one = embedding.rank(query, passages)
    assert np.allclose(similarity, [m.similarity for m in one_by_one])
    assert phrases == [m.phrase for m in one_by_one]
