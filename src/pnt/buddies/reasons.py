"""The core's reasons (a code and its parameters) as translated sentences for the coach."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils import formats
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pnt.buddies.forms import LANGUAGES
from pnt.offer.vocabulary import Theme
from pnt.trajectories.models import DayPart, Weekday

DAY_NAMES = dict(
    zip(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        list(Weekday),
        strict=True,
    )
)
PART_NAMES = {**{p.value: p.label for p in DayPart}, "night": gettext_lazy("night")}
LANGUAGE_NAMES = dict(LANGUAGES)


def _and(items: list) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return str(format_lazy(_("{} and {}"), ", ".join(items[:-1]), items[-1]))


def _time(phrase: str) -> str:
    day, _sep, part = phrase.partition(" ")
    if day not in DAY_NAMES:
        return phrase
    return f"{DAY_NAMES[day].label} {PART_NAMES.get(part, part)}"


def reason_text(reason: Mapping[str, Any]) -> str:
    """One stored reason as a sentence in the current language."""
    code, p = reason.get("code"), reason.get("params", {})
    if code == "both_like":
        names = [Theme(t).label if t in Theme.values else t for t in p.get("themes", [])]
        return _("both like %(themes)s") % {"themes": _and(names)}
    if code == "common_language":
        names = [LANGUAGE_NAMES.get(code, code) for code in p.get("languages", [])]
        return _("both speak %(languages)s") % {"languages": _and(names)}
    if code == "both_free":
        times = [_time(t) for t in p.get("times", [])]
        shown = times[:3] + ([_("…")] if len(times) > 3 else [])
        return _("both free on %(times)s") % {"times": _and(shown)}
    if code == "close_in_age":
        return _("%(years)s years apart in age") % {"years": p.get("years")}
    if code == "km_apart":
        km = float(p.get("km") or 0)
        if km < 0.5:
            return _("live in the same municipality")
        return _("%(km)s km apart") % {"km": formats.number_format(km, 1)}
    return str(reason.get("text", code))
