"""Pictograms: one SVG per activity type, theme, goal, Dutch level and threshold.

Every pictogram is shown with its text label next to it (the image itself is decorative,
`alt=""`), so a reader never has to guess what a drawing means. Files live in
`static/pnt/icons/<kind>-<value>.svg`; tests/inclusion/test_pictograms.py checks that every
vocabulary entry has one.
"""

from __future__ import annotations

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pnt.offer.vocabulary import ActivityType, DutchLevel, Goal, Theme

register = template.Library()

#: The thresholds an activity can lower: (icon value, Activity field, label).
THRESHOLDS = [
    ("childcare", "childcare", _("childcare")),
    ("wheelchair", "wheelchair_access", _("wheelchair access")),
    ("transport", "transport_help", _("help with transport")),
    ("women", "women_only", _("women only")),
    ("accompanied", "first_visit_accompanied", _("first visit with a guide")),
    ("family", "family_friendly", _("with children")),
]

#: kind → {value: label}; the icon of (kind, value) is static/pnt/icons/<kind>-<value>.svg.
VOCABULARIES = {
    "type": dict(ActivityType.choices),
    "theme": dict(Theme.choices),
    "goal": dict(Goal.choices),
    "level": dict(DutchLevel.choices),
    "need": {value: label for value, _field, label in THRESHOLDS},
}


def icon_path(kind: str, value) -> str:
    """The static path of a pictogram: `pnt/icons/theme-cooking.svg`."""
    return f"pnt/icons/{kind}-{value}.svg"


def label_of(kind: str, value) -> str:
    labels = VOCABULARIES[kind]
    if kind == "level":
        value = int(value)
    return str(labels.get(value, value))


@register.simple_tag
def pictogram(kind: str, value, label: str | None = None, size: int = 24) -> str:
    """`{% pictogram "theme" "cooking" %}`: the icon and its label, side by side."""
    if value not in VOCABULARIES[kind] and not (kind == "level" and str(value).isdigit()):
        value = "other" if kind == "type" else value
    return format_html(
        '<span class="picto picto-{}"><img src="{}" alt="" width="{}" height="{}">'
        '<span class="picto-label">{}</span></span>',
        kind,
        static(icon_path(kind, value)),
        size,
        size,
        label if label is not None else label_of(kind, value),
    )


@register.simple_tag
def activity_thresholds(activity) -> list[str]:
    """The thresholds the activity lowers, as (value, label) pairs."""
    return [(value, label) for value, field, label in THRESHOLDS if getattr(activity, field)]
