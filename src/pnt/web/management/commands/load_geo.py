"""`pnt load_geo`: load (or update) the reference geography of Flanders."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from pnt.geo.loading import load_reference_geography


class Command(BaseCommand):
    help = "Load or update the Flemish municipalities and the regional networks (idempotent)."

    def handle(self, *args, **options) -> None:
        counts = load_reference_geography()
        summary = ", ".join(f"{label.replace('_', ' ')}: {n}" for label, n in counts.items())
        self.stdout.write(f"Reference geography loaded ({summary}).")
