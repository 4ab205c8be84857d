"""E-mails of the network: renewal of agreements, action points and deliverables due."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from pnt.network import queries
from pnt.network.models import ActionPoint, Agreement, Deliverable


def _send(template: str, context: dict, recipients: list[str], language: str = "nl") -> int:
    if not recipients:
        return 0
    context = {**context, "site_url": getattr(settings, "PNT_SITE_URL", "")}
    with translation.override(language or "nl"):
        subject = render_to_string(f"network/email/{template}_subject.txt", context)
        body = render_to_string(f"network/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)
    return 1


def _person(user) -> list[str]:
    return [user.email] if user is not None and user.is_active and user.email else []


def agreement_expiring(agreement: Agreement) -> int:
    """To the region's coordinators: the agreement ends soon, renew it in time."""
    return _send(
        "agreement_expiring",
        {"agreement": agreement, "parties": list(agreement.parties.all())},
        queries.coordinators_of(agreement.region),
    )


def action_point_due(point: ActionPoint, today: dt.date) -> int:
    """To the owner (or, for a partner's point, the region's coordinators)."""
    recipients = _person(point.owner) or queries.coordinators_of(point.meeting.group.region)
    language = getattr(point.owner, "preferred_language", "nl")
    overdue = point.due_on is not None and point.due_on < today
    return _send("action_point_due", {"point": point, "overdue": overdue}, recipients, language)


def deliverable_due(deliverable: Deliverable, today: dt.date) -> int:
    application = deliverable.application
    recipients = _person(application.owner) or queries.coordinators_of(application.region)
    language = getattr(application.owner, "preferred_language", "nl")
    days = (deliverable.due_on - today).days
    return _send(
        "deliverable_due",
        {"deliverable": deliverable, "application": application, "days": days},
        recipients,
        language,
    )
