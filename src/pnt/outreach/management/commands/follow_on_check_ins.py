"""`pnt follow_on_check_ins`: remind coaches and ask newcomers for due check-ins (daily)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from pnt.outreach.tasks import send_check_ins


class Command(BaseCommand):
    help = "Queue the follow-on check-ins that are due (3 and 6 months after the PNT)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="send now instead of queueing")

    def handle(self, *args, now: bool = False, **options):
        if now:
            handled = send_check_ins.call()
            self.stdout.write(f"{handled} check-in(s) sent.")
        else:
            send_check_ins.enqueue()
            self.stdout.write("Check-ins queued.")
