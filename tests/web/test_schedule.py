"""Periodic jobs: enqueued when due, once per period, never twice for one period."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from pnt.web import schedule
from pnt.web.models import ScheduledRun

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(dt.datetime(2026, 11, 23, 9, 0))


@pytest.fixture
def enqueued(monkeypatch, settings):
    settings.PNT_SCHEDULE = {
        "hourly": ("tests.web.test_schedule.fake_hourly", 3600),
        "daily": ("tests.web.test_schedule.fake_daily", 86400),
    }
    calls: list[str] = []

    class FakeTask:
        def __init__(self, name: str) -> None:
            self.name = name

        def enqueue(self) -> None:
            calls.append(self.name)

    monkeypatch.setattr(schedule, "import_string", lambda path: FakeTask(path.split("_")[-1]))
    return calls


def test_every_job_runs_the_first_time(enqueued):
    assert schedule.enqueue_due(NOW) == ["daily", "hourly"]
    assert sorted(enqueued) == ["daily", "hourly"]


def test_a_job_waits_for_its_period(enqueued):
    schedule.enqueue_due(NOW)
    assert schedule.enqueue_due(NOW + dt.timedelta(minutes=59)) == []
    assert schedule.enqueue_due(NOW + dt.timedelta(minutes=60)) == ["hourly"]
    assert ScheduledRun.objects.get(name="daily").last_enqueued_at == NOW


def test_the_configured_jobs_name_real_tasks():
    from django.utils.module_loading import import_string

    for job in schedule.jobs():
        assert hasattr(import_string(job.task_path), "enqueue"), job.name


def test_the_scheduler_command_runs_once(enqueued):
    out = StringIO()
    call_command("scheduler", once=True, stdout=out)
    assert "enqueued daily" in out.getvalue() and "enqueued hourly" in out.getvalue()
