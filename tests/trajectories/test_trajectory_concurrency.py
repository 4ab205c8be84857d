"""200 concurrent confirmations for 20 places: exactly 20 confirmed, 180 on the waiting list.

Real threads (a pool of 40, each with its own database connection) against PostgreSQL, all
released at once: the activity row lock (SELECT … FOR UPDATE) is what keeps the count right.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from pnt.trajectories import services
from pnt.trajectories.models import Enrolment
from tests.factories import ActivityFactory, NewcomerFactory

PLACES, REQUESTS = 20, 200
# Each thread holds its own connection; stay well below max_connections (100 by default).
THREADS = 40


def build_requests(places: int = PLACES, requests: int = REQUESTS):
    """The set-up shared with bench/bench_enrolment.py: one activity, many requests."""
    activity = ActivityFactory(capacity=places, title="Praattafel Drukte")
    newcomers = NewcomerFactory.create_batch(requests, email="")
    enrolments = [
        services.request_enrolment(newcomer=newcomer, activity=activity) for newcomer in newcomers
    ]
    return activity, enrolments


def confirm_concurrently(enrolments, threads: int = 50) -> list[Exception]:
    """Confirm every enrolment from a pool of threads released at the same moment."""
    errors: list[Exception] = []
    queue = list(enrolments)
    lock = threading.Lock()
    start = threading.Barrier(threads)

    def worker():
        start.wait()
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    enrolment = queue.pop()
                try:
                    services.confirm_enrolment(enrolment=enrolment)
                except Exception as exc:  # collected and asserted on by the caller
                    errors.append(exc)
        finally:
            connection.close()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_200_concurrent_confirmations_for_20_places_give_20_confirmed_and_180_waiting():
    activity, enrolments = build_requests()
    errors = confirm_concurrently(enrolments, threads=THREADS)
    assert errors == []
    statuses = list(Enrolment.objects.filter(activity=activity).values_list("status", flat=True))
    assert statuses.count(Enrolment.Status.CONFIRMED) == PLACES
    assert statuses.count(Enrolment.Status.WAITING) == REQUESTS - PLACES
