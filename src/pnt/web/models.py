"""Bookkeeping of the web shell: when each periodic job was last put on the task queue."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """The last time `pnt scheduler` enqueued one periodic job (see pnt.web.schedule)."""

    name = models.CharField(_("job"), max_length=80, unique=True)
    last_enqueued_at = models.DateTimeField(_("last enqueued at"))

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")

    def __str__(self) -> str:
        return f"{self.name} @ {self.last_enqueued_at:%Y-%m-%d %H:%M}"
