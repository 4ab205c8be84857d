"""`pnt own_words`: embed every published activity that is missing or out of date.

Run once after installing the extra `pnt[semantic]` (or after a model change); afterwards
the background worker keeps embeddings in step as activities are published and changed.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from pnt.matching import embedding
from pnt.ownwords.services import refresh_stale_activities


class Command(BaseCommand):
    help = "Embed published activities whose text changed (needs the extra pnt[semantic])."

    def handle(self, *args, **options) -> None:
        if not embedding.available():
            self.stderr.write("The extra is not installed: pip install 'pnt[semantic]'")
            return
        count = refresh_stale_activities()
        self.stdout.write(f"embedded {count} activities ({embedding.model_name()})")
