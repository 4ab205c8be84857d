"""`pnt buddy_reminders`: remind coaches of due follow-up contacts (run daily from cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from pnt.buddies.tasks import send_follow_up_reminders


class Command(BaseCommand):
    help = "Queue the reminders for buddy follow-up contacts that are due."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="send now instead of queueing")

    def handle(self, *args, now: bool = False, **options):
        if now:
            sent = send_follow_up_reminders.call()
            self.stdout.write(f"{sent} reminder(s) sent.")
        else:
            send_follow_up_reminders.enqueue()
            self.stdout.write("Reminders queued.")
