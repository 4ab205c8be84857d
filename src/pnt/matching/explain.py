"""Reasons: why an activity fits a newcomer (or not), as data and as a default sentence.

A :class:`Reason` carries a stable ``code`` and the ``params`` a sentence needs, so the
Django layer can translate it (``gettext`` on a template per code); ``text`` is the default
English sentence. Fit reasons also carry the part's ``weight`` and the ``points`` it added;
hard-rule reasons (``hard=True``) say why a pair was left out ("needs Dutch level B1").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .bitsets import words_to_int
from .profiles import DUTCH_LEVELS, ActivityTable, NewcomerTable, Vocabularies
from .scoring import Excluded, PairScores, Weights, effective_cost
from .week import describe


@dataclass(frozen=True)
class Reason:
    """One explained part of a score, or one broken hard rule.

    ``code`` is stable (for translations and tests), ``params`` are JSON-friendly values.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    points: float = 0.0
    weight: float = 0.0
    hard: bool = False

    @property
    def text(self) -> str:
        """The default English sentence."""
        return render(self)


def _and(items: Sequence[Any]) -> str:
    words = [str(x) for x in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _km(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _distance(p: Mapping[str, Any]) -> str:
    how = f" by {p['mobility']}" if p.get("mobility") else " away"
    return f"{_km(p['km'])} km{how}"


def _eur(value: float) -> str:
    return f"€{value:.2f}".replace(".00", "")


TEMPLATES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "shared_interests": lambda p: f"you like {_and(p['themes'])}",
    "goal": lambda p: f"fits your goal: {_and(p['goals'])}",
    "distance": _distance,
    "schedule": lambda p: f"{_and(p['times'])} fits your week",
    "schedule_partly": lambda p: f"partly fits your week ({_and(p['times'])})",
    "flexible_time": lambda p: "times by appointment",
    "free": lambda p: "free",
    "uitpas": lambda p: f"{_eur(p['cost_eur'])} with UiTPAS",
    "childcare": lambda p: "childcare available",
    "places_left": lambda p: f"{p['places']} place{'' if p['places'] == 1 else 's'} left",
    "variety": lambda p: f"something new: no {p['type'].replace('_', ' ')} yet",
    "own_words": lambda p: f"close to your own words: “{p['phrase']}”",
    "needs_dutch_level": lambda p: f"needs Dutch level {p['needed']} (has {p['has']})",
    "too_far": lambda p: f"too far: {_km(p['km'])} km > {_km(p['max_km'])} km",
    "no_childcare": lambda p: "no childcare",
    "women_only": lambda p: "for women only",
    "too_expensive": lambda p: f"too expensive: {_eur(p['cost_eur'])} > {_eur(p['max_cost_eur'])}",
    "full": lambda p: "no places left",
    # buddy pairs
    "both_like": lambda p: f"both like {_and(p['themes'])}",
    "common_language": lambda p: f"both speak {_and(p['languages'])}",
    "both_free": lambda p: f"both free on {_and(p['times'])}",
    "close_in_age": lambda p: f"{p['years']} years apart in age",
    "km_apart": lambda p: f"{_km(p['km'])} km apart",
}


def render(reason: Reason) -> str:
    """The default English sentence of a reason (the code itself if it has no template)."""
    template = TEMPLATES.get(reason.code)
    return template(reason.params) if template else reason.code


def sentence(reasons: Sequence[Reason]) -> str:
    """Reasons joined into one line: ``"you like cooking; 2.1 km by bike; free"``."""
    return "; ".join(r.text for r in reasons)


@dataclass(frozen=True)
class PairContext:
    """Everything needed to explain one scored pair (row ``p`` of ``scores``)."""

    newcomers: NewcomerTable
    activities: ActivityTable
    vocab: Vocabularies
    scores: PairScores
    weights: Weights
    # Optional, one per scored pair: the activity's sentence closest to the newcomer's own
    # words, shown as the reason of the ``own_words`` part.
    phrases: Sequence[str] | None = None


def fit_reasons(ctx: PairContext, p: int) -> list[Reason]:
    """The parts that made the score of pair ``p``, strongest first.

    Guarantees: one reason per part with non-zero points, plus the distance (always useful);
    the points of all returned reasons add up to the pair's total fit.
    """
    s, n, a = ctx.scores, int(ctx.scores.newcomer[p]), int(ctx.scores.activity[p])
    points = dict(zip(s.names, s.parts[p].tolist(), strict=True))
    builders = {
        "interests": lambda: _interests(ctx, n, a),
        "goal": lambda: ("goal", {"goals": ctx.vocab.goals.decode(_shared(ctx, "goals", n, a))}),
        "distance": lambda: (
            "distance",
            {"km": round(float(s.km[p]), 1), "mobility": ctx.newcomers.mobility[n]},
        ),
        "schedule": lambda: _schedule(ctx, n, a),
        "cost": lambda: _cost(ctx, n, a),
        "childcare": lambda: ("childcare", {}),
        "places": lambda: ("places_left", {"places": int(ctx.activities.places_left[a])}),
        "variety": lambda: (
            "variety",
            {"type": ctx.vocab.types.slugs[ctx.activities.type_index[a]]},
        ),
        "own_words": lambda: _own_words(ctx, p),
    }
    weights = _part_weights(ctx.weights)
    out = []
    for part in s.names:
        if points[part] == 0 and part != "distance":
            continue
        code, params = builders[part]()
        out.append(Reason(code, params, points=points[part], weight=weights[part]))
    return sorted(out, key=lambda r: -r.points)


def _part_weights(w: Weights) -> dict[str, float]:
    return {
        "interests": w.interests,
        "goal": w.goal,
        "distance": w.distance_per_km,
        "schedule": w.schedule,
        "cost": w.cost,
        "childcare": w.childcare,
        "places": w.places,
        "variety": w.variety,
        "own_words": w.own_words,
    }


def _own_words(ctx: PairContext, p: int) -> tuple[str, dict[str, Any]]:
    similarity = ctx.scores.similarity
    params = {
        "phrase": ctx.phrases[p] if ctx.phrases is not None else "",
        "similarity": round(float(similarity[p]), 3) if similarity is not None else 0.0,
    }
    return "own_words", params


def _shared(ctx: PairContext, column: str, n: int, a: int) -> np.ndarray:
    return getattr(ctx.newcomers, column)[n] & getattr(ctx.activities, column)[a]


def _interests(ctx: PairContext, n: int, a: int) -> tuple[str, dict[str, Any]]:
    return "shared_interests", {"themes": ctx.vocab.themes.decode(_shared(ctx, "themes", n, a))}


def _schedule(ctx: PairContext, n: int, a: int) -> tuple[str, dict[str, Any]]:
    busy = words_to_int(ctx.activities.schedule[a])
    if busy == 0:
        return "flexible_time", {}
    inside = busy & words_to_int(ctx.newcomers.availability[n])
    share = inside.bit_count() / busy.bit_count()
    code = "schedule" if share >= 1 else "schedule_partly"
    return code, {"times": describe(inside), "share": round(share, 2)}


def _cost(ctx: PairContext, n: int, a: int) -> tuple[str, dict[str, Any]]:
    idx = np.array([n]), np.array([a])
    cost = float(effective_cost(ctx.newcomers, ctx.activities, *idx, ctx.weights)[0])
    return ("free", {}) if cost <= 0 else ("uitpas", {"cost_eur": round(cost, 2)})


def exclusion_reasons(ctx: PairContext, p: int) -> list[Reason]:
    """One hard-rule reason per rule that pair ``p`` breaks (empty if the pair is allowed)."""
    s, n, a = ctx.scores, int(ctx.scores.newcomer[p]), int(ctx.scores.activity[p])
    flags = Excluded(int(s.excluded[p]))
    out = []
    if Excluded.DUTCH_LEVEL in flags:
        needed, has = ctx.activities.dutch_level[a], ctx.newcomers.dutch_level[n]
        params = {"needed": DUTCH_LEVELS[needed], "has": DUTCH_LEVELS[has]}
        out.append(Reason("needs_dutch_level", params, hard=True))
    if Excluded.TOO_FAR in flags:
        params = {"km": round(float(s.km[p]), 1), "max_km": float(ctx.newcomers.max_km[n])}
        out.append(Reason("too_far", params, hard=True))
    if Excluded.NO_CHILDCARE in flags:
        out.append(Reason("no_childcare", {}, hard=True))
    if Excluded.WOMEN_ONLY in flags:
        out.append(Reason("women_only", {}, hard=True))
    if Excluded.TOO_EXPENSIVE in flags:
        idx = np.array([n]), np.array([a])
        cost = float(effective_cost(ctx.newcomers, ctx.activities, *idx, ctx.weights)[0])
        limit = float(ctx.newcomers.max_cost_eur[n])
        out.append(Reason("too_expensive", {"cost_eur": cost, "max_cost_eur": limit}, hard=True))
    if Excluded.FULL in flags:
        out.append(Reason("full", {}, hard=True))
    return out
