"""`pnt check --deploy` is clean with production settings: DEBUG off, a real secret key,
the host names, PNT_PRODUCTION on (secure cookies, HSTS, SSL redirect)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys


def _production_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PNT_"))}
    env.update(
        DEBUG="false",
        PNT_PRODUCTION="true",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="pnt.example.be",
        CSRF_TRUSTED_ORIGINS="https://pnt.example.be",
        PNT_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="pnt.settings",
    )
    return env


def _check(env) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 — our interpreter, fixed arguments
        [sys.executable, "-m", "pnt.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_deploy_check_has_no_warnings_in_production(tmp_path):
    result = _check(_production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_warns_without_production_settings(tmp_path):
    env = _production_env(tmp_path)
    env["PNT_PRODUCTION"] = "false"
    result = _check(env)
    assert result.returncode != 0
    assert "SESSION_COOKIE_SECURE" in result.stdout + result.stderr


def test_production_cookies_are_secure(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0, s.PNT_STAFF_2FA)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=_production_env(tmp_path), capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    assert result.stdout.split() == ["True"] * 6
