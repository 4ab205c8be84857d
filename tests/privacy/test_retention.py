"""Automatic anonymisation N months after the end: command, task and the schedule."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from pnt.buddies.models import Pair, Volunteer
from pnt.privacy.anonymise import ANONYMOUS, anonymise_expired, months_before
from pnt.privacy.models import Anonymisation
from pnt.trajectories.models import Newcomer, Trajectory
from tests.factories import NewcomerFactory, VolunteerFactory
from tests.privacy.helpers import newcomer_with_history

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 6, 15)


def _ended(months_ago: int, days: int = 0) -> dt.date:
    return months_before(TODAY, months_ago) - dt.timedelta(days=days)


def _name(newcomer) -> str:
    return Newcomer.objects.get(pk=newcomer.pk).first_name


def test_a_trajectory_ended_more_than_24_months_ago_is_anonymised():
    old = newcomer_with_history(ended_on=_ended(24, days=1))
    assert anonymise_expired(today=TODAY) == {"newcomers": 1, "volunteers": 0}
    assert _name(old) == ANONYMOUS
    assert Anonymisation.objects.get().reason == "retention"


def test_a_trajectory_ended_less_than_24_months_ago_stays():
    recent = newcomer_with_history(ended_on=_ended(23))
    assert anonymise_expired(today=TODAY)["newcomers"] == 0
    assert _name(recent) == "Yasmina"


def test_an_open_trajectory_stays_however_old():
    open_one = NewcomerFactory(first_name="Bohdan")
    Trajectory.objects.filter(newcomer=open_one).update(opened_on=dt.date(2015, 1, 1))
    anonymise_expired(today=TODAY)
    assert _name(open_one) == "Bohdan"


def test_attendance_after_the_end_counts_as_the_end():
    newcomer = newcomer_with_history(ended_on=_ended(30))
    Trajectory.objects.filter(newcomer=newcomer).update(last_attended_on=_ended(12))
    anonymise_expired(today=TODAY)
    assert _name(newcomer) == "Yasmina"


def test_the_retention_period_is_a_setting(settings):
    settings.PNT_RETENTION_MONTHS = 6
    newcomer = newcomer_with_history(ended_on=_ended(7))
    anonymise_expired(today=TODAY)
    assert _name(newcomer) == ANONYMOUS


def test_a_running_buddy_pair_postpones_anonymisation():
    newcomer = newcomer_with_history(ended_on=_ended(30))
    Pair.objects.filter(newcomer=newcomer).update(status="active")
    anonymise_expired(today=TODAY)
    assert _name(newcomer) == "Yasmina"


def test_a_volunteer_who_stopped_long_ago_is_anonymised():
    changed = timezone.make_aware(dt.datetime.combine(_ended(25), dt.time(12)))
    stopped = VolunteerFactory(first_name="Xander", status="stopped", status_changed_at=changed)
    active = VolunteerFactory(first_name="Veerle", status_changed_at=changed)
    assert anonymise_expired(today=TODAY)["volunteers"] == 1
    assert Volunteer.objects.get(pk=stopped.pk).first_name == ANONYMOUS
    assert Volunteer.objects.get(pk=active.pk).first_name == "Veerle"


def test_running_it_again_changes_nothing():
    newcomer_with_history(ended_on=_ended(30))
    anonymise_expired(today=TODAY)
    assert anonymise_expired(today=TODAY) == {"newcomers": 0, "volunteers": 0}
    assert Anonymisation.objects.count() == 1


def test_the_command_reports_what_it_did():
    newcomer_with_history(ended_on=_ended(30))
    out = StringIO()
    call_command("anonymise_expired", "--today", TODAY.isoformat(), stdout=out)
    assert "Anonymised 1 newcomers and 0 volunteers (retention 24 months)." in out.getvalue()


def test_the_dry_run_changes_nothing():
    newcomer = newcomer_with_history(ended_on=_ended(30))
    out = StringIO()
    call_command("anonymise_expired", "--dry-run", "--today", TODAY.isoformat(), stdout=out)
    assert "Would anonymise 1 newcomers" in out.getvalue()
    assert _name(newcomer) == "Yasmina"


def test_the_task_anonymises(monkeypatch):
    from pnt.privacy import tasks

    newcomer = newcomer_with_history(ended_on=timezone.localdate() - dt.timedelta(days=800))
    result = tasks.anonymise_expired.enqueue()
    assert result.return_value == {"newcomers": 1, "volunteers": 0}
    assert _name(newcomer) == ANONYMOUS


def test_the_task_is_scheduled_daily(settings):
    path, seconds = settings.PNT_SCHEDULE["anonymise_expired"]
    assert path == "pnt.privacy.tasks.anonymise_expired" and seconds == 24 * 60 * 60
