"""`pnt seed`: generate the demo region, or all of Flanders for benchmarks."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from pnt.web.demo import SCALES, SeedError, reset, seed


class Command(BaseCommand):
    help = (
        "Generate deterministic demo data: --scale region (Rivierenland and a little Kempen) "
        "or --scale flanders (every municipality; for benchmarks)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--scale", choices=sorted(SCALES), default="region")
        parser.add_argument("--seed", type=int, default=42, help="the same seed, the same data")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="first delete all offer, trajectory and buddy data and the generated users",
        )

    def handle(self, *args, scale: str, seed: int, reset: bool, **options) -> None:
        started = time.monotonic()
        if reset:
            deleted = _reset(self.stdout.write)
            self.stdout.write(f"Deleted {sum(deleted.values())} rows of earlier data.")
        try:
            counts = _seed(scale=scale, seed=seed, progress=self.stdout.write)
        except SeedError as error:
            raise CommandError(str(error)) from None
        for label, count in counts.items():
            self.stdout.write(f"  {count:>8}  {label}")
        self.stdout.write(
            self.style.SUCCESS(f"Seeded the {scale} scale in {time.monotonic() - started:.1f} s.")
        )


# Module-level names so the options `seed` and `reset` do not shadow the functions.
_seed, _reset = seed, reset
