"""Pairs: the match conversation starts them, meetings reach the ledger, they end."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from pnt.buddies import ledger, services
from pnt.buddies.errors import BuddyError
from pnt.buddies.models import BuddyRequest, FollowUp, Pair, Volunteer
from pnt.offer.vocabulary import ActivityType
from pnt.trajectories.models import Attendance, Trajectory
from tests.buddies.helpers import active_pair, coach, volunteer, waiting_request
from tests.factories import region

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_both_agreeing_makes_the_pair_active_with_two_follow_ups_and_a_link():
    pair, key = active_pair(by=coach())
    assert pair.status == Pair.Status.ACTIVE
    assert key and Pair.by_meeting_key(key) == pair
    assert pair.follow_ups.count() == 2
    assert pair.ends_on > pair.started_on + dt.timedelta(days=180)
    assert pair.enrolment.activity.type == ActivityType.BUDDY
    assert BuddyRequest.objects.get(pk=pair.request_id).status == BuddyRequest.Status.PAIRED


def test_one_side_not_agreeing_stops_the_pair_and_the_newcomer_waits_again():
    user = coach()
    request = waiting_request()
    buddy = volunteer()
    round_ = services.start_matching_round(region=region(), by=user)
    pair = services.accept_proposal(proposal=round_.proposals.get(), by=user)
    pair, key = services.record_match_conversation(
        pair=pair, by=user, on=TODAY(), newcomer_agrees=True, volunteer_agrees=False
    )
    request.refresh_from_db()
    buddy.refresh_from_db()
    assert (pair.status, key) == (Pair.Status.STOPPED, None)
    assert request.status == BuddyRequest.Status.WAITING
    assert buddy.status == Volunteer.Status.AVAILABLE


def test_meeting_hours_reach_the_newcomers_ledger():
    pair, _key = active_pair(by=coach())
    trajectory = Trajectory.objects.get(newcomer=pair.newcomer)
    before = trajectory.hours
    services.log_meeting(pair=pair, date=TODAY(), hours=Decimal("2"), what="wandeling", via="link")
    services.log_meeting(pair=pair, date=TODAY(), hours=Decimal("1.5"), what="koffie", via="link")
    trajectory.refresh_from_db()
    assert trajectory.hours == before + Decimal("3.5")
    assert trajectory.pnt_started_on == TODAY()
    attendance = Attendance.objects.get(enrolment=pair.enrolment)
    assert attendance.hours == Decimal("3.5")
    assert ledger.buddy_hours_for(pair.newcomer) == Decimal("3.5")


def test_deleting_a_meeting_takes_its_hours_out_of_the_ledger():
    user = coach()
    pair, _key = active_pair(by=user)
    meeting = services.log_meeting(pair=pair, date=TODAY(), hours=Decimal("2"), what="koken")
    services.delete_meeting(meeting=meeting, by=user)
    assert Trajectory.objects.get(newcomer=pair.newcomer).hours == Decimal("0")


@pytest.mark.parametrize(
    ("days", "hours", "message"),
    [(-1, "2", "taken place"), (0, "0", "quarter"), (0, "13", "quarter"), (30, "2", "before")],
)
def test_it_refuses_an_implausible_meeting(days, hours, message):
    pair, _key = active_pair(by=coach(), started_days_ago=10)
    with pytest.raises(BuddyError, match=message):
        services.log_meeting(
            pair=pair, date=TODAY() - dt.timedelta(days=days), hours=Decimal(hours), what="x"
        )


def test_ending_frees_the_volunteer_and_closes_the_place():
    user = coach()
    pair, _key = active_pair(by=user)
    services.log_meeting(pair=pair, date=TODAY(), hours=Decimal("2"), what="voetbal")
    services.end_pair(pair=pair, by=user, on=TODAY(), completed=True)
    pair.refresh_from_db()
    pair.volunteer.refresh_from_db()
    assert pair.status == Pair.Status.COMPLETED
    assert pair.volunteer.status == Volunteer.Status.AVAILABLE
    assert pair.enrolment.status == "finished"
    assert Trajectory.objects.get(newcomer=pair.newcomer).hours == Decimal("2")
    with pytest.raises(BuddyError):
        services.log_meeting(pair=pair, date=TODAY(), hours=Decimal("1"), what="nog eens")


def test_stopping_early_needs_a_reason():
    user = coach()
    pair, _key = active_pair(by=user)
    with pytest.raises(BuddyError, match="why"):
        services.end_pair(pair=pair, by=user, on=TODAY(), completed=False)


def test_evaluation_once_per_side():
    user = coach()
    pair, _key = active_pair(by=user)
    services.end_pair(pair=pair, by=user, on=TODAY(), completed=True)
    services.record_evaluation(pair=pair, side="newcomer", helpful=5, enjoyed=4, by=user)
    with pytest.raises(BuddyError, match="already"):
        services.record_evaluation(pair=pair, side="newcomer", helpful=3, enjoyed=3, by=user)


def test_follow_up_contact_is_recorded_on_the_first_planned_one():
    user = coach()
    pair, _key = active_pair(by=user)
    done = services.record_follow_up(pair=pair, by=user, on=TODAY(), note="gaat goed")
    assert done.due_on == pair.follow_ups.order_by("due_on").first().due_on
    assert FollowUp.objects.filter(pair=pair, done_on__isnull=True).count() == 1
