"""Benchmark of the public catalogue search (issue 3) on a Flanders-scale offer.

20,000 activities of 2,000 providers over every Flemish municipality (plus 6,000 newcomers
with 20,000 enrolments, so "places left" has work to do), in a throw-away PostgreSQL test
database. A real server (gunicorn, one sync worker, on a free port of 127.0.0.1) answers a
filtered search page — distance from Mechelen, two kinds of activity, a Dutch level, places
left, sorted by distance — and a bare Django view on the same server (`/bench/bare/`, only in
the bench URLconf). Measures: the median time of the search page and its ratio to the bare
view, both timed by the client on the loopback interface, one request at a time.
Targets: catalogue_search_ms ≤ 50; catalogue_vs_bare_ratio ≤ 3.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from bench.bench_enrolment import django_test_database

ACTIVITIES, PROVIDERS, NEWCOMERS, ENROLMENTS, REQUESTS = 20_000, 2_000, 6_000, 20_000, 60
SEED = 20250301
SEARCH = (
    "/catalogus/?municipality=12025&km=15&type=conversation_table&type=samen_doen"
    "&level=2&places=on&sort=distance"
)
PROJECT = Path(__file__).resolve().parent.parent


def build_offer() -> None:
    from django.utils import timezone

    from pnt.geo.models import Municipality
    from pnt.offer.models import Activity, Provider, new_external_id
    from pnt.offer.vocabulary import ActivityType, Goal, Theme
    from pnt.trajectories.models import Enrolment, Newcomer

    rng = random.Random(SEED)
    today = timezone.localdate()
    places = list(Municipality.objects.current().exclude(latitude=None))
    providers = Provider.objects.bulk_create(
        Provider(name=f"Organisatie {i}", kind="association", municipality=rng.choice(places))
        for i in range(PROVIDERS)
    )
    themes, goals, types = Theme.values, Goal.values, ActivityType.values
    activities = []
    for i in range(ACTIVITIES):
        provider = rng.choice(providers)
        where = provider.municipality if rng.random() < 0.8 else rng.choice(places)
        weekly = rng.random() < 0.7
        start = rng.randint(8, 20)
        activities.append(Activity(
            provider=provider, external_id=new_external_id(), title=f"Activiteit {i}",
            description="Samen iets doen en Nederlands praten.", type=rng.choice(types),
            themes=rng.sample(themes, 2), goals=rng.sample(goals, 2),
            dutch_level=rng.randint(0, 4), municipality=where,
            latitude=where.latitude + rng.uniform(-0.02, 0.02),
            longitude=where.longitude + rng.uniform(-0.03, 0.03),
            schedule_kind="weekly" if weekly else "appointment",
            weekday=rng.randint(0, 6) if weekly else None,
            start_time=dt.time(start) if weekly else None,
            end_time=dt.time(start + 2) if weekly else None,
            start_date=today - dt.timedelta(days=rng.randint(0, 200)),
            end_date=today + dt.timedelta(days=rng.randint(10, 300)),
            capacity=rng.randint(4, 20), hours_per_session=Decimal(2),
            price_kind=rng.choice(["free", "free", "paid", "uitpas"]),
            price_eur=Decimal(5), price_uitpas_eur=Decimal(1),
            childcare=rng.random() < 0.2, family_friendly=rng.random() < 0.3,
            status=rng.choice(["published"] * 8 + ["draft", "paused"]),
            validated_at=timezone.now(),
        ))  # fmt: skip
    Activity.objects.bulk_create(activities, batch_size=2000)
    newcomers = Newcomer.objects.bulk_create(
        Newcomer(first_name=f"V{i}", last_name=f"F{i}", municipality=rng.choice(places))
        for i in range(NEWCOMERS)
    )
    ids = list(Activity.objects.values_list("pk", flat=True))
    pairs = {(rng.choice(newcomers).pk, rng.choice(ids)) for _ in range(ENROLMENTS)}
    states = ["confirmed", "attending", "waiting", "offered", "finished"]
    Enrolment.objects.bulk_create(
        (Enrolment(newcomer_id=n, activity_id=a, status=rng.choice(states)) for n, a in pairs),
        batch_size=5000,
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(database_url: str) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.catalogue_settings",
        "PYTHONPATH": str(PROJECT),
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "pnt.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "1",
         "--log-level", "warning"],
        env=env, cwd=PROJECT,
    )  # fmt: skip
    for _ in range(100):
        try:
            _get(port, "/bench/bare/")
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the benchmark server did not start")


def _get(port: int, path: str) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    if path.startswith(("/catalogus/", "/bench/bare-search/")) and b"offer-card" not in body:
        raise RuntimeError("the search found nothing: the benchmark would measure an empty page")
    return elapsed


def run() -> dict[str, dict]:
    django_test_database()
    from django.db import connection

    build_offer()
    db = connection.settings_dict
    url = (f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}"
           f":{db['PORT'] or 5432}/{db['NAME']}")  # fmt: skip
    server, port = _start_server(url)
    try:
        for _ in range(5):  # warm up: imports, template loading, connections
            _get(port, SEARCH)
            _get(port, "/bench/bare/")
        bare_search_path = SEARCH.replace("/catalogus/", "/bench/bare-search/")
        _get(port, bare_search_path)
        search, bare, hello = [], [], []
        for _ in range(REQUESTS):  # interleaved, so drift hits all alike
            search.append(_get(port, SEARCH))
            bare.append(_get(port, bare_search_path))
            hello.append(_get(port, "/bench/bare/"))
    finally:
        server.terminate()
        server.wait(timeout=10)
    search_ms = statistics.median(search) * 1000
    bare_ms = statistics.median(bare) * 1000
    hello_ms = statistics.median(hello) * 1000
    note = f"{ACTIVITIES} activities; median of {REQUESTS}; gunicorn, 1 worker"
    return {
        "catalogue_search_ms": {
            "value": search_ms, "unit": "ms", "baseline": bare_ms, "ratio": search_ms / bare_ms,
            "note": note + "; target <= 50 ms",
        },
        "catalogue_vs_bare_ratio": {
            "value": search_ms / bare_ms, "unit": "ratio", "baseline": bare_ms,
            "ratio": search_ms / bare_ms,
            "note": "search page / bare Django view running the same search; target <= 3",
        },
        "catalogue_vs_hello_ratio": {
            "value": search_ms / hello_ms, "unit": "ratio", "baseline": hello_ms,
            "ratio": search_ms / hello_ms,
            "note": "search page / the cheapest Django response (no query at all)",
        },
    }  # fmt: skip


if __name__ == "__main__":
    for name, measure in run().items():
        print(name, measure)
