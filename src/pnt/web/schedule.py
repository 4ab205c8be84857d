"""Periodic jobs: which background task runs how often.

django-tasks runs tasks but has no clock. `settings.PNT_SCHEDULE` maps a job name to the
dotted path of a task and its period in seconds; `enqueue_due()` puts every job whose
period has passed on the queue and notes when, in one transaction per job with the row
locked, so two schedulers running at once never enqueue a job twice. The tasks themselves
are idempotent (a reminder that was sent is not sent again), so a late or repeated run is
harmless. `pnt scheduler` calls this in a loop (or once, from cron).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from pnt.web.models import ScheduledRun


@dataclass(frozen=True)
class Job:
    name: str
    task_path: str
    every: dt.timedelta


def jobs() -> list[Job]:
    """The configured periodic jobs, in a stable order."""
    return [
        Job(name, path, dt.timedelta(seconds=seconds))
        for name, (path, seconds) in sorted(settings.PNT_SCHEDULE.items())
    ]


def enqueue_due(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every job whose period has passed since its last run; returns their names."""
    now = now or timezone.now()
    done = []
    for job in jobs():
        if _claim(job, now):
            import_string(job.task_path).enqueue()
            done.append(job.name)
    return done


def _claim(job: Job, now: dt.datetime) -> bool:
    with transaction.atomic():
        run = ScheduledRun.objects.select_for_update().filter(name=job.name).first()
        if run is None:
            try:
                with transaction.atomic():
                    ScheduledRun.objects.create(name=job.name, last_enqueued_at=now)
            except IntegrityError:  # another scheduler created it just now
                return False
            return True
        if now - run.last_enqueued_at < job.every:
            return False
        run.last_enqueued_at = now
        run.save(update_fields=["last_enqueued_at"])
        return True
