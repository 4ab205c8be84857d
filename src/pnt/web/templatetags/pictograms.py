"""Pictograms: one SVG per activity type, theme, goal, Dutch level and threshold.

Every pictogram is shown with its text label next to it (the image itself is decorative,
`alt=""`), so a reader never has to guess what a drawing means. Files live in
`static/pnt/icons/<kind>-<value>.svg`; tests/inclusion/test_pictograms.py checks that every
vocabulary entry has one.
"""

from __future__ import annotations

import functools

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pnt.offer.templatetags.offer import choice_inputs
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


#: Filter values whose pictogram has another name (the catalogue filters on "women_only").
ICON_ALIASES = {("need", "women_only"): "women"}


def has_icon(kind: str, value) -> bool:
    """Whether (kind, value) has a pictogram; the empty "any level" choice has none."""
    value = ICON_ALIASES.get((kind, str(value)), value)
    if kind == "level":
        return str(value).isdigit() and int(value) in VOCABULARIES["level"]
    return kind in VOCABULARIES and value in VOCABULARIES[kind]


@register.simple_tag
def pictogram_icon(kind: str, value, size: int = 24) -> str:
    """Only the drawing, hidden from screen readers: `{% pictogram_icon "need" "family" %}`.

    For a control whose label already says it in words (a filter checkbox): the label stays
    its accessible name. An entry without a pictogram gives the empty string.
    """
    return _icon_html(kind, str(value), size)


@functools.lru_cache(maxsize=512)
def _icon_html(kind: str, value: str, size: int) -> str:
    """Built once per process: the catalogue's filters show some fifty of these per page."""
    if not has_icon(kind, value):
        return ""
    value = ICON_ALIASES.get((kind, value), value)
    return format_html(
        '<img class="picto-icon" src="{}" alt="" aria-hidden="true" width="{}" height="{}">',
        static(icon_path(kind, value)),
        size,
        size,
    )


@receiver(setting_changed)
def _forget_icon_urls(*, setting: str, **kwargs) -> None:
    if setting.startswith("STATIC") or setting == "STORAGES":
        _icon_html.cache_clear()


@register.simple_tag
def picto_checks(bound_field, kind: str) -> str:
    """`{% picto_checks form.theme "theme" %}`: the filter's checkboxes, each with the
    pictogram of its option between the box and the words."""
    return choice_inputs(bound_field, "checkbox", lambda value: pictogram_icon(kind, value))


@register.simple_tag
def picto_radios(bound_field, kind: str) -> str:
    """`{% picto_radios form.level "level" %}`: one choice, each option with its pictogram
    (an option without one, such as "any level", shows only its words)."""
    return choice_inputs(bound_field, "radio", lambda value: pictogram_icon(kind, value))
