"""The hours ledger: sessions, attendance, what counts, the 40 hours."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pnt.trajectories import services
from pnt.trajectories.errors import TrajectoryError
from pnt.trajectories.models import ActivitySession, Attendance, Enrolment, Trajectory
from tests.factories import ActivityFactory, NewcomerFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def confirmed(newcomer, activity):
    enrolment = services.request_enrolment(newcomer=newcomer, activity=activity)
    return services.confirm_enrolment(enrolment=enrolment)


def session(activity, days_ago=7, start=dt.time(18), end=dt.time(20)):
    return ActivitySession.objects.create(
        activity=activity, date=TODAY - dt.timedelta(days=days_ago), start=start, end=end
    )


def present(session, enrolment, hours=None):
    return services.record_attendance(
        session=session, marks=[services.Mark(enrolment.pk, "present", hours)], by=None
    )


def test_hours_are_prefilled_with_the_session_length(newcomer, activity):
    enrolment = confirmed(newcomer, activity)
    [attendance] = present(session(activity), enrolment)
    assert attendance.hours == Decimal("2.00")
    newcomer.trajectory.refresh_from_db()
    assert newcomer.trajectory.hours == Decimal("2.00")
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ATTENDING


def test_the_first_attended_hour_starts_the_pnt(newcomer, activity):
    enrolment = confirmed(newcomer, activity)
    present(session(activity, days_ago=14), enrolment)
    present(session(activity, days_ago=7), enrolment)
    trajectory = Trajectory.objects.get(newcomer=newcomer)
    assert trajectory.pnt_started_on == TODAY - dt.timedelta(days=14)
    assert trajectory.status == Trajectory.Status.ACTIVE
    assert trajectory.days_until_start == 60 - 14  # the factory's obligation began 60 days ago


def test_hours_over_the_session_length_are_refused_and_nothing_is_stored(newcomer, activity):
    enrolment = confirmed(newcomer, activity)
    with pytest.raises(TrajectoryError, match="more than the session lasts"):
        present(session(activity), enrolment, hours=Decimal("2.5"))
    assert not Attendance.objects.exists()


def test_one_bad_line_stores_no_line(activity):
    good = confirmed(NewcomerFactory(), activity)
    bad = confirmed(NewcomerFactory(), activity)
    with pytest.raises(TrajectoryError):
        services.record_attendance(
            session=session(activity),
            marks=[services.Mark(good.pk, "present"), services.Mark(bad.pk, "present", 9)],
            by=None,
        )
    assert not Attendance.objects.exists()


def test_attendance_for_someone_not_enrolled_is_refused(newcomer, activity):
    other_activity = ActivityFactory()
    elsewhere = confirmed(newcomer, other_activity)
    with pytest.raises(TrajectoryError, match="enrolled here"):
        present(session(activity), elsewhere)
    waiting = services.request_enrolment(newcomer=NewcomerFactory(), activity=activity)
    with pytest.raises(TrajectoryError, match="no confirmed place"):
        present(session(activity, days_ago=3), waiting)
    assert not Attendance.objects.exists()


def test_attendance_for_a_future_session_is_refused(newcomer, activity):
    enrolment = confirmed(newcomer, activity)
    with pytest.raises(TrajectoryError, match="taken place"):
        present(session(activity, days_ago=-3), enrolment)


def test_absent_and_excused_give_no_hours(newcomer, activity):
    enrolment = confirmed(newcomer, activity)
    [attendance] = services.record_attendance(
        session=session(activity), marks=[services.Mark(enrolment.pk, "excused", 2)], by=None
    )
    assert attendance.hours == 0


def test_a_session_must_end_after_it_starts(activity):
    with pytest.raises(TrajectoryError, match="end after"):
        services.add_session(activity=activity, date=TODAY, start=dt.time(20), end=dt.time(18))
    assert not ActivitySession.objects.exists()


def test_a_session_outside_the_activity_dates_is_refused(activity):
    with pytest.raises(TrajectoryError):
        services.add_session(
            activity=activity, date=activity.start_date - dt.timedelta(days=1),
            start=dt.time(18), end=dt.time(20),
        )  # fmt: skip


def test_hours_of_an_ineligible_or_unvalidated_activity_do_not_count(newcomer, provider):
    lesson = ActivityFactory(provider=provider, is_formal_lesson=True, title="NT2-les")
    unvalidated = ActivityFactory(provider=provider, validated_at=None)
    for activity in (lesson, unvalidated):
        present(session(activity), confirmed(newcomer, activity))
    trajectory = Trajectory.objects.get(newcomer=newcomer)
    assert trajectory.hours == 0
    assert trajectory.pnt_started_on is None
    lines = services.hours_by_activity(newcomer)
    assert {line["counts"] for line in lines} == {False}


def test_hours_of_several_providers_add_up_and_40_complete_the_trajectory(newcomer):
    long_day = {"start": dt.time(9), "end": dt.time(17)}  # 8 hours
    a, b = ActivityFactory(), ActivityFactory()
    ea, eb = confirmed(newcomer, a), confirmed(newcomer, b)
    for days_ago in (30, 25, 20):
        present(session(a, days_ago=days_ago, **long_day), ea)
    present(session(b, days_ago=15, **long_day), eb)
    trajectory = Trajectory.objects.get(newcomer=newcomer)
    assert trajectory.hours == 32 and trajectory.status == Trajectory.Status.ACTIVE
    present(session(b, days_ago=10, **long_day), eb)
    trajectory.refresh_from_db()
    assert trajectory.hours == 40
    assert trajectory.status == Trajectory.Status.COMPLETED
    assert trajectory.completed_on == TODAY - dt.timedelta(days=10)
    assert trajectory.hours_remaining == 0


def test_correcting_hours_below_40_reopens_the_trajectory(newcomer):
    activity = ActivityFactory()
    enrolment = confirmed(newcomer, activity)
    sessions = [
        session(activity, days_ago=d, start=dt.time(8), end=dt.time(18)) for d in (9, 8, 7, 6)
    ]
    for s in sessions:
        present(s, enrolment)
    assert Trajectory.objects.get(newcomer=newcomer).status == Trajectory.Status.COMPLETED
    present(sessions[-1], enrolment, hours=Decimal("5"))
    trajectory = Trajectory.objects.get(newcomer=newcomer)
    assert trajectory.status == Trajectory.Status.ACTIVE and trajectory.completed_on is None


def test_weekly_sessions_are_planned_from_the_schedule(activity):
    added = services.plan_weekly_sessions(
        activity=activity, until=activity.start_date + dt.timedelta(days=27)
    )
    assert added == 4
    assert {s.date.weekday() for s in activity.sessions.all()} == {activity.weekday}
    assert (
        services.plan_weekly_sessions(
            activity=activity, until=activity.start_date + dt.timedelta(days=27)
        )
        == 0
    )


def test_attendance_sheet_shows_everyone_and_saves_all_lines(activity, provider_staff, login):
    first, second = (
        confirmed(NewcomerFactory(first_name="Olena"), activity),
        confirmed(NewcomerFactory(first_name="Yusuf"), activity),
    )
    sheet = session(activity)
    client = login(provider_staff)
    url = reverse("attendance_sheet", args=[sheet.pk])
    html = client.get(url).content.decode()
    assert "Olena" in html and "Yusuf" in html and 'value="2.00"' in html
    response = client.post(url, {
        f"e{first.pk}-status": "present", f"e{first.pk}-hours": "1.5",
        f"e{second.pk}-status": "absent", f"e{second.pk}-hours": "",
    })  # fmt: skip
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("enrolment_id", "hours")) == {
        first.pk: Decimal("1.50"), second.pk: Decimal("0"),
    }  # fmt: skip


def test_attendance_sheet_refuses_hours_over_the_length(activity, provider_staff, login):
    enrolment = confirmed(NewcomerFactory(), activity)
    sheet = session(activity)
    response = login(provider_staff).post(
        reverse("attendance_sheet", args=[sheet.pk]),
        {f"e{enrolment.pk}-status": "present", f"e{enrolment.pk}-hours": "3"},
    )
    assert response.status_code == 200
    assert "At most 2.00 hours" in response.content.decode()
    assert not Attendance.objects.exists()


def test_session_page_refuses_an_impossible_date(activity, provider_staff, login):
    response = login(provider_staff).post(
        reverse("session_add", args=[activity.pk]),
        {"date": "2025-02-30", "start": "18:00", "end": "20:00"}, follow=True,
    )  # fmt: skip
    assert "valid date" in response.content.decode() or "geldige datum" in response.content.decode()
    assert not ActivitySession.objects.exists()


def test_trajectory_page_shows_the_progress_bar(newcomer, activity, coach, login):
    present(session(activity), confirmed(newcomer, activity))
    html = login(coach).get(reverse("newcomer_detail", args=[newcomer.pk])).content.decode()
    assert '<progress id="pnt-progress"' in html and 'value="2.00"' in html
