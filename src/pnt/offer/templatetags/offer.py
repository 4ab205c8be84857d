"""Plain-language pieces of an activity card: when, the price, the icon of its type."""

from __future__ import annotations

from collections.abc import Callable

from django import template
from django.core.cache import cache
from django.templatetags.static import static
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from pnt.offer.models import Activity

register = template.Library()


@register.filter
def when(activity: Activity) -> str:
    """ "Every Tuesday, 18:00–20:00", "On 12 March 2026, 14:00–16:00", "By appointment"."""
    kind = activity.schedule_kind
    hours = ""
    if activity.start_time:
        hours = activity.start_time.strftime("%H:%M")
        if activity.end_time:
            hours += "–" + activity.end_time.strftime("%H:%M")
    if kind == Activity.ScheduleKind.APPOINTMENT:
        return _("By appointment")
    if kind == Activity.ScheduleKind.SINGLE and activity.start_date:
        day = date_format(activity.start_date, "j F Y")
        return _("On %(day)s, %(hours)s") % {"day": day, "hours": hours} if hours else day
    if activity.weekday is not None:
        day = activity.get_weekday_display()
        text = _("Every %(day)s") % {"day": day}
        return f"{text}, {hours}" if hours else text
    return activity.get_schedule_kind_display()


@register.filter
def price(activity: Activity) -> str:
    if activity.price_kind == Activity.PriceKind.FREE:
        return _("Free")
    text = f"€ {activity.price_eur}" if activity.price_eur is not None else _("Paid")
    if activity.price_kind == Activity.PriceKind.UITPAS and activity.price_uitpas_eur is not None:
        text += " · " + _("with UiTPAS € %(p)s") % {"p": activity.price_uitpas_eur}
    return text


@register.filter
def type_icon(activity_type: str) -> str:
    return static(f"pnt/icons/type-{activity_type}.svg")


@register.filter
def title_in(activity: Activity, language: str) -> str:
    return activity.translated(language)[0]


@register.filter
def places_left(activity: Activity) -> int:
    return max(0, activity.capacity - (getattr(activity, "taken", 0) or 0))


@register.simple_tag
def thresholds(activity: Activity) -> list[tuple[str, str]]:
    """The barriers the activity lowers: (icon name, label)."""
    pairs = [
        ("childcare", activity.childcare, _("childcare")),
        ("wheelchair", activity.wheelchair_access, _("wheelchair access")),
        ("transport", activity.transport_help, _("help with transport")),
        ("women", activity.women_only, _("women only")),
        ("accompanied", activity.first_visit_accompanied, _("first visit with a guide")),
        ("family", activity.family_friendly, _("with children")),
    ]
    return [(static(f"pnt/icons/need-{icon}.svg"), label) for icon, on, label in pairs if on]


def _municipality_options() -> str:
    """Every current municipality as <option> elements; built once an hour, not per request."""
    from pnt.geo.models import Municipality

    def build() -> str:
        rows = Municipality.objects.current().order_by("name_nl").values_list("nis_code", "name_nl")
        return "".join(
            f'<option value="{escape(code)}">{escape(name)}</option>' for code, name in rows
        )

    return cache.get_or_set("offer:municipality-options", build, 3600)


@register.simple_tag
def municipality_options(bound_field) -> str:
    """The options of the catalogue's municipality filter, the chosen one selected."""
    chosen = bound_field.value() or ""
    options = _municipality_options()
    if chosen:
        mark = f'value="{escape(chosen)}">'
        options = options.replace(mark, mark[:-1] + " selected>", 1)
    empty = escape(bound_field.field.empty_label)
    return mark_safe(f'<option value="">{empty}</option>{options}')  # noqa: S308 (escaped)


@register.simple_tag
def checks(bound_field) -> str:
    """A group of checkboxes, written directly (a widget template per option is slow)."""
    return choice_inputs(bound_field, "checkbox")


def choice_inputs(bound_field, input_type: str, icon: Callable[[str], str] | None = None) -> str:
    """Checkboxes or radio buttons of a choice field, each `<label>` around its input.

    `icon(value)` gives HTML put between an input and its words (a decorative pictogram:
    the words stay the input's name); `{% picto_checks %}` in `pictograms` passes it.
    """
    value = bound_field.value()
    if input_type == "radio" or not isinstance(value, list | tuple):
        value = [value]
    chosen = {"" if v is None else str(v) for v in value}
    name = escape(bound_field.html_name)
    auto_id = escape(bound_field.auto_id)
    parts = [f'<div id="{auto_id}" class="picto-choices">' if icon else f'<div id="{auto_id}">']
    for n, (option, label) in enumerate(bound_field.field.choices):
        checked = " checked" if str(option) in chosen else ""
        drawing = icon(option) if icon else ""
        parts.append(
            f'<div><label for="{auto_id}_{n}"><input type="{input_type}" name="{name}" '
            f'value="{escape(option)}" id="{auto_id}_{n}"{checked}>{drawing} '
            f"<span>{escape(label)}</span></label></div>"
        )
    parts.append("</div>")
    return mark_safe("".join(parts))  # noqa: S308 (every value is escaped; icon gives HTML)
