"""`make load`: 100 simulated people for 2 minutes against gunicorn + PostgreSQL on loopback.

1. Prepares the load database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/
   pnt_load): migrate, reference geography, the demo region, the load plan (prepare.py).
2. Starts gunicorn on 127.0.0.1 (PNT_LOAD_PORT, default 8765; PNT_LOAD_WORKERS workers).
3. Runs locust headless (locustfile.py): catalogue searches, enrolments, attendance.
4. Prints the error rate and the 50th/95th percentiles, and stops everything.

Only loopback is ever targeted; the run is bounded in users and time.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
USERS = int(os.environ.get("PNT_LOAD_USERS", "100"))
DURATION = os.environ.get("PNT_LOAD_TIME", "2m")
PORT = int(os.environ.get("PNT_LOAD_PORT", "8765"))
WORKERS = int(os.environ.get("PNT_LOAD_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
HOST = f"http://127.0.0.1:{PORT}"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pnt_load")
    env.setdefault("PNT_VAR_DIR", str(Path(tempfile.gettempdir()) / "pnt_load"))
    # The load users authenticate with API tokens; the second factor (a one-off step after
    # a password login) is not part of what is measured here.
    env["PNT_STAFF_2FA"] = "false"
    env.setdefault("LOG_LEVEL", "WARNING")
    return env


def _pnt(*args: str, env: dict[str, str]) -> None:
    subprocess.run([PYTHON, "-m", "pnt.cli", *args], env=env, check=True)  # noqa: S603


def prepare(env: dict[str, str], plan: Path) -> None:
    name = env["DATABASE_URL"].rsplit("/", 1)[-1]
    server = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    _pnt("migrate", "--verbosity", "0", env=env)
    _pnt("load_geo", env=env)
    _pnt("seed", "--scale", "region", env=env)
    _pnt("collectstatic", "--no-input", "--verbosity", "0", env=env)
    subprocess.run([PYTHON, str(HERE / "prepare.py"), str(plan)], env=env, check=True)  # noqa: S603


def serve(env: dict[str, str]) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603
        [PYTHON, "-m", "gunicorn", "pnt.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
         "--workers", str(WORKERS), "--log-level", "warning"],
        env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"{HOST}/health/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("gunicorn did not come up")


def load(env: dict[str, str], plan: Path, out: Path) -> None:
    subprocess.run(  # noqa: S603
        [PYTHON, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless",
         "--host", HOST, "--users", str(USERS), "--spawn-rate", "20", "--run-time", DURATION,
         "--stop-timeout", "10", "--csv", str(out), "--only-summary", "--loglevel", "WARNING"],
        env={**env, "PNT_LOAD_PLAN": str(plan)}, check=False,
    )  # fmt: skip


def report(out: Path) -> int:
    with open(f"{out}_stats.csv") as handle:
        rows = list(csv.DictReader(handle))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    requests, failures = int(total["Request Count"]), int(total["Failure Count"])
    p50, p95 = float(total["50%"]), float(total["95%"])
    rate = failures / requests if requests else 1.0
    print(f"\n{'request':<52}{'count':>8}{'fail':>6}{'p50 ms':>9}{'p95 ms':>9}")
    for row in rows:
        print(f"{row['Type'] + ' ' + row['Name']:<52}{row['Request Count']:>8}"
              f"{row['Failure Count']:>6}{row['50%']:>9}{row['95%']:>9}")  # fmt: skip
    print(
        f"\n{USERS} users, {DURATION}: {requests} requests, error rate {rate:.2%}, "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms (target: 0 errors, p95 <= 300 ms)"
    )
    return 0 if failures == 0 and p95 <= 300 else 1


def main() -> int:
    env = _env()
    workdir = Path(env["PNT_VAR_DIR"])
    workdir.mkdir(parents=True, exist_ok=True)
    plan, out = workdir / "load_plan.json", workdir / "load"
    prepare(env, plan)
    server = serve(env)
    try:
        load(env, plan, out)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return report(out)


if __name__ == "__main__":
    raise SystemExit(main())
