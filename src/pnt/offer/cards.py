"""Catalogue cards, prepared in Python: plain strings the template only has to print.

A page shows 24 cards; resolving labels, translations and icons once per page (not once per
card and field in the template) keeps a search page fast at Flanders scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pnt.offer.models import Activity
from pnt.offer.templatetags.offer import price, when
from pnt.offer.vocabulary import ActivityType, DutchLevel

NEEDS = (
    ("childcare", "childcare"),
    ("wheelchair", "wheelchair_access"),
    ("transport", "transport_help"),
    ("women", "women_only"),
    ("accompanied", "first_visit_accompanied"),
    ("family", "family_friendly"),
)


@dataclass
class Card:
    href: str
    title: str
    lang: str
    icon: str
    type_label: str
    provider: str
    where: str
    when: str
    level: int
    level_text: str
    price: str
    places_text: str
    full: bool
    needs: list[tuple[str, str]] = field(default_factory=list)
    verdict: str = ""
    verdict_class: str = ""
    status_text: str = ""


def _need_labels() -> dict[str, str]:
    return {
        "childcare": _("childcare"),
        "wheelchair": _("wheelchair access"),
        "transport": _("help with transport"),
        "women": _("women only"),
        "accompanied": _("first visit with a guide"),
        "family": _("with children"),
    }


def cards(activities: list[Activity], *, language: str, staff: bool) -> list[Card]:
    types = {value: str(label) for value, label in ActivityType.choices}
    levels = {value: str(label) for value, label in DutchLevel.choices}
    levels[0] = _("none needed")
    statuses = {value: str(label) for value, label in Activity.Status.choices}
    need_labels = _need_labels()
    icons = {name: static(f"pnt/icons/need-{name}.svg") for name, _f in NEEDS}
    # One reverse() for the page: every card's link differs only by the primary key.
    href = reverse("activity_detail" if staff else "public_activity", args=[0])[:-2]
    type_icons = {value: static(f"pnt/icons/type-{value}.svg") for value in types}
    result = []
    for a in activities:
        title = a.translated(language)[0]
        left = max(0, a.capacity - (getattr(a, "taken", 0) or 0))
        distance = getattr(a, "distance_km", None)
        where = a.municipality.name_nl
        if distance is not None:
            where += " · " + _("%(km)s km") % {"km": round(distance)}
        card = Card(
            href=f"{href}{a.pk}/",
            title=title,
            lang=language if title != a.title else "nl",
            icon=type_icons.get(a.type, type_icons["other"]),
            type_label=types.get(a.type, a.type),
            provider=a.provider.name,
            where=where,
            when=when(a),
            level=a.dutch_level,
            level_text=levels[a.dutch_level],
            price=price(a),
            full=a.status == Activity.Status.FULL or left == 0,
            places_text=ngettext("%(n)s place left", "%(n)s places left", left) % {"n": left},
            needs=[(icons[n], need_labels[n]) for n, attr in NEEDS if getattr(a, attr)],
        )
        if staff:
            _verdict(card, a, statuses)
        result.append(card)
    return result


def _verdict(card: Card, a: Activity, statuses: dict[str, str]) -> None:
    if a.counts_for_pnt:
        card.verdict, card.verdict_class = _("Counts for the PNT"), "ok"
    elif a.is_eligible:
        card.verdict, card.verdict_class = _("Not yet validated"), "warn"
    else:
        card.verdict, card.verdict_class = _("Does not count"), "bad"
    if a.status != Activity.Status.PUBLISHED:
        card.status_text = statuses[a.status]
