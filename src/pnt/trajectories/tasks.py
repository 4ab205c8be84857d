"""Background work of the trajectories (django-tasks): e-mails, offer expiry, reminders."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from pnt.trajectories.models import Notification


def render_notification(notification: Notification) -> tuple[str, str]:
    """Subject and body: Dutch first, then the same text in the recipient's language."""
    context = {
        "notification": notification,
        "enrolment": notification.enrolment,
        "proof": notification.proof,
        "site_url": getattr(settings, "PNT_SITE_URL", ""),
    }
    template = f"trajectories/email/{notification.kind}"
    with translation.override("nl"):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context).strip()
    if notification.language and notification.language != "nl":
        with translation.override(notification.language):
            body += "\n\n---\n\n" + render_to_string(f"{template}.txt", context).strip()
    return " ".join(subject.split()), body + "\n"


@task()
def send_notification(notification_id: int) -> bool:
    """Send one stored e-mail. Idempotent: the row is locked and marked sent, so a retried
    or duplicated task sends nothing twice. Returns whether a mail went out."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related(
                "enrolment__newcomer",
                "enrolment__activity__provider",
                "proof__newcomer",
                "proof__activity__provider",
            )
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        subject, body = render_notification(notification)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [notification.to])
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
    return True


@task()
def expire_offers() -> int:
    from pnt.trajectories import services

    return services.expire_offers()


@task()
def send_session_reminders() -> int:
    from pnt.trajectories import services

    return services.send_session_reminders()


@task()
def rebuild_quarter_hours() -> dict[str, int]:
    """Nightly safety net: recompute the ledger's quarter sums (the services keep them in
    step after every sheet; this repairs anything written around them)."""
    from pnt.trajectories import quarter_hours

    out_of_step = quarter_hours.differences()
    return {"rows": quarter_hours.rebuild(), "out_of_step": out_of_step}
