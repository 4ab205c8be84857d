"""Benchmark of enrolment (issue 4): confirmations per second on PostgreSQL.

The set-up of the concurrency test: one activity with 20 places, 200 requests, confirmed
by 40 threads with their own connections, all released at once (the activity row lock
serialises them). Baseline: the same 200 confirmations done one after the other. Runs in a
throw-away test database (``test_<name>`` of DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/pnt_bench); SQLite is refused.
"""

from __future__ import annotations

import atexit
import os
import statistics
import time

PLACES, REQUESTS, THREADS, ROUNDS = 20, 200, 40, 3
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/pnt_bench"
_ready = False


def django_test_database() -> None:
    """Set Django up on a fresh PostgreSQL test database with the reference geography;
    the database is dropped when the process ends."""
    global _ready
    if _ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pnt.settings")
    os.environ.setdefault("DATABASE_URL", os.environ.get("PNT_BENCH_DATABASE_URL", DEFAULT_URL))
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        raise RuntimeError("the trajectory benchmarks need PostgreSQL (DATABASE_URL)")
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    atexit.register(lambda: connection.creation.destroy_test_db(old_name, verbosity=0))
    from pnt.geo.loading import load_reference_geography

    load_reference_geography()
    _ready = True


def _timed(confirm) -> float:
    from tests.trajectories.test_trajectory_concurrency import build_requests

    activity, enrolments = build_requests(PLACES, REQUESTS)
    started = time.perf_counter()
    errors = confirm(enrolments)
    elapsed = time.perf_counter() - started
    from pnt.trajectories.models import Enrolment

    confirmed = Enrolment.objects.filter(activity=activity, status="confirmed").count()
    if errors or confirmed != PLACES:
        raise RuntimeError(f"{len(errors)} errors, {confirmed} confirmed of {PLACES} places")
    return elapsed


def run() -> dict[str, dict]:
    django_test_database()
    from pnt.trajectories import services
    from tests.trajectories.test_trajectory_concurrency import confirm_concurrently

    def sequential(enrolments):
        for enrolment in enrolments:
            services.confirm_enrolment(enrolment=enrolment)
        return []

    concurrent = statistics.median(
        _timed(lambda e: confirm_concurrently(e, threads=THREADS)) for _ in range(ROUNDS)
    )
    one_by_one = statistics.median(_timed(sequential) for _ in range(ROUNDS))
    value, baseline = REQUESTS / concurrent, REQUESTS / one_by_one
    return {
        "confirmations_per_second": {
            "value": value,
            "unit": "1/s",
            "baseline": baseline,
            "ratio": value / baseline,
            "note": f"{REQUESTS} requests, {PLACES} places, {THREADS} threads vs sequential",
        }
    }


if __name__ == "__main__":
    print(run())
