"""Benchmark of issue 11: newcomers' own words (any language) against Dutch activities.

The committed evaluation set ``bench/own_words_eval.json`` holds a fixed list of activities
with Dutch descriptions and free-text interests in nine languages, each with the activities
a coach would accept and the interest tags a coach would tick at intake. For every text the
activities are ranked, and a hit is an accepted activity at rank 1 (top-1) or in the first
five (top-5):

- own words: the multilingual embedding of the text against each description
  (:func:`pnt.matching.embedding.match`: whole text blended with its best sentence);
- tags only (the baseline): the matching core's ``interests`` part on the coach's tags,
  the structured profile pnt had before; ties are frequent, so its accuracy is the
  expectation over a random order of tied activities (exact, no sampling);
- hybrid: the core's fit with both parts (tags and own words) on the same pairs.

Speed is seconds to embed 1,000 newcomer texts (batched), median of several runs on a
shared machine. Needs the optional extra: ``pip install -e '.[semantic]'``.
"""

from __future__ import annotations

import json
import statistics
import time
from math import comb
from pathlib import Path

import numpy as np

from pnt.matching import (
    Activity,
    ActivityTable,
    Newcomer,
    NewcomerTable,
    Vocabularies,
    score_newcomer,
)
from pnt.matching import embedding as emb

EVAL = Path(__file__).resolve().parent / "own_words_eval.json"
RUNS = 5


def load() -> dict:
    return json.loads(EVAL.read_text(encoding="utf-8"))


def expected_hit(scores: np.ndarray, accepted: np.ndarray, k: int) -> float:
    """Probability that an accepted item is among the ``k`` best, ties in random order."""
    order = np.unique(scores)[::-1]
    room = k
    for level in order:
        tied = scores == level
        size, good = int(tied.sum()), int((tied & accepted).sum())
        if size <= room:
            if good:
                return 1.0
            room -= size
            continue
        # `room` of the `size` tied items make the cut: P(at least one accepted among them).
        return 1.0 - comb(size - good, room) / comb(size, room)
    return 0.0


def accuracy(score_rows: list[np.ndarray], accepted_rows: list[np.ndarray], k: int) -> float:
    hits = [expected_hit(s, a, k) for s, a in zip(score_rows, accepted_rows, strict=True)]
    return float(np.mean(hits))


def _tables(data: dict) -> tuple[NewcomerTable, ActivityTable]:
    activities = [
        Activity(key=a["id"], type=a["type"], themes=frozenset(a["themes"]))
        for a in data["activities"]
    ]
    newcomers = [
        Newcomer(key=i, themes=frozenset(x["tags"])) for i, x in enumerate(data["interests"])
    ]
    vocab = Vocabularies.of(newcomers, activities)
    return NewcomerTable.of(newcomers, vocab), ActivityTable.of(activities, vocab)


def _median_seconds(action, runs: int = RUNS, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        started = clock()
        action()
        times.append(clock() - started)
    return statistics.median(times)


def measure(data: dict) -> dict[str, float | str]:
    acts, texts = data["activities"], data["interests"]
    ids = [a["id"] for a in acts]
    accepted = [np.array([a in set(x["accept"]) for a in ids]) for x in texts]
    words = [x["text"] for x in texts]
    passages = emb.embed_passages(
        [a["description"] for a in acts], headings=[a["title"] for a in acts]
    )
    queries = emb.embed(words, query=True)
    similarity = [np.array([m.similarity for m in emb.rank(q, passages)]) for q in queries]

    newcomers, activities = _tables(data)
    tags = [score_newcomer(newcomers, i, activities).part("interests") for i in range(len(texts))]
    hybrid = [
        score_newcomer(newcomers, i, activities, similarity=similarity[i]).total
        for i in range(len(texts))
    ]
    by_language: dict[str, list[float]] = {}
    for x, s, a in zip(texts, similarity, accepted, strict=True):
        by_language.setdefault(x["lang"], []).append(expected_hit(s, a, 1))

    s_per_text = _median_seconds(lambda: emb.embed(words, query=True)) / len(words)
    # CPU time as well: on a shared, busy machine wall time says more about the neighbours.
    cpu_per_text = _median_seconds(
        lambda: emb.embed(words, query=True), clock=time.process_time
    ) / len(words)
    one_text = _median_seconds(lambda: emb.embed(words[:1], query=True), runs=15)
    n_passage_texts = len(acts) + sum(len(p.sentences) for p in passages)
    s_per_activity = _median_seconds(
        lambda: emb.embed_passages([a["description"] for a in acts]), runs=3
    ) / len(acts)
    return {
        "top1": accuracy(similarity, accepted, 1),
        "top5": accuracy(similarity, accepted, 5),
        "tags_top1": accuracy(tags, accepted, 1),
        "tags_top5": accuracy(tags, accepted, 5),
        "hybrid_top1": accuracy(hybrid, accepted, 1),
        "hybrid_top5": accuracy(hybrid, accepted, 5),
        "s_per_1000": 1000 * s_per_text,
        "cpu_s_per_1000": 1000 * cpu_per_text,
        "one_text_ms": 1000 * one_text,
        "passages_s_per_1000": 1000 * s_per_activity,
        "sentences_per_activity": (n_passage_texts - len(acts)) / len(acts),
        "languages": " ".join(
            f"{lang} {np.mean(h):.2f}" for lang, h in sorted(by_language.items())
        ),
    }


def _ratio(value: float, baseline: float) -> float | None:
    return value / baseline if baseline else None


def run() -> dict[str, dict]:
    if not emb.available():
        raise RuntimeError("needs the optional extra: pip install -e '.[semantic]'")
    data = load()
    m = measure(data)
    n, langs = len(data["interests"]), len({x["lang"] for x in data["interests"]})
    size = f"{n} texts in {langs} languages, {len(data['activities'])} activities"
    return {
        "own_words_top1": {
            "value": m["top1"], "unit": "share", "baseline": m["tags_top1"],
            "ratio": _ratio(m["top1"], m["tags_top1"]),
            "note": f"{size}; baseline: tags only; top-1 by language: {m['languages']}",
        },
        "own_words_top5": {
            "value": m["top5"], "unit": "share", "baseline": m["tags_top5"],
            "ratio": _ratio(m["top5"], m["tags_top5"]), "note": "baseline: tags only",
        },
        "own_words_tags_top1": {
            "value": m["tags_top1"], "unit": "share", "baseline": None, "ratio": None,
            "note": f"tags only, top-5 {m['tags_top5']:.3f} (ties in random order)",
        },
        "own_words_hybrid_top1": {
            "value": m["hybrid_top1"], "unit": "share", "baseline": m["tags_top1"],
            "ratio": _ratio(m["hybrid_top1"], m["tags_top1"]),
            "note": f"fit score with tags and own words; top-5 {m['hybrid_top5']:.3f}",
        },
        "own_words_s_per_1000": {
            "value": m["s_per_1000"], "unit": "s", "baseline": None, "ratio": None,
            "note": f"newcomer texts, batched, {emb.threads()} thread(s); CPU "
            f"{m['cpu_s_per_1000']:.1f} s; one text alone {m['one_text_ms']:.1f} ms",
        },
        "own_words_passages_s_per_1000": {
            "value": m["passages_s_per_1000"], "unit": "s", "baseline": None, "ratio": None,
            "note": f"activity descriptions, {m['sentences_per_activity']:.1f} sentences each",
        },
    }  # fmt: skip


if __name__ == "__main__":
    for name, data in run().items():
        print(f"{name:32s} {data['value']:.4g} {data['unit']}  {data.get('note', '')}")
