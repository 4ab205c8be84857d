"""Background work of data protection (django-tasks): anonymisation after retention."""

from __future__ import annotations

from django_tasks import task

from pnt.privacy import anonymise


@task()
def anonymise_expired() -> dict[str, int]:
    """Anonymise every record past its retention period (run daily; idempotent)."""
    return anonymise.anonymise_expired(via="task")
