"""Benchmark of the coach dashboard (issue 4) with 5,000 newcomers in the coach's region.

Server time of GET /coach/ (through the whole middleware stack, in process), median of 30
requests; baseline: the bare health view (GET /health/, one SELECT 1). Target: ≤ 100 ms.
The caseload is varied: every status, hours, deadlines, enrolments in 150 activities
(some full with waiting lists), so every stuck flag has work to do.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from decimal import Decimal

from bench.bench_enrolment import django_test_database

NEWCOMERS, ACTIVITIES, REQUESTS = 5000, 150, 30
SEED = 20240401


def build_caseload():
    from django.utils import timezone

    from pnt.accounts.models import Role
    from pnt.offer.models import Activity
    from pnt.trajectories.models import Enrolment, Newcomer, Trajectory
    from tests.factories import ActivityFactory, ProviderFactory, region, user_with_role

    rng = random.Random(SEED)
    today = timezone.localdate()
    rivierenland = region("rivierenland")
    coach = user_with_role(Role.COACH, region=rivierenland)
    places = list(rivierenland.municipalities.all())
    providers = [ProviderFactory(municipality=rng.choice(places)) for _ in range(30)]
    ActivityFactory.create_batch(ACTIVITIES, provider=rng.choice(providers), capacity=12)
    activities = list(Activity.objects.values_list("pk", flat=True))
    newcomers = Newcomer.objects.bulk_create(
        Newcomer(
            first_name=f"Voornaam{i}",
            last_name=f"Familienaam{i}",
            municipality=rng.choice(places),
            birth_year=rng.randint(1960, 2005),
            coach=coach if rng.random() < 0.5 else None,
            obligation_start=today - dt.timedelta(days=rng.randint(0, 500)),
        )  # fmt: skip
        for i in range(NEWCOMERS)
    )
    statuses = ["searching"] * 3 + ["active"] * 4 + ["completed", "stopped", "intake"]
    trajectories = []
    for n in newcomers:
        status = rng.choice(statuses)
        hours = {"completed": 40, "active": rng.randint(1, 39)}.get(status, 0)
        trajectories.append(Trajectory(
            newcomer=n, status=status, hours=Decimal(hours),
            opened_on=today - dt.timedelta(days=rng.randint(0, 400)),
            last_attended_on=today - dt.timedelta(days=rng.randint(0, 90)) if hours else None,
            deadline=(today + dt.timedelta(days=rng.randint(-30, 365))
                      if rng.random() < 0.4 else None),
        ))  # fmt: skip
    Trajectory.objects.bulk_create(trajectories)
    enrolments = []
    for n in newcomers:
        for activity in rng.sample(activities, rng.choice([0, 1, 1, 2, 3])):
            state = rng.choice(["confirmed", "attending", "waiting", "requested", "finished"])
            enrolments.append(Enrolment(newcomer=n, activity_id=activity, status=state))
    Enrolment.objects.bulk_create(enrolments)
    return coach


def median_ms(client, url: str) -> float:
    client.get(url)  # warm caches and the session
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return statistics.median(times) * 1000


def run() -> dict[str, dict]:
    django_test_database()
    from django.test import Client, override_settings

    coach = build_caseload()
    client = Client()
    client.force_login(coach)
    # force_login has no second factor; measured as a coach who already passed it.
    with override_settings(PNT_STAFF_2FA=False):
        value = median_ms(client, "/coach/")
        filtered = median_ms(client, "/coach/?stuck=waiting_only&q=Voornaam1")
        baseline = median_ms(client, "/health/")
    return {
        "coach_dashboard_ms": {
            "value": value,
            "unit": "ms",
            "baseline": baseline,
            "ratio": value / baseline,
            "note": f"{NEWCOMERS} newcomers in the region; with filters {filtered:.1f} ms; "
            "target ≤ 100 ms",
        }
    }


if __name__ == "__main__":
    print(run())
