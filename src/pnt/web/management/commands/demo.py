"""`pnt demo`: migrate, load the geography, seed the demo region once, print the logins and
serve. Everything it does is also a command of its own."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand

from pnt.web.demo import DEMO_PASSWORD, existing_data, login_table


class Command(BaseCommand):
    help = "Set up the demo (migrate, geography, Rivierenland) and serve it."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="set up, print, then stop")

    def handle(self, *args, host: str, port: int, no_serve: bool, **options) -> None:
        self.stdout.write("Migrating the database…")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_geo", stdout=self.stdout)
        present = existing_data()
        if present:
            self.stdout.write("Demo data is already there; not seeding again.")
        else:
            call_command("seed", scale="region", stdout=self.stdout)
        self._print_logins(f"http://{host}:{port}/")
        if not no_serve:
            call_command("serve", host=host, port=port, stdout=self.stdout)

    def _print_logins(self, url: str) -> None:
        rows = login_table()
        width = max((len(row.username) for row in rows), default=8) + 2
        role_width = max((len(row.role) for row in rows), default=4) + 2
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo logins"))
        self.stdout.write(f"  {'username':<{width}}{'role':<{role_width}}scope")
        for row in rows:
            self.stdout.write(f"  {row.username:<{width}}{row.role:<{role_width}}{row.scope}")
        self.stdout.write(f"\n  Password for every login: {DEMO_PASSWORD}")
        self.stdout.write(f"  Open {url} and log in.\n")
