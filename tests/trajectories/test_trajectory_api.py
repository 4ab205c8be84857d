"""The trajectories API: the same services as the pages, scoped, errors with messages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from pnt.trajectories.models import ActivitySession, Enrolment, Newcomer
from tests.factories import NewcomerFactory

pytestmark = pytest.mark.django_db
API = "/api/trajectories"


def test_intake_via_api_and_duplicate_answer(coach, login):
    client = login(coach)
    body = {"first_name": "Olena", "last_name": "Shevchenko", "municipality_nis_code": "12025",
            "birth_year": 1988, "email": "olena@example.org", "availability": ["tue-evening"],
            "interests": ["music"], "mobility": "bike", "max_km": 8}  # fmt: skip
    response = client.post(f"{API}/newcomers", body, content_type="application/json")
    assert response.status_code == 201
    newcomer = Newcomer.objects.get(pk=response.json()["id"])
    assert newcomer.intake.mobility == "bike"
    again = client.post(f"{API}/newcomers", body, content_type="application/json")
    assert again.status_code == 409 and again.json()["matches"] == [newcomer.pk]
    bad = client.post(f"{API}/newcomers", {**body, "availability": ["someday"]},
                      content_type="application/json")  # fmt: skip
    assert bad.status_code == 400


def test_enrol_attend_and_read_the_trajectory(newcomer, activity, coach, provider_staff, login):
    client = login(coach)
    response = client.post(
        f"{API}/enrolments",
        {"newcomer_id": newcomer.pk, "activity_id": activity.pk, "confirm": True},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["status"] == "confirmed"
    double = client.post(
        f"{API}/enrolments", {"newcomer_id": newcomer.pk, "activity_id": activity.pk},
        content_type="application/json",
    )  # fmt: skip
    assert double.status_code == 400 and "already enrolled" in double.json()["detail"]

    session = ActivitySession.objects.create(
        activity=activity, date=timezone.localdate() - dt.timedelta(days=1),
        start=dt.time(18), end=dt.time(20),
    )  # fmt: skip
    staff = login(provider_staff)
    enrolment_id = response.json()["id"]
    over = staff.post(f"{API}/sessions/{session.pk}/attendance",
                      {"marks": [{"enrolment_id": enrolment_id, "status": "present", "hours": 3}]},
                      content_type="application/json")  # fmt: skip
    assert over.status_code == 400 and "more than the session lasts" in over.json()["detail"]
    sheet = staff.post(f"{API}/sessions/{session.pk}/attendance",
                       {"marks": [{"enrolment_id": enrolment_id, "status": "present"}]},
                       content_type="application/json")  # fmt: skip
    assert sheet.status_code == 200 and sheet.json()["lines"][0]["hours"] == "2.00"

    trajectory = client.get(f"{API}/newcomers/{newcomer.pk}/trajectory").json()["trajectory"]
    assert trajectory["status"] == "active" and trajectory["hours"] == "2.00"
    assert trajectory["hours_remaining"] == "38.00"


def test_enrolment_actions_via_api(newcomer, activity, provider_staff, login):
    enrolment = Enrolment.objects.create(newcomer=newcomer, activity=activity)
    client = login(provider_staff)
    confirmed = client.post(f"{API}/enrolments/{enrolment.pk}/confirm")
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    again = client.post(f"{API}/enrolments/{enrolment.pk}/confirm")
    assert again.status_code == 400
    assert client.post(f"{API}/enrolments/{enrolment.pk}/explode").status_code == 422


def test_counsellor_sees_only_their_newcomers(newcomer, counsellor, login):
    NewcomerFactory(first_name="Someone", last_name="Else")
    client = login(counsellor)
    ids = {item["id"] for item in client.get(f"{API}/newcomers").json()}
    assert ids == {newcomer.pk}
    caseload = {item["id"] for item in client.get(f"{API}/caseload").json()}
    assert caseload == {newcomer.pk}


def test_caseload_filter_via_api(coach, login):
    NewcomerFactory(first_name="Due", coach=coach)
    from pnt.trajectories.models import Trajectory

    Trajectory.objects.filter(newcomer__first_name="Due").update(
        deadline=timezone.localdate() + dt.timedelta(days=3)
    )
    NewcomerFactory(first_name="Calm", coach=coach)
    rows = login(coach).get(f"{API}/caseload", {"stuck": "deadline"}).json()
    assert [r["first_name"] for r in rows] == ["Due"] and rows[0]["flags"] == ["deadline"]


def test_move_via_api_removes_access(newcomer, coach, login):
    client = login(coach)
    response = client.post(
        f"{API}/newcomers/{newcomer.pk}/move",
        {"municipality_nis_code": "13040", "moved_on": "2025-05-01"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["still_visible"] is False
    assert client.get(f"{API}/newcomers/{newcomer.pk}").status_code == 404
