"""`pnt network_reminders`: agreements to renew, action points and deliverables due."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from pnt.network.tasks import send_network_reminders


class Command(BaseCommand):
    help = "Queue (or with --now send) the reminders: agreements, action points, deliverables."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="send now instead of queueing")

    def handle(self, *args, now: bool = False, **options):
        if now:
            sent = send_network_reminders.call()
            listed = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in sent.items())
            self.stdout.write(f"Reminders sent: {listed}.")
        else:
            send_network_reminders.enqueue()
            self.stdout.write("Reminders queued.")
