"""Erasure on request and anonymisation: personal data go, every figure stays.

Runs on SQLite and on PostgreSQL (DATABASE_URL=postgres://…)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Count, Sum

from pnt.accounts.models import AuditEntry
from pnt.buddies.models import Evaluation, FollowUp, Meeting, Pair, Volunteer
from pnt.privacy.anonymise import ANONYMOUS, anonymise_newcomer, anonymise_volunteer
from pnt.privacy.errors import PrivacyError
from pnt.privacy.models import Anonymisation
from pnt.trajectories.models import (
    Attendance,
    CoachNote,
    Enrolment,
    Intake,
    Move,
    Newcomer,
    Notification,
    ParticipationProof,
    Trajectory,
)
from tests.factories import NewcomerFactory, VolunteerFactory
from tests.privacy.helpers import newcomer_with_history

pytestmark = pytest.mark.django_db
REQUEST = Anonymisation.Reason.REQUEST


def _figures() -> dict:
    """What reports count: hours, sessions, enrolments, meetings, trajectories by status."""
    return {
        "hours": Attendance.objects.aggregate(h=Sum("hours"))["h"],
        "attendances": Attendance.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "meeting_hours": Meeting.objects.aggregate(h=Sum("hours"))["h"],
        "by_status": dict(Trajectory.objects.values_list("status").annotate(n=Count("pk"))),
        "trajectory_hours": Trajectory.objects.aggregate(h=Sum("hours"))["h"],
        "newcomers_by_municipality": dict(
            Newcomer.objects.values_list("municipality").annotate(n=Count("pk"))
        ),
        "pairs": dict(Pair.objects.values_list("status").annotate(n=Count("pk"))),
    }


def test_erasure_removes_names_and_contact_details():
    newcomer = newcomer_with_history()
    anonymise_newcomer(newcomer=newcomer, reason=REQUEST)
    newcomer.refresh_from_db()
    assert (newcomer.first_name, newcomer.last_name) == (ANONYMOUS, f"#{newcomer.pk}")
    assert (newcomer.email, newcomer.phone, newcomer.gender) == ("", "", "")
    assert newcomer.languages == [] and newcomer.interests == []
    assert newcomer.birth_year == 1980  # the decade only


def test_erasure_removes_free_text_everywhere():
    newcomer = newcomer_with_history()
    anonymise_newcomer(newcomer=newcomer, reason=REQUEST)
    assert not CoachNote.objects.filter(newcomer=newcomer).exists()
    assert Intake.objects.get(newcomer=newcomer).notes == ""
    assert Move.objects.get(newcomer=newcomer).note == ""
    assert Trajectory.objects.get(newcomer=newcomer).next_action == ""
    assert Enrolment.objects.get(newcomer=newcomer).close_reason == ""
    pair = Pair.objects.get(newcomer=newcomer)
    assert pair.conversation_note == ""
    assert Meeting.objects.get(pair=pair).what == ""
    assert FollowUp.objects.get(pair=pair).note == ""
    assert Evaluation.objects.get(pair=pair).comment == ""
    assert not Notification.objects.filter(enrolment__newcomer=newcomer).exists()


def test_no_trace_of_the_name_is_left_in_the_database():
    newcomer = newcomer_with_history()
    anonymise_newcomer(newcomer=newcomer, reason=REQUEST)
    from tests.privacy.dump import database_text

    text = database_text()
    assert "Yasmina" not in text and "Haddad" not in text and "yasmina@" not in text


def test_erasure_keeps_every_figure():
    newcomer = newcomer_with_history()
    NewcomerFactory()  # somebody else, untouched
    before = _figures()
    anonymise_newcomer(newcomer=newcomer, reason=REQUEST)
    assert _figures() == before
    assert Trajectory.objects.get(newcomer=newcomer).hours == Decimal("6")


def test_signed_paper_is_deleted_from_storage():
    newcomer = newcomer_with_history()
    proof = ParticipationProof.objects.get(newcomer=newcomer)
    storage, name = proof.signed_paper.storage, proof.signed_paper.name
    assert storage.exists(name)
    with pytest.MonkeyPatch.context() as patch:
        # Tests run inside a transaction that never commits: run on_commit callbacks now.
        from django.db import transaction

        patch.setattr(transaction, "on_commit", lambda func, **kw: func())
        anonymise_newcomer(newcomer=newcomer, reason=REQUEST)
    assert not storage.exists(name)
    assert ParticipationProof.objects.get(pk=proof.pk).signed_paper.name == ""


def test_erasure_is_refused_while_the_trajectory_is_open():
    newcomer = NewcomerFactory(first_name="Bohdan")
    with pytest.raises(PrivacyError, match="still open"):
        anonymise_newcomer(newcomer=newcomer, reason=REQUEST)
    newcomer.refresh_from_db()
    assert newcomer.first_name == "Bohdan"
    assert not Anonymisation.objects.exists()


def test_erasure_happens_once_and_is_recorded():
    newcomer = newcomer_with_history()
    assert anonymise_newcomer(newcomer=newcomer, reason=REQUEST) is True
    assert anonymise_newcomer(newcomer=newcomer, reason=REQUEST) is False
    record = Anonymisation.objects.get()
    assert (record.subject_type, record.subject_id, record.reason) == (
        "trajectories.newcomer", str(newcomer.pk), "request",
    )  # fmt: skip
    assert AuditEntry.objects.filter(action="delete", object_id=str(newcomer.pk)).count() == 1


def test_volunteer_erasure_removes_identity_and_keeps_the_pairs():
    volunteer = VolunteerFactory(
        first_name="Veerle", phone="015 12 34 56", motivation="Ik ken de stad.", status="stopped"
    )
    newcomer_with_history(volunteer=volunteer)
    anonymise_volunteer(volunteer=volunteer, reason=REQUEST)
    volunteer.refresh_from_db()
    assert (volunteer.first_name, volunteer.email, volunteer.phone) == (ANONYMOUS, "", "")
    assert volunteer.motivation == "" and volunteer.interests == []
    assert Pair.objects.filter(volunteer=volunteer).count() == 1
    assert Meeting.objects.get(pair__volunteer=volunteer).hours == Decimal("1.5")


def test_volunteer_with_a_running_pair_is_not_erased():
    volunteer = VolunteerFactory(first_name="Veerle")
    newcomer = newcomer_with_history(volunteer=volunteer)
    Pair.objects.filter(newcomer=newcomer).update(status="active")
    with pytest.raises(PrivacyError, match="running pair"):
        anonymise_volunteer(volunteer=volunteer, reason=REQUEST)
    assert Volunteer.objects.get(pk=volunteer.pk).first_name == "Veerle"


def test_anonymisation_is_all_or_nothing(monkeypatch):
    newcomer = newcomer_with_history()

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("pnt.privacy.anonymise._clear_pairs", broken)
    with pytest.raises(RuntimeError):
        anonymise_newcomer(newcomer=newcomer, reason=REQUEST)
    newcomer.refresh_from_db()
    assert newcomer.first_name == "Yasmina"
    assert CoachNote.objects.filter(newcomer=newcomer).exists()
    assert not Anonymisation.objects.exists()


def test_months_before_handles_short_months():
    from pnt.privacy.anonymise import months_before

    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 24) == dt.date(2024, 1, 15)
