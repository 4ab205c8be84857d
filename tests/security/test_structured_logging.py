"""Structured logs: one JSON object per line, with the `extra` fields as keys."""

from __future__ import annotations

import json
import logging

from pnt.privacy.logs import JsonFormatter


def _record(**extra) -> logging.LogRecord:
    record = logging.LogRecord("pnt.privacy", logging.INFO, __file__, 1, "run %s", ("x",), None)
    record.__dict__.update(extra)
    return record


def test_a_record_is_one_json_line():
    line = JsonFormatter().format(_record(newcomer_id=7))
    document = json.loads(line)
    assert "\n" not in line
    assert document["level"] == "INFO" and document["logger"] == "pnt.privacy"
    assert document["message"] == "run x" and document["newcomer_id"] == 7
    assert document["time"].endswith("+00:00")


def test_an_exception_is_kept_in_the_object():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = _record()
        record.exc_info = sys.exc_info()
    document = json.loads(JsonFormatter().format(record))
    assert "ValueError: boom" in document["exception"]


def test_production_logs_json_by_default(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PNT_", "LOG_"))}
    env.update(PNT_PRODUCTION="true", SECRET_KEY="x" * 50, PNT_VAR_DIR=str(tmp_path),
               DJANGO_SETTINGS_MODULE="pnt.settings")  # fmt: skip
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('pnt.test').warning('hello', extra={'user_id': 3})"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    document = json.loads(result.stderr.strip().splitlines()[-1])
    assert document["message"] == "hello" and document["user_id"] == 3
