"""Small template helpers used across pages."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.translation import get_language

register = template.Library()


@register.filter
def get_item(mapping: dict, key):
    """`{{ counts|get_item:status }}` — a dict lookup with a variable key."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def described(field: BoundField) -> str:
    """The field's widget tied to its help text and error message (`aria-describedby`), and
    marked `aria-invalid` when it has an error, so a screen reader reads them with the field.
    Fields drawn as a group (checkboxes, radio buttons) are described on their fieldset."""
    if field.use_fieldset:
        return field.as_widget()
    parts = (("help", field.help_text), ("error", field.errors),
             ("readability", getattr(field.field, "plain_dutch", False)))  # fmt: skip
    ids = [f"{field.auto_id}_{part}" for part, on in parts if on]
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.inclusion_tag("offer/_readability_box.html")
def plain_dutch_feedback(field: BoundField) -> dict:
    """The plain-Dutch warnings of a text field, in a live region the editor refreshes."""
    from pnt.offer.readability import warnings

    text = field.value() or ""
    return {"id": f"{field.auto_id}_readability", "warnings": warnings(text),
            "checked": bool(text.strip())}  # fmt: skip


@register.simple_tag
def activity_translation(activity) -> dict[str, str]:
    """The provider's translation of an activity's title and description into the visitor's
    language, shown beside the Dutch text (newcomers practise Dutch with it); empty in Dutch
    or when there is no translation."""
    language = get_language() or "nl"
    if language.startswith("nl"):
        return {}
    text = (activity.translations or {}).get(language) or {}
    return {
        key: text[key]
        for key in ("title", "description")
        if text.get(key) and text[key] != getattr(activity, key)
    }
