"""Reminders of the network: agreements to renew, action points and deliverables due.

Each is idempotent (a reminder goes out once per end date or due date) and safe to run
from several workers at once (rows are locked while they are marked).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from pnt.network import notifications
from pnt.network.models import ActionPoint, Agreement, Deliverable

# Owners hear about an action point this many days before it is due (and when overdue).
ACTION_POINT_NOTICE_DAYS = 3


def remind_expiring_agreements(*, today: dt.date | None = None) -> int:
    """Tell the region's coordinators about each agreement that enters its notice period
    (``notice_days`` before the end), once per end date. Returns the e-mails sent."""
    today = today or timezone.localdate()
    sent = 0
    candidates = Agreement.objects.filter(ends_on__isnull=False, ends_on__gte=today)
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            agreement = Agreement.objects.select_for_update().select_related("region").get(pk=pk)
            due = agreement.renewal_due_on
            if due is None or due > today or agreement.reminded_for == agreement.ends_on:
                continue
            agreement.reminded_for = agreement.ends_on
            agreement.save(update_fields=["reminded_for"])
            sent += notifications.agreement_expiring(agreement)
    return sent


def remind_action_points(*, today: dt.date | None = None) -> int:
    """Remind owners of open action points due within a few days or overdue, once per due
    date (rescheduling or reopening makes a point due for a reminder again)."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=ACTION_POINT_NOTICE_DAYS)
    due = ActionPoint.objects.filter(
        status__in=ActionPoint.OPEN_STATES, due_on__lte=horizon, reminded_at__isnull=True
    )
    sent = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            point = (
                ActionPoint.objects.select_for_update(of=("self",))
                .select_related("owner", "meeting__group__region")
                .get(pk=pk)
            )
            if point.reminded_at is not None or not point.is_open:
                continue
            point.reminded_at = timezone.now()
            point.save(update_fields=["reminded_at"])
            sent += notifications.action_point_due(point, today)
    return sent


def remind_deliverables(*, today: dt.date | None = None) -> int:
    """Remind the application's owner of a deliverable from ``remind_days`` before it is
    due, once."""
    today = today or timezone.localdate()
    open_ = Deliverable.objects.filter(status=Deliverable.Status.OPEN, reminded_at__isnull=True)
    sent = 0
    for pk, due_on, days in open_.values_list("pk", "due_on", "remind_days"):
        if due_on - dt.timedelta(days=days) > today:
            continue
        with transaction.atomic():
            deliverable = (
                Deliverable.objects.select_for_update(of=("self",))
                .select_related("application__owner", "application__region")
                .get(pk=pk)
            )
            if deliverable.reminded_at is not None:
                continue
            deliverable.reminded_at = timezone.now()
            deliverable.save(update_fields=["reminded_at"])
            sent += notifications.deliverable_due(deliverable, today)
    return sent


def send_network_reminders(*, today: dt.date | None = None) -> dict[str, int]:
    """All reminders of the network, as run daily by `pnt network_reminders`."""
    return {
        "agreements": remind_expiring_agreements(today=today),
        "action_points": remind_action_points(today=today),
        "deliverables": remind_deliverables(today=today),
    }
