"""`pnt serve`: collect the static files, start the background worker and the scheduler,
then serve pnt with gunicorn (or runserver).

The worker (`pnt db_worker`) sends the e-mails and runs the tasks; the scheduler (`pnt
scheduler`) enqueues the periodic ones (offer expiry, reminders). Both are child processes
of this one and stop with it (Ctrl-C reaches the whole process group; a plain kill of the
server reaches them through Linux's parent-death signal). In production run
them as their own services instead and pass --no-worker.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections


def _stop_with_parent() -> None:
    """In the child, before it starts: ask Linux for SIGTERM when this process (gunicorn
    after the exec) dies, so a `kill` of the server does not leave the helpers behind."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


class Command(BaseCommand):
    help = "Serve pnt with gunicorn on HOST:PORT (--dev: Django's development server)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
        parser.add_argument("--dev", action="store_true", help="use Django's runserver")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start the background worker and the scheduler",
        )

    def handle(
        self, *args, host: str, port: int, workers: int, dev: bool, no_worker: bool, **options
    ) -> None:
        if not 0 < port < 65536:
            raise CommandError(f"--port must be between 1 and 65535, not {port}.")
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        if host not in settings.ALLOWED_HOSTS and host not in ("0.0.0.0", "::"):  # noqa: S104
            self.stderr.write(f"Note: {host} is not in ALLOWED_HOSTS; set ALLOWED_HOSTS={host}.")
        # Static files are served by whitenoise from STATIC_ROOT, also in development.
        call_command("collectstatic", interactive=False, verbosity=0)
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if not no_worker:
            self.start_background()
        if dev:
            call_command("runserver", bind, use_reloader=True)
            return
        self.stdout.write(f"Serving on http://{bind}/ with gunicorn ({workers} workers).")
        self.stdout.flush()
        # The gunicorn workers open their own connections; hand none over through exec.
        connections.close_all()
        argv = [
            sys.executable, "-m", "gunicorn", "pnt.wsgi:application",
            "--bind", bind, "--workers", str(workers), "--access-logfile", "-",
        ]  # fmt: skip
        os.execv(sys.executable, argv)  # noqa: S606 — our own interpreter, fixed arguments

    def start_background(self) -> list[subprocess.Popen]:
        """The task worker and the scheduler, as children that share our process group."""
        started = []
        for command in (["db_worker"], ["scheduler"]):
            argv = [sys.executable, "-m", "pnt.cli", *command]
            started.append(
                subprocess.Popen(argv, preexec_fn=_stop_with_parent)  # noqa: S603, PLW1509
            )
        self.stdout.write("Background worker and scheduler started.")
        return started
