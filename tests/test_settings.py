"""Settings read from the environment: bad values stop start-up with a clear message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from pnt.settings import database_from_env, envint


def test_database_url_without_a_scheme_is_malformed():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL is malformed: 'not-a-url'"):
        database_from_env("not-a-url")


def test_postgres_url_without_a_database_name_says_so():
    with pytest.raises(ImproperlyConfigured, match="has no database name"):
        database_from_env("postgres://")


def test_unsupported_database_is_named_with_the_supported_ones():
    with pytest.raises(ImproperlyConfigured, match="unsupported database 'mysqlx'.*PostgreSQL"):
        database_from_env("mysqlx://user@db.example:33060/pnt")


def test_database_url_with_a_bad_port_is_malformed():
    with pytest.raises(ImproperlyConfigured, match="malformed"):
        database_from_env("postgres://pnt@127.0.0.1:port/pnt")


def test_error_message_never_shows_the_database_password():
    with pytest.raises(ImproperlyConfigured) as error:
        database_from_env("postgres://pnt:s3cret-passw0rd@127.0.0.1:port/pnt")
    assert "s3cret-passw0rd" not in str(error.value)


def test_postgres_url_is_understood():
    config = database_from_env("postgres://pnt:pw@db.example:5433/pnt")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("pnt", "db.example", 5433)


def test_no_database_url_means_the_sqlite_file_under_var():
    config = database_from_env(None)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert str(config["NAME"]).endswith("pnt.sqlite3")


def test_envint_names_the_variable_holding_a_non_number(monkeypatch):
    monkeypatch.setenv("EMAIL_PORT", "twenty-five")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT must be a whole number"):
        envint("EMAIL_PORT", "25")


def test_envint_reads_a_number(monkeypatch):
    monkeypatch.setenv("EMAIL_PORT", "587")
    assert envint("EMAIL_PORT", "25") == 587
