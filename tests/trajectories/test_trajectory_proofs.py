"""Proof of participation and the final overview (PDF, parsed back), the CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from pnt.trajectories import services
from pnt.trajectories.errors import TrajectoryError
from pnt.trajectories.models import ActivitySession, ParticipationProof
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def attend(newcomer, activity, days_ago: int, start=dt.time(18), end=dt.time(20)):
    enrolment = newcomer.enrolments.filter(activity=activity).first()
    if enrolment is None:
        enrolment = services.confirm_enrolment(
            enrolment=services.request_enrolment(newcomer=newcomer, activity=activity)
        )
    session = ActivitySession.objects.create(
        activity=activity, date=TODAY - dt.timedelta(days=days_ago), start=start, end=end
    )
    services.record_attendance(session=session, marks=[services.Mark(enrolment.pk, "present")],
                               by=None)  # fmt: skip


def test_proof_flow_request_confirm_accept_and_pdf(
    newcomer, activity, provider_staff, counsellor, login
):
    attend(newcomer, activity, 14)
    attend(newcomer, activity, 7)
    proof = services.request_proof(newcomer=newcomer, activity=activity, by=None)
    assert proof.hours == 4 and proof.first_date == TODAY - dt.timedelta(days=14)
    with pytest.raises(TrajectoryError, match="not confirmed"):
        services.accept_proof(proof=proof, by=counsellor)

    response = login(provider_staff).post(
        reverse("proof_detail", args=[proof.pk]), {"name": "An Peeters"}
    )
    assert response.status_code == 302
    assert login(provider_staff).post(reverse("proof_accept", args=[proof.pk])).status_code == 404
    assert login(counsellor).post(reverse("proof_accept", args=[proof.pk])).status_code == 302
    proof.refresh_from_db()
    assert proof.state == "accepted" and proof.accepted_by == counsellor

    response = login(counsellor).get(reverse("proof_pdf", args=[proof.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Deelnamebewijs" in text or "Proof of participation" in text
    assert "Amina Haddad" in text
    assert "Praattafel De Brug" in text and "Ontmoetingshuis De Brug" in text
    assert "An Peeters" in text
    assert (TODAY - dt.timedelta(days=14)).strftime("%d/%m/%Y") in text
    assert "4.00" in text or "4,00" in text


def test_no_proof_without_attended_hours(newcomer, activity):
    with pytest.raises(TrajectoryError, match="no attended hours"):
        services.request_proof(newcomer=newcomer, activity=activity, by=None)
    assert not ParticipationProof.objects.exists()


def test_new_hours_make_an_earlier_confirmation_lapse(newcomer, activity, provider_staff):
    attend(newcomer, activity, 14)
    proof = services.request_proof(newcomer=newcomer, activity=activity, by=None)
    services.confirm_proof(proof=proof, by=provider_staff, name="An Peeters")
    attend(newcomer, activity, 7)
    proof = services.request_proof(newcomer=newcomer, activity=activity, by=None)
    assert proof.hours == 4 and proof.confirmed_at is None


def completed(newcomer):
    a, b = ActivityFactory(title="Samen koken"), ActivityFactory(title="Wandelclub")
    for days_ago in (40, 35, 30):
        attend(newcomer, a, days_ago, dt.time(9), dt.time(17))
    for days_ago in (20, 10):
        attend(newcomer, b, days_ago, dt.time(9), dt.time(17))
    newcomer.trajectory.refresh_from_db()
    assert newcomer.trajectory.status == "completed"


def test_final_overview_pdf_lists_every_activity(newcomer, coach, login):
    url = reverse("overview_pdf", args=[newcomer.pk])
    assert login(coach).get(url).status_code == 404  # not at 40 hours yet
    completed(newcomer)
    text = pdf_text(login(coach).get(url).content)
    assert "Samen koken" in text and "Wandelclub" in text
    assert "40" in text and "Amina Haddad" in text


def test_csv_export_of_completed_trajectories(newcomer, coach, login):
    completed(newcomer)
    response = login(coach).get(reverse("completed_export"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["newcomer_id"] == str(newcomer.pk) and row["last_name"] == "Haddad"
    assert row["municipality_nis_code"] == "12025"
    assert row["completed_on"] == str(TODAY - dt.timedelta(days=10))
    assert row["hours"] == "40.00" and row["days_until_start"] == str(60 - 40)
