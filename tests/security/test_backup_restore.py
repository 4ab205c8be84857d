"""Backup and restore on PostgreSQL, as docs/security.md describes them: `pg_dump` of the
database, `pg_restore` into a new empty database, and every row of every table is back."""

from __future__ import annotations

import os
import shutil
import subprocess

import psycopg
import pytest
from django.apps import apps
from django.db import connection

from pnt.accounts.audit import record_access
from pnt.privacy.consent import record_consent
from tests.factories import UserFactory, VolunteerFactory
from tests.privacy.helpers import newcomer_with_history

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _conninfo(name: str) -> dict[str, str]:
    s = connection.settings_dict
    return {
        "host": s["HOST"] or "127.0.0.1", "port": str(s["PORT"] or 5432),
        "user": s["USER"] or "postgres", "dbname": name,
    }  # fmt: skip


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = connection.settings_dict["PASSWORD"]
    return env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed (Debian: postgresql-client)")
    return path


def _args(info: dict[str, str]) -> list[str]:
    return ["-h", info["host"], "-p", info["port"], "-U", info["user"]]


def _rows(cursor, table: str) -> list[tuple]:
    cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')  # noqa: S608 — our own table names
    return [tuple(str(value) for value in row) for row in cursor.fetchall()]


def _tables() -> list[str]:
    return sorted(
        {m._meta.db_table for m in apps.get_models() if m._meta.managed and not m._meta.proxy}
    )


@pytest.fixture
def restore_db():
    name = f"{connection.settings_dict['NAME']}_restore"
    info = _conninfo(name)
    subprocess.run([_tool("dropdb"), "--if-exists", *_args(info), name], env=_env(), check=True)  # noqa: S603
    subprocess.run([_tool("createdb"), *_args(info), name], env=_env(), check=True)  # noqa: S603
    yield info
    subprocess.run([_tool("dropdb"), "--if-exists", *_args(info), name], env=_env(), check=True)  # noqa: S603


def test_a_dump_restores_every_record(tmp_path, restore_db):
    staff = UserFactory()
    newcomer = newcomer_with_history()
    record_access(user=staff, action="view", obj=newcomer)
    record_consent(subject=VolunteerFactory(), purpose="buddy_volunteer")
    source = _conninfo(connection.settings_dict["NAME"])
    dump = tmp_path / "pnt.dump"
    subprocess.run(  # noqa: S603
        [_tool("pg_dump"), "--format=custom", "--no-owner", *_args(source), "-f", str(dump),
         source["dbname"]], env=_env(), check=True,
    )  # fmt: skip
    subprocess.run(  # noqa: S603
        [_tool("pg_restore"), "--no-owner", "--exit-on-error", *_args(restore_db),
         "-d", restore_db["dbname"], str(dump)], env=_env(), check=True,
    )  # fmt: skip
    with psycopg.connect(**restore_db) as restored, psycopg.connect(**source) as original:
        for table in _tables():
            with restored.cursor() as after, original.cursor() as before:
                rows = _rows(before, table)
                assert _rows(after, table) == rows, table
    with psycopg.connect(**restore_db) as restored:
        name = restored.execute(
            "SELECT first_name FROM trajectories_newcomer WHERE id = %s", [newcomer.pk]
        ).fetchone()
    assert name == ("Yasmina",)
