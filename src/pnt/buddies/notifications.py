"""E-mails of the buddy project: the coach's reminder when a follow-up contact is due."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from pnt.accounts.models import Membership, Role
from pnt.buddies import ledger
from pnt.buddies.models import FollowUp


def _coach_addresses(follow_up: FollowUp) -> list[str]:
    """The pair's coach; without one, every coach of the newcomer's region."""
    coach = follow_up.pair.coach
    if coach is not None and coach.is_active and coach.email:
        return [coach.email]
    region = ledger.region_of(follow_up.pair.newcomer)
    return sorted(
        Membership.objects.filter(role=Role.COACH, region=region, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )


def follow_up_due(follow_up: FollowUp) -> int:
    """Send the reminder; returns how many e-mails went out (0 when nobody to tell)."""
    recipients = _coach_addresses(follow_up)
    if not recipients:
        return 0
    coach = follow_up.pair.coach
    language = getattr(coach, "preferred_language", "") or "nl"
    context = {
        "follow_up": follow_up,
        "pair": follow_up.pair,
        "site_url": getattr(settings, "PNT_SITE_URL", ""),
    }
    with translation.override(language):
        subject = render_to_string("buddies/email/follow_up_subject.txt", context)
        body = render_to_string("buddies/email/follow_up.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)
    return 1
