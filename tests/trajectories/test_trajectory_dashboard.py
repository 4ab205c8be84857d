"""The coach dashboard: caseload, filters, who is stuck, notes; a constant number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pnt.trajectories import queries, services
from pnt.trajectories.models import CoachNote, Trajectory
from tests.factories import NewcomerFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def newcomer_opened(days_ago: int, **kwargs):
    newcomer = NewcomerFactory(**kwargs)
    Trajectory.objects.filter(newcomer=newcomer).update(
        opened_on=TODAY - dt.timedelta(days=days_ago)
    )
    return newcomer


def flags(user, **rules):
    rows = queries.caseload(user, rules=queries.StuckRules(**rules))
    return {n.first_name: {k for k in queries.STUCK_KINDS if getattr(n, f"flag_{k}")} for n in rows}


def test_stuck_rules(coach, activity):
    newcomer_opened(40, first_name="Nothing")
    newcomer_opened(5, first_name="Fresh")
    waiting = newcomer_opened(40, first_name="Waiting")
    full = activity
    for n in NewcomerFactory.create_batch(2):
        services.confirm_enrolment(enrolment=services.request_enrolment(newcomer=n, activity=full))
    services.confirm_enrolment(
        enrolment=services.request_enrolment(newcomer=waiting, activity=full)
    )
    stale = newcomer_opened(90, first_name="Stale")
    Trajectory.objects.filter(newcomer=stale).update(
        status="active", hours=6, last_attended_on=TODAY - dt.timedelta(weeks=6)
    )
    due = newcomer_opened(5, first_name="Due")
    Trajectory.objects.filter(newcomer=due).update(deadline=TODAY + dt.timedelta(days=10))

    result = flags(coach)
    assert result["Nothing"] == {"no_activity"}
    assert result["Fresh"] == set()
    assert result["Waiting"] == {"no_activity", "waiting_only"}
    assert "no_hours" in result["Stale"]
    assert result["Due"] == {"deadline"}
    assert flags(coach, deadline_days=5)["Due"] == set()


def test_dashboard_filters_by_stuck_kind(coach, login):
    newcomer_opened(40, first_name="Nothing", coach=coach)
    newcomer_opened(5, first_name="Fresh", coach=coach)
    html = login(coach).get(reverse("coach_dashboard"), {"stuck": "no_activity"}).content.decode()
    assert "Nothing" in html and "Fresh" not in html


def test_dashboard_queries_do_not_grow_with_the_caseload(coach, login):
    client = login(coach)
    NewcomerFactory.create_batch(3, coach=coach)
    client.get(reverse("coach_dashboard"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("coach_dashboard"))
    NewcomerFactory.create_batch(20, coach=coach)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("coach_dashboard"))
    assert len(many) == len(few)
    assert len(few) <= 10


def test_notes_keep_author_and_time(newcomer, coach, login):
    response = login(coach).post(
        reverse("note_add", args=[newcomer.pk]), {"text": "Belt volgende week terug."},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    assert response.status_code == 200
    note = CoachNote.objects.get()
    assert note.author == coach and note.created_at
    assert "Belt volgende week terug." in response.content.decode()
    assert str(coach) in response.content.decode()


def test_provider_staff_have_no_caseload(provider_staff, login):
    assert login(provider_staff).get(reverse("coach_dashboard")).status_code == 404
