"""E-mails of the check-ins: a reminder to the coach, one question to the newcomer.

The newcomer's message is written in Dutch first and then in their own language, from the
texts in data/check_in.json, with a secret link that answers this check-in only.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from pnt.accounts.models import Membership, Role
from pnt.outreach.infopages import check_in_text
from pnt.outreach.models import CheckIn


def coach_addresses(check_in: CheckIn) -> list[str]:
    """Who recorded the follow-on, else the newcomer's coach, else the region's coaches."""
    follow_on = check_in.follow_on
    for person in (follow_on.recorded_by, follow_on.newcomer.coach):
        if person is not None and person.is_active and person.email:
            return [person.email]
    return sorted(
        Membership.objects.filter(
            role=Role.COACH,
            region__municipalities=follow_on.newcomer.municipality_id,
            user__is_active=True,
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )


def remind_coach(check_in: CheckIn) -> int:
    """The coach's reminder; returns how many e-mails went out (0 when nobody to tell)."""
    recipients = coach_addresses(check_in)
    if not recipients:
        return 0
    coach = check_in.follow_on.recorded_by or check_in.follow_on.newcomer.coach
    context = {
        "check_in": check_in,
        "follow_on": check_in.follow_on,
        "newcomer": check_in.follow_on.newcomer,
        "site_url": getattr(settings, "PNT_SITE_URL", ""),
        "path": reverse("follow_on_record", args=[check_in.follow_on.newcomer_id]),
    }
    with translation.override(getattr(coach, "preferred_language", "") or "nl"):
        subject = render_to_string("outreach/email/check_in_coach_subject.txt", context)
        body = render_to_string("outreach/email/check_in_coach.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, recipients)
    return 1


def _question_text(language: str, name: str, months: int, link: str) -> str:
    t = check_in_text(language)
    return "\n\n".join(
        [
            t["hello"].format(name=name),
            t["intro"].format(months=months),
            t["question"],
            f"{t['link']}\n{link}",
            t["private"],
            t["help"],
        ]
    )


def ask_newcomer(check_in: CheckIn, raw_key: str) -> int:
    """The one-question message with its link; returns 1 when sent, 0 without an address."""
    newcomer = check_in.follow_on.newcomer
    if not newcomer.email:
        return 0
    link = getattr(settings, "PNT_SITE_URL", "") + reverse("check_in_link", args=[raw_key])
    language = newcomer.preferred_language or "nl"
    body = _question_text("nl", newcomer.first_name, check_in.months, link)
    subject = check_in_text("nl")["subject"]
    if language != "nl":
        body += "\n\n---\n\n" + _question_text(language, newcomer.first_name, check_in.months, link)
        subject += " · " + check_in_text(language)["subject"]
    send_mail(subject, body + "\n", settings.DEFAULT_FROM_EMAIL, [newcomer.email])
    return 1
