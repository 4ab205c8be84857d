"""The ledger's quarter sums (`QuarterHours`) that reports read: kept in step with the
attendance rows by every sheet, correctable by a rebuild, and reporting the same figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from pnt.trajectories import quarter_hours, services
from pnt.trajectories.models import ActivitySession, Attendance
from pnt.trajectories.models_ledger import QuarterHours

pytestmark = pytest.mark.django_db
# Two sessions in one quarter and one in the next; all in the past.
DAYS = [dt.date(2025, 1, 14), dt.date(2025, 3, 25), dt.date(2025, 4, 1)]


def _sheet(activity, enrolment, day, status="present", hours=None):
    session, _ = ActivitySession.objects.get_or_create(
        activity=activity, date=day, start=dt.time(18), end=dt.time(21)
    )
    return services.record_attendance(
        session=session, marks=[services.Mark(enrolment.pk, status, hours)], by=None
    )


def _kept(enrolment) -> dict[str, Decimal]:
    rows = QuarterHours.objects.filter(enrolment=enrolment).order_by("quarter")
    return {row.quarter.isoformat(): row.hours for row in rows}


@pytest.fixture
def enrolment(newcomer, activity):
    requested = services.request_enrolment(newcomer=newcomer, activity=activity)
    return services.confirm_enrolment(enrolment=requested)


def test_a_sheet_adds_its_hours_to_the_quarter_of_the_session(activity, enrolment):
    for day in DAYS:
        _sheet(activity, enrolment, day)
    assert _kept(enrolment) == {"2025-01-01": Decimal("6.00"), "2025-04-01": Decimal("3.00")}


def test_a_corrected_sheet_replaces_the_hours(activity, enrolment):
    _sheet(activity, enrolment, DAYS[0])
    _sheet(activity, enrolment, DAYS[0], hours=Decimal("1.5"))
    assert _kept(enrolment) == {"2025-01-01": Decimal("1.50")}


def test_an_absence_leaves_no_hours(activity, enrolment):
    _sheet(activity, enrolment, DAYS[0])
    _sheet(activity, enrolment, DAYS[0], status="absent")
    assert _kept(enrolment) == {}


def test_a_rebuild_repairs_sums_out_of_step(activity, enrolment):
    for day in DAYS:
        _sheet(activity, enrolment, day)
    Attendance.objects.filter(session__date=DAYS[2]).update(hours=Decimal("2"))  # bypass
    assert quarter_hours.differences() == 1
    call_command("rebuild_quarter_hours", verbosity=0)
    assert quarter_hours.differences() == 0
    assert _kept(enrolment)["2025-04-01"] == Decimal("2.00")


def test_erasing_the_enrolment_erases_its_sums(activity, enrolment):
    _sheet(activity, enrolment, DAYS[0])
    enrolment.delete()
    assert not QuarterHours.objects.exists()
