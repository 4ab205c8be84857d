"""`pnt rebuild_quarter_hours`: recompute the ledger's quarter sums that reports read."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from pnt.trajectories import quarter_hours


class Command(BaseCommand):
    help = "Recompute the hours per enrolment and quarter from the attendance ledger."

    def handle(self, *args, **options):
        out_of_step = quarter_hours.differences()
        rows = quarter_hours.rebuild()
        self.stdout.write(f"{rows} quarter sums rebuilt ({out_of_step} were out of step).")
