"""Recording where a newcomer goes next: when it may be recorded, and the check-ins it plans."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from pnt.accounts.models import AuditEntry
from pnt.buddies.models import BuddyRequest, Pair
from pnt.outreach import services
from pnt.outreach.errors import OutreachError
from pnt.outreach.models import FollowOn
from tests.factories import ActivityFactory, NewcomerFactory, VolunteerFactory

pytestmark = pytest.mark.django_db


def test_it_plans_check_ins_three_and_six_months_later(follow_on):
    due = {c.months: c.due_on for c in follow_on.check_ins.all()}
    assert due == {3: dt.date(2025, 4, 20), 6: dt.date(2025, 7, 20)}


def test_the_month_end_is_kept_in_shorter_months():
    assert services.add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)


def test_it_refuses_a_newcomer_who_has_not_reached_the_40_hours(coach):
    newcomer = NewcomerFactory()
    with pytest.raises(OutreachError, match="40 hours"):
        services.record_follow_on(newcomer=newcomer, destination="club", by=coach)


def test_recording_again_corrects_without_new_check_ins(follow_on, amina, coach):
    activity = ActivityFactory()
    again = services.record_follow_on(
        newcomer=amina, destination="regular_activity", activity=activity, by=coach
    )
    assert again.pk == follow_on.pk
    assert again.activity == activity
    assert again.check_ins.count() == 2


def test_an_activity_cannot_go_with_nothing_yet(amina, coach):
    with pytest.raises(OutreachError):
        services.record_follow_on(
            newcomer=amina, destination="nothing_yet", activity=ActivityFactory(), by=coach
        )


def _pair(newcomer, status):
    request = BuddyRequest.objects.create(newcomer=newcomer, commits_six_months=True)
    return Pair.objects.create(
        newcomer=newcomer, volunteer=VolunteerFactory(), request=request, status=status,
        started_on=dt.date(2024, 6, 1), ended_on=dt.date(2024, 12, 1), stop_reason="moved",
    )  # fmt: skip


def test_a_pair_that_ended_may_be_followed_on_before_the_40_hours(coach):
    newcomer = NewcomerFactory()
    pair = _pair(newcomer, Pair.Status.STOPPED)
    follow_on = services.record_follow_on(
        newcomer=newcomer, pair=pair, destination="volunteering", by=coach
    )
    assert follow_on.occasion == FollowOn.Occasion.PAIR_ENDED


def test_a_live_pair_is_refused(coach):
    newcomer = NewcomerFactory()
    pair = _pair(newcomer, Pair.Status.ACTIVE)
    with pytest.raises(OutreachError, match="not ended"):
        services.record_follow_on(newcomer=newcomer, pair=pair, destination="club", by=coach)


def test_the_coach_records_it_on_the_page_and_it_is_audited(amina, coach):
    client = Client()
    client.force_login(coach)
    url = reverse("follow_on_record", args=[amina.pk])
    response = client.post(url, {"destination": "work", "note": "Werkt in een bakkerij."})
    assert response.status_code == 302
    assert FollowOn.objects.get(newcomer=amina).destination == "work"
    assert AuditEntry.objects.filter(object_type="outreach.followon", action="create").exists()


def test_the_list_shows_who_finished_without_a_follow_on(amina, coach):
    client = Client()
    client.force_login(coach)
    html = client.get(reverse("follow_on_list")).content.decode()
    assert reverse("follow_on_record", args=[amina.pk]) in html
