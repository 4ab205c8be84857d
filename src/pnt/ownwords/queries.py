"""Every read of own-words matching: rank activities by a person's words, suggest tags.

Stored activity embeddings are stacked into one in-memory index per process (see
:class:`pnt.matching.embedding.Index`), rebuilt when an embedding is added or changed.
Without the optional extra, the words are matched to the controlled interest vocabulary by
keywords (the labels of the themes in every interface language) instead.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db.models import Count, Max
from django.utils import translation

from pnt import matching
from pnt.matching import embedding
from pnt.offer.vocabulary import Theme
from pnt.ownwords.models import ActivityEmbedding, WordsEmbedding
from pnt.trajectories.models import Newcomer

NEAR_BEST = 0.015  # cosine similarity
MIN_KEYWORD = 4  # shorter words of a label ("en", "and", "et") are not keywords


@dataclass(frozen=True)
class Found:
    """One activity close to the words: its id, how close, and the sentence that was."""

    activity_id: int
    similarity: float
    phrase: str
    close: bool = True  # close enough for the phrase to be a reason (see own_words_floor)


@dataclass(frozen=True)
class ActivityIndex:
    ids: list[int]
    themes: list[list[str]]
    index: embedding.Index


_cache: dict[str, object] = {}
_lock = threading.Lock()


def activity_index() -> ActivityIndex:
    """Every stored activity embedding of the current model, as one index (cached)."""
    model = embedding.model_name()
    rows = ActivityEmbedding.objects.filter(model=model)
    key = (model, *rows.aggregate(n=Count("pk"), last=Max("updated_at")).values())
    with _lock:
        if _cache.get("key") == key:
            return _cache["value"]  # type: ignore[return-value]
    stored = list(rows.select_related("activity").only("activity__themes", "sentences", "vectors",
                                                        "activity_id"))  # fmt: skip
    value = ActivityIndex(
        ids=[r.activity_id for r in stored],
        themes=[list(r.activity.themes or []) for r in stored],
        index=embedding.Index.of([r.passage() for r in stored]),
    )
    with _lock:
        _cache.update(key=key, value=value)
    return value


def rank_activities(words: str, activity_ids: Sequence[int], *, limit: int = 12) -> list[Found]:
    """The activities among ``activity_ids`` closest to the words, closest first.

    With the extra: by multilingual similarity (activities not yet embedded are left out).
    Without it: by the number of interest themes the words name (keywords), reason = theme.
    """
    wanted = set(activity_ids)
    if not words.strip() or not wanted:
        return []
    if not embedding.available():
        return _rank_by_keywords(words, wanted, limit)
    found = activity_index()
    query = embedding.embed([words], query=True)[0]
    similarity, phrases = found.index.search(query)
    rows = [i for i, pk in enumerate(found.ids) if pk in wanted]
    rows.sort(key=lambda i: -similarity[i])
    # A phrase is shown as the reason when the activity is close in absolute terms (where
    # the fit score's own_words part starts) or nearly as close as the best one.
    best = similarity[rows[0]] if rows else 0.0
    floor = min(matching.Weights().own_words_floor, best - NEAR_BEST)
    return [
        Found(found.ids[i], float(similarity[i]), phrases[i], bool(similarity[i] >= floor))
        for i in rows[:limit]
    ]


def _rank_by_keywords(words: str, wanted: set[int], limit: int) -> list[Found]:
    from pnt.offer.models import Activity

    tags = keyword_tags(words)
    if not tags:
        return []
    labels = dict(Theme.choices)
    scored = []
    for pk, themes in Activity.objects.filter(pk__in=wanted).values_list("pk", "themes"):
        shared = [t for t in tags if t in (themes or [])]
        if shared:
            phrase = ", ".join(str(labels[t]) for t in shared)
            scored.append(Found(pk, float(len(shared)), phrase))
    scored.sort(key=lambda f: (-f.similarity, f.activity_id))
    return scored[:limit]


def theme_labels() -> dict[str, list[str]]:
    """Each theme's label in every interface language (the controlled vocabulary's words)."""
    out: dict[str, list[str]] = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for slug, label in Theme.choices:
                out.setdefault(slug, []).append(str(label))
    return out


@functools.cache
def _keywords() -> dict[str, list[str]]:
    return {
        slug: sorted({w for label in labels for w in re.findall(r"\w+", label.casefold())
                      if len(w) >= MIN_KEYWORD})
        for slug, labels in theme_labels().items()
    }  # fmt: skip


def keyword_tags(words: str) -> list[str]:
    """The fallback suggestion: themes whose label words occur in the text."""
    return embedding.lexical_tags(words, _keywords())


@functools.cache
def _tag_vectors(model: str) -> dict[str, np.ndarray]:
    labels = theme_labels()
    slugs = list(labels)
    vectors = embedding.embed([text for slug in slugs for text in labels[slug]])
    out, start = {}, 0
    for slug in slugs:
        out[slug] = vectors[start : start + len(labels[slug])]
        start += len(labels[slug])
    return out


def suggest_tags_for_vector(vector: np.ndarray) -> list[str]:
    """Interest tags for embedded words: near the theme labels and the activities' themes."""
    found = activity_index()
    similarity, _phrases = found.index.search(vector)
    matches = [embedding.Match(float(s), "") for s in similarity]
    evidence = embedding.tag_evidence(matches, found.themes) if matches else {}
    return embedding.suggest_tags(vector, _tag_vectors(embedding.model_name()), evidence=evidence)


def suggested_tags(newcomer: Newcomer) -> list[str]:
    """The tags the newcomer's own words suggest (stored at intake; keywords without the
    extra), minus those already in the profile."""
    stored = WordsEmbedding.objects.filter(newcomer=newcomer).first()
    if stored is not None:
        tags = list(stored.suggested_tags)
    else:
        intake = getattr(newcomer, "intake", None)
        tags = keyword_tags(intake.own_words) if intake and intake.own_words else []
    return [t for t in tags if t not in (newcomer.interests or [])]


def own_words_for(newcomer: Newcomer, activity_ids: Sequence[int]) -> matching.OwnWords | None:
    """The ``own_words`` input of the matching core for these activities (in their order):
    similarity and closest sentence; ``None`` when the newcomer's words are not embedded."""
    stored = WordsEmbedding.objects.filter(newcomer=newcomer).first()
    if stored is None or not embedding.available() or stored.model != embedding.model_name():
        return None
    found = activity_index()
    similarity, phrases = found.index.search(stored.query)
    row = {pk: i for i, pk in enumerate(found.ids)}
    sims = np.array([similarity[row[pk]] if pk in row else 0.0 for pk in activity_ids])
    return matching.OwnWords(
        similarity=sims, phrases=[phrases[row[pk]] if pk in row else "" for pk in activity_ids]
    )
