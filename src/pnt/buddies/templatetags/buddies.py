from django import template

from pnt.buddies.reasons import reason_text

register = template.Library()


@register.filter
def reason(value) -> str:
    """A stored reason of a proposal as a translated sentence."""
    return reason_text(value)
