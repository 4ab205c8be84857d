"""`pnt feedback_invitations`: mail questionnaire links to newcomers who just completed their
trajectory or ended a buddy pair (run daily), and with --providers to providers."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from pnt.reporting import services


class Command(BaseCommand):
    help = "Mail feedback questionnaire links (newcomers daily; providers with --providers)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--providers",
            action="store_true",
            help="also ask providers who welcomed newcomers in the last 90 days",
        )

    def handle(self, *args, providers: bool, **options) -> None:
        sent = services.send_invitations()
        if providers:
            since = timezone.localdate() - dt.timedelta(days=services.INVITE_WITHIN_DAYS)
            sent["provider"] = services.send_provider_invitations(since=since)
        for kind, count in sent.items():
            self.stdout.write(f"  {count:>6}  {kind}")
