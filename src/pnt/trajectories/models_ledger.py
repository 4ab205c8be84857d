"""The attendance ledger summed per enrolment and calendar quarter, for reports.

Reports of a whole region or of Flanders read hours and participants per quarter; summing
two million attendance rows joined to their sessions on every report costs seconds, while
these sums are a few rows per enrolment. They are derived data: `pnt.trajectories.quarter_hours`
keeps them in step (after every attendance change, through ``recount_hours``) and can rebuild
them from the ledger at any time (``pnt rebuild_quarter_hours``, and nightly).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from pnt.trajectories.models import Enrolment


class QuarterHours(models.Model):
    """Hours present (more than 0) of one enrolment in one quarter."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quarter_hours")
    quarter = models.DateField(_("quarter"), help_text=_("the first day of the quarter"))
    hours = models.DecimalField(_("hours"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("hours in a quarter")
        verbose_name_plural = _("hours per quarter")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "quarter"], name="quarter_hours_once")
        ]
        indexes = [models.Index(fields=["quarter"], name="quarter_hours_quarter")]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.quarter}: {self.hours}"
