"""`pnt scheduler`: enqueue the periodic jobs of settings.PNT_SCHEDULE when they are due."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from pnt.web.schedule import enqueue_due, jobs


class Command(BaseCommand):
    help = "Enqueue due periodic jobs (reminders, offer expiry, …); --once for cron."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="check once and exit")
        parser.add_argument("--interval", type=int, default=60, help="seconds between checks")

    def handle(self, *args, once: bool, interval: int, **options) -> None:
        if interval < 1:
            raise CommandError("--interval must be at least 1 second.")
        if options["verbosity"] > 1:
            for job in jobs():
                self.stdout.write(f"{job.name}: {job.task_path} every {job.every}")
        while True:
            for name in enqueue_due():
                self.stdout.write(f"enqueued {name}")
            self.stdout.flush()
            if once:
                return
            time.sleep(interval)
