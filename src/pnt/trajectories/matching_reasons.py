"""The matching core's reasons (a stable code and its parameters) as sentences in the
current language, for coaches and coordinators: "likes cooking", "2.1 km by bike",
"Tuesday evening fits the week", "needs Dutch level B1 (has A2)"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pnt.offer.vocabulary import ActivityType, Goal, Theme
from pnt.trajectories.models import DayPart, Mobility, Weekday

DAY_NAMES = dict(
    zip(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        list(Weekday),
        strict=True,
    )
)


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else str(value)


def _and(items: list[str]) -> str:
    items = [str(i) for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _km(value: Any) -> str:
    return formats.number_format(float(value or 0), 1)


def _eur(value: Any) -> str:
    return "€ " + formats.number_format(float(value or 0), 2)


def _time(phrase: str) -> str:
    day, _sep, part = phrase.partition(" ")
    if day not in DAY_NAMES:
        return phrase
    label = _label(DayPart, part) if part in DayPart.values else _("night")
    return f"{DAY_NAMES[day].label} {label}"


def _times(params: Mapping[str, Any], most: int = 3) -> str:
    times = [_time(t) for t in params.get("times", [])]
    return _and(times[:most] + ([_("…")] if len(times) > most else []))


def _distance(p: Mapping[str, Any]) -> str:
    km = float(p.get("km") or 0)
    if km < 0.5:
        return _("close to home")
    mobility = p.get("mobility") or ""
    if mobility in Mobility.values:
        return _("%(km)s km %(how)s") % {"km": _km(km), "how": Mobility(mobility).label}
    return _("%(km)s km away") % {"km": _km(km)}


def _places(p: Mapping[str, Any]) -> str:
    n = int(p.get("places", 0))
    return ngettext("%(n)s place left", "%(n)s places left", n) % {"n": n}


def _has_level(p: Mapping[str, Any]) -> str:
    needed, has = p.get("needed", ""), p.get("has", "")
    if has == "none":
        return _("needs Dutch level %(needed)s (no Dutch yet)") % {"needed": needed}
    return _("needs Dutch level %(needed)s (has %(has)s)") % {"needed": needed, "has": has}


SENTENCES = {
    "shared_interests": lambda p: (
        _("likes %(themes)s") % {"themes": _and([_label(Theme, t) for t in p.get("themes", [])])}
    ),
    "goal": lambda p: (
        _("fits the goal: %(goals)s")
        % {"goals": _and([_label(Goal, g) for g in p.get("goals", [])])}
    ),
    "distance": _distance,
    "schedule": lambda p: _("%(times)s fits the week") % {"times": _times(p)},
    "schedule_partly": lambda p: _("partly fits the week (%(times)s)") % {"times": _times(p)},
    "flexible_time": lambda p: _("times by appointment"),
    "free": lambda p: _("free"),
    "uitpas": lambda p: _("%(price)s with UiTPAS") % {"price": _eur(p.get("cost_eur"))},
    "childcare": lambda p: _("childcare available"),
    "places_left": _places,
    "variety": lambda p: (
        _("something new: no %(type)s yet") % {"type": _label(ActivityType, p.get("type", ""))}
    ),
    "needs_dutch_level": _has_level,
    "too_far": lambda p: (
        _("too far: %(km)s km, reach is %(max)s km")
        % {"km": _km(p.get("km")), "max": _km(p.get("max_km"))}
    ),
    "no_childcare": lambda p: _("no childcare"),
    "women_only": lambda p: _("for women only"),
    "too_expensive": lambda p: _("too expensive: %(price)s") % {"price": _eur(p.get("cost_eur"))},
    "full": lambda p: _("no places left"),
}


def reason_text(reason: Mapping[str, Any]) -> str:
    """One reason (``{"code", "params", …}``) as a sentence in the current language; an
    unknown code falls back to the core's English sentence."""
    sentence = SENTENCES.get(str(reason.get("code")))
    if sentence is None:
        return str(reason.get("text") or reason.get("code") or "")
    return sentence(reason.get("params") or {})


def reason_texts(reasons: list[Mapping[str, Any]] | None) -> list[str]:
    """Every reason of a list as a sentence, in order."""
    return [reason_text(r) for r in reasons or []]
