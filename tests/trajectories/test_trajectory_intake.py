"""Intake: a newcomer, the intake record, an open trajectory; duplicates are caught."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pnt.accounts.models import AuditEntry
from pnt.trajectories import services
from pnt.trajectories.errors import DuplicateNewcomer, TrajectoryError
from pnt.trajectories.models import Intake, Newcomer, Trajectory
from tests.factories import NewcomerFactory, municipality

pytestmark = pytest.mark.django_db


def details(**overrides):
    data = {
        "first_name": "Samir", "last_name": "Benali", "email": "samir@example.org",
        "municipality": municipality("12025"), "birth_year": 1991, "obliged": True,
        "working_or_studying": False, "interests": ["cooking"], "goals": ["meet_people"],
    }  # fmt: skip
    data.update(overrides)
    return data


def test_intake_creates_newcomer_intake_and_searching_trajectory(coach):
    newcomer = services.register_newcomer(
        by=coach,
        details=details(),
        answers={"talents": ["music"], "availability": ["tue-evening"], "max_km": 15,
                 "mobility": "bike", "childcare_needed": True, "cost_barrier": True},
    )  # fmt: skip
    intake = Intake.objects.get(newcomer=newcomer)
    assert intake.availability == ["tue-evening"] and intake.max_km == 15
    assert intake.childcare_needed and intake.cost_barrier and intake.held_by == coach
    assert newcomer.trajectory.status == Trajectory.Status.SEARCHING
    assert newcomer.trajectory.compulsory is True
    assert AuditEntry.objects.filter(object_id=str(newcomer.pk), action="create").exists()


@pytest.mark.parametrize(
    ("obliged", "working", "compulsory"),
    [(True, False, True), (True, True, False), (False, False, False)],
)
def test_pnt_is_compulsory_only_for_obliged_newcomers_not_working_or_studying(
    coach, obliged, working, compulsory
):
    newcomer = services.register_newcomer(
        by=coach, details=details(obliged=obliged, working_or_studying=working, email="")
    )
    assert newcomer.trajectory.compulsory is compulsory


def test_same_name_birth_year_and_municipality_is_a_duplicate(coach):
    existing = NewcomerFactory(
        first_name="Samir", last_name="Benali", birth_year=1991, email="other@example.org"
    )
    with pytest.raises(DuplicateNewcomer) as caught:
        services.register_newcomer(by=coach, details=details(first_name="samir", email=""))
    assert caught.value.matches == [existing]
    assert Newcomer.objects.count() == 1


def test_same_email_is_a_duplicate(coach):
    NewcomerFactory(first_name="Other", email="samir@example.org")
    with pytest.raises(DuplicateNewcomer):
        services.register_newcomer(by=coach, details=details(email="SAMIR@example.org"))


def test_a_checked_duplicate_can_still_be_registered(coach):
    NewcomerFactory(first_name="Samir", last_name="Benali", birth_year=1991)
    services.register_newcomer(by=coach, details=details(email=""), allow_duplicate=True)
    assert Newcomer.objects.filter(last_name="Benali").count() == 2


def test_an_impossible_birth_year_stores_nothing(coach):
    with pytest.raises(TrajectoryError, match="not possible"):
        services.register_newcomer(by=coach, details=details(birth_year=1850))
    assert not Newcomer.objects.exists()


def test_intake_page_warns_about_a_duplicate_and_saves_after_the_check(coach, login):
    NewcomerFactory(first_name="Samir", last_name="Benali", birth_year=1991, email="x@example.org")
    client = login(coach)
    form = {
        "first_name": "Samir", "last_name": "Benali", "municipality": municipality("12025").pk,
        "birth_year": "1991", "preferred_language": "ar", "dutch_level": "1", "obliged": "on",
        "mobility": "walk", "max_km": "5", "availability": ["mon-morning", "thu-evening"],
        "interests": ["cooking", "music"],
    }  # fmt: skip
    response = client.post(reverse("intake_new"), form)
    assert response.status_code == 200
    assert "may already be on record" in response.content.decode()
    assert Newcomer.objects.filter(last_name="Benali").count() == 1
    response = client.post(reverse("intake_new"), {**form, "allow_duplicate": "on"})
    assert response.status_code == 302
    newcomer = Newcomer.objects.filter(last_name="Benali").latest("pk")
    assert newcomer.intake.availability == ["mon-morning", "thu-evening"]
    assert newcomer.preferred_language == "ar"


def test_intake_page_rejects_an_impossible_date(coach, login):
    response = login(coach).post(
        reverse("intake_new"),
        {"first_name": "A", "last_name": "B", "municipality": municipality("12025").pk,
         "preferred_language": "nl", "dutch_level": "0", "mobility": "walk", "max_km": "5",
         "obligation_start": "2025-02-30"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not Newcomer.objects.exists()
    assert "has-error" in response.content.decode()


def test_days_until_pnt_start_counts_from_the_obligation(newcomer):
    trajectory = newcomer.trajectory
    newcomer.obligation_start = dt.date(2025, 1, 1)
    trajectory.pnt_started_on = dt.date(2025, 3, 2)
    assert trajectory.days_until_start == 60


def test_days_waiting_while_not_started(newcomer):
    newcomer.obligation_start = timezone.localdate() - dt.timedelta(days=10)
    assert newcomer.trajectory.days_waiting == 10
