"""Background work of reporting (django-tasks): the daily feedback invitations."""

from __future__ import annotations

from django_tasks import task


@task()
def send_feedback_invitations() -> dict[str, int]:
    """Mail questionnaire links to newcomers who completed or ended a pair recently.
    Idempotent: a newcomer with a questionnaire of that kind is not asked again."""
    from pnt.reporting import services

    return services.send_invitations()
