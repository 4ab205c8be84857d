"""Background work of outreach (django-tasks): the follow-on check-ins."""

from __future__ import annotations

from django_tasks import task

from pnt.outreach import services


@task()
def send_check_ins() -> int:
    """Remind coaches and ask newcomers for every check-in that is due (daily; idempotent)."""
    return services.send_due_check_ins()
