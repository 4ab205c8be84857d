"""`pnt anonymise_expired`: anonymise the records whose retention period is over."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pnt.privacy import anonymise


class Command(BaseCommand):
    help = (
        "Anonymise newcomers whose trajectory ended, and volunteers who stopped, more than "
        "PNT_RETENTION_MONTHS months ago (names, contacts and free text go; figures stay)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--months", type=int, default=None, help="override the setting")
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
        parser.add_argument(
            "--dry-run", action="store_true", help="only count who would be anonymised"
        )

    def handle(self, *args, months: int | None, today, dry_run: bool, **options) -> None:
        months = settings.PNT_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("--months must be at least 1.")
        if dry_run:
            from django.utils import timezone

            day = today or timezone.localdate()
            newcomers = anonymise.expired_newcomers(today=day, months=months).count()
            volunteers = anonymise.expired_volunteers(today=day, months=months).count()
            self.stdout.write(
                f"Would anonymise {newcomers} newcomers and {volunteers} volunteers "
                f"(retention {months} months)."
            )
            return
        done = anonymise.anonymise_expired(today=today, months=months, via="cli")
        self.stdout.write(
            f"Anonymised {done['newcomers']} newcomers and {done['volunteers']} volunteers "
            f"(retention {months} months)."
        )
