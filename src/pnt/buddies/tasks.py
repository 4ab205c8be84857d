"""Background work of the buddy project (django-tasks): follow-up reminders."""

from __future__ import annotations

from django_tasks import task

from pnt.buddies import services


@task()
def send_follow_up_reminders() -> int:
    """Remind coaches of follow-up contacts that are due (run daily; idempotent)."""
    return services.remind_follow_ups()
