"""Background work of the network (django-tasks): the daily reminders."""

from __future__ import annotations

from django_tasks import task

from pnt.network import services


@task()
def send_network_reminders() -> dict[str, int]:
    """Agreements to renew, action points and deliverables due (run daily; idempotent)."""
    return services.send_network_reminders()
