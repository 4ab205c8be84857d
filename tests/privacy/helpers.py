"""A newcomer with a full history, and a volunteer: what the privacy tests anonymise and
export."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from pnt.buddies.models import BuddyRequest, Evaluation, FollowUp, Meeting, Pair
from pnt.trajectories import quarter_hours
from pnt.trajectories.models import (
    ActivitySession,
    Attendance,
    CoachNote,
    Intake,
    Move,
    Notification,
    ParticipationProof,
    Trajectory,
)
from tests.factories import ActivityFactory, EnrolmentFactory, NewcomerFactory, VolunteerFactory

PDF = b"%PDF-1.4\n% a signed paper\n"


def newcomer_with_history(*, ended_on: dt.date | None = None, volunteer=None, **fields):
    """Yasmina: stopped trajectory, intake, a note, 6 hours at one activity (3 sessions),
    a proof with a signed paper, a stored e-mail, a past buddy pair with a meeting."""
    newcomer = NewcomerFactory(
        first_name="Yasmina", last_name="Haddad", email="yasmina@example.org",
        phone="0470 12 34 56", gender="woman", birth_year=1987, **fields,
    )  # fmt: skip
    ended_on = ended_on or timezone.localdate() - dt.timedelta(days=10)
    Intake.objects.create(newcomer=newcomer, notes="Vertelt over haar zoon Omar.")
    CoachNote.objects.create(newcomer=newcomer, text="Gebeld met Yasmina over de praattafel.")
    Move.objects.create(
        newcomer=newcomer, moved_on=ended_on - dt.timedelta(days=200),
        from_municipality=newcomer.municipality, to_municipality=newcomer.municipality,
        note="Verhuisd naar de Bruul 12.",
    )  # fmt: skip
    activity = ActivityFactory()
    enrolment = EnrolmentFactory(newcomer=newcomer, activity=activity, close_reason="Ziek")
    for week in range(3):
        session = ActivitySession.objects.create(
            activity=activity, date=ended_on - dt.timedelta(days=7 * (week + 1)),
            start=dt.time(18), end=dt.time(20),
        )  # fmt: skip
        Attendance.objects.create(
            session=session, enrolment=enrolment, status="present", hours=Decimal("2")
        )
    quarter_hours.refresh([enrolment.pk])
    proof = ParticipationProof.objects.create(newcomer=newcomer, activity=activity, hours=6)
    proof.signed_paper.save("getekend.pdf", ContentFile(PDF))
    Notification.objects.create(
        key=f"confirmed:{enrolment.pk}", kind="confirmed", to=newcomer.email, enrolment=enrolment
    )
    Trajectory.objects.filter(newcomer=newcomer).update(
        status=Trajectory.Status.STOPPED, stopped_on=ended_on, hours=Decimal("6"),
        next_action="Yasmina bellen", opened_on=ended_on - dt.timedelta(days=365),
    )  # fmt: skip
    volunteer = volunteer or VolunteerFactory(first_name="Veerle", last_name="Mertens")
    request = BuddyRequest.objects.create(
        newcomer=newcomer, status="done", commits_six_months=True, note="Houdt van wandelen."
    )
    pair = Pair.objects.create(
        newcomer=newcomer, volunteer=volunteer, request=request, status="completed",
        started_on=ended_on - dt.timedelta(days=180), ended_on=ended_on,
        conversation_note="Yasmina en Veerle wandelen graag.",
    )  # fmt: skip
    Meeting.objects.create(
        pair=pair, date=ended_on - dt.timedelta(days=30), hours=Decimal("1.5"),
        what="Samen naar de markt in Mechelen.", logged_via="coach",
    )  # fmt: skip
    FollowUp.objects.create(pair=pair, due_on=ended_on, note="Loopt goed.")
    Evaluation.objects.create(pair=pair, side="newcomer", helpful=5, enjoyed=5, comment="Top!")
    newcomer.refresh_from_db()
    return newcomer
