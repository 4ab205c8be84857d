"""Hand-built data for the reporting tests: small, dated stories whose figures are worked
out by hand in each test.

The quarter under test is Q2 2024 (1 April – 30 June 2024); Q1 2024 is the one before and
Q2 2023 the same quarter a year earlier. Mechelen and Putte are in Rivierenland, Turnhout
in Kempen.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from pnt.reporting.periods import Quarter
from pnt.trajectories import quarter_hours
from pnt.trajectories.models import ActivitySession, Attendance, Enrolment, Trajectory
from tests.factories import ActivityFactory, NewcomerFactory, ProviderFactory, municipality

Q2 = Quarter(2024, 2)
D = dt.date


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    """An aware datetime on that day (local time)."""
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def trajectory(
    nis: str = "12025",
    *,
    opened: dt.date,
    obligation: dt.date | None = None,
    started: dt.date | None = None,
    completed: dt.date | None = None,
    stopped: dt.date | None = None,
    compulsory: bool = True,
    first_name: str = "",
) -> Trajectory:
    extra = {"first_name": first_name} if first_name else {}
    newcomer = NewcomerFactory(
        municipality=municipality(nis), obligation_start=obligation, trajectory=None, **extra
    )
    status = "searching"
    if completed or stopped or started:
        status = "completed" if completed else "stopped" if stopped else "active"
    return Trajectory.objects.create(
        newcomer=newcomer,
        status=status,
        compulsory=compulsory,
        opened_on=opened,
        pnt_started_on=started,
        completed_on=completed,
        stopped_on=stopped,
    )


def activity(nis: str = "12025", **fields):
    """An activity held in that municipality, on offer from 2024 on unless told."""
    place = municipality(nis)
    provider = fields.pop("provider", None) or ProviderFactory(municipality=place)
    defaults = {
        "start_date": D(2024, 1, 1),
        "end_date": None,
        "created_at": at(D(2023, 12, 1)),
    }
    return ActivityFactory(provider=provider, municipality=place, **{**defaults, **fields})


def attend(newcomer, activity, day: dt.date, hours: str, status: str = "present"):
    """One session of the activity on that day and the newcomer's attendance at it."""
    enrolment = Enrolment.objects.filter(newcomer=newcomer, activity=activity).first()
    if enrolment is None:
        enrolment = Enrolment.objects.create(
            newcomer=newcomer, activity=activity, status="attending", requested_at=at(day)
        )
    session, _ = ActivitySession.objects.get_or_create(
        activity=activity, date=day, start=dt.time(10), defaults={"end": dt.time(14)}
    )
    row = Attendance.objects.create(
        session=session, enrolment=enrolment, status=status, hours=Decimal(hours)
    )
    quarter_hours.refresh([enrolment.pk])  # as recount_hours does after a sheet
    return row
