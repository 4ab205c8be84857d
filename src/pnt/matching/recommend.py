"""Recommendations for one newcomer: the best-fitting activities with their reasons, and
why the others were left out."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .explain import PairContext, Reason, exclusion_reasons, fit_reasons, sentence
from .profiles import Activity, ActivityTable, Newcomer, NewcomerTable, Vocabularies
from .scoring import Weights, score_newcomer


@dataclass(frozen=True)
class Recommendation:
    """One activity proposed to the newcomer, with the parts that made its fit."""

    activity: Hashable
    fit: float
    reasons: list[Reason]

    @property
    def text(self) -> str:
        return sentence(self.reasons)


@dataclass(frozen=True)
class LeftOut:
    """An activity the newcomer cannot take, with every hard rule it breaks."""

    activity: Hashable
    reasons: list[Reason]

    @property
    def text(self) -> str:
        return sentence(self.reasons)


@dataclass(frozen=True)
class Recommendations:
    """``top``: allowed activities, best fit first; ``left_out``: those a hard rule excludes."""

    newcomer: Hashable
    top: list[Recommendation]
    left_out: list[LeftOut]


def recommend(
    newcomer: Newcomer,
    activities: Sequence[Activity],
    *,
    weights: Weights | None = None,
    n: int = 10,
    vocab: Vocabularies | None = None,
    own_words: OwnWords | None = None,
) -> Recommendations:
    """The ``n`` best allowed activities for ``newcomer``, and the excluded ones with reasons.

    Guarantees: no recommended activity breaks a hard rule; recommendations are sorted by
    decreasing fit (ties: input order); every activity not recommended either breaks a
    hard rule (and is in ``left_out``) or fits no better than the last recommendation.
    ``own_words`` (one similarity and phrase per activity) adds the ``own_words`` part.
    """
    vocab = vocab or Vocabularies.of([newcomer], activities)
    table = NewcomerTable.of([newcomer], vocab)
    return recommend_from_tables(
        table,
        0,
        ActivityTable.of(activities, vocab),
        vocab,
        weights=weights,
        n=n,
        own_words=own_words,
    )


@dataclass(frozen=True)
class OwnWords:
    """How close a newcomer's own words are to each activity (in activity order), and the
    sentence of each activity that came closest (see :mod:`.embedding`)."""

    similarity: NDArray[np.float64]
    phrases: Sequence[str]


def recommend_from_tables(
    newcomers: NewcomerTable,
    row: int,
    activities: ActivityTable,
    vocab: Vocabularies,
    *,
    weights: Weights | None = None,
    n: int = 10,
    own_words: OwnWords | None = None,
) -> Recommendations:
    """:func:`recommend` for newcomer ``row`` of a table (the adapters' fast path)."""
    w = weights or Weights()
    similarity = own_words.similarity if own_words is not None else None
    scores = score_newcomer(newcomers, row, activities, w, similarity=similarity)
    phrases = own_words.phrases if own_words is not None else None
    ctx = PairContext(newcomers, activities, vocab, scores, w, phrases=phrases)
    fit = scores.total
    allowed = np.flatnonzero(scores.allowed)
    best = allowed[np.lexsort((allowed, -fit[allowed]))][:n]
    top = [
        Recommendation(activities.keys[p], float(fit[p]), fit_reasons(ctx, int(p))) for p in best
    ]
    left_out = [
        LeftOut(activities.keys[p], exclusion_reasons(ctx, int(p)))
        for p in np.flatnonzero(~scores.allowed)
    ]
    return Recommendations(newcomer=newcomers.keys[row], top=top, left_out=left_out)
