"""The lifecycle of an action point: open → in progress → done (or cancelled), reopened
when needed; owners hear before it is due."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pnt.network import services
from pnt.network.errors import NetworkError
from pnt.network.models import ActionPoint
from tests.factories import UserFactory
from tests.network.factories import ActionPointFactory, GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return UserFactory(first_name="Griet", email="griet@example.org")


@pytest.fixture
def point(owner):
    return ActionPointFactory(title="Flyer vertalen", owner=owner)


def test_a_new_action_point_is_open(point):
    assert point.status == ActionPoint.Status.OPEN
    assert point.is_open


def test_starting_and_finishing_records_the_day_it_was_done(point, owner):
    services.change_action_point(action_point=point, by=owner, status="in_progress")
    done = services.change_action_point(action_point=point, by=owner, status="done")
    assert done.status == ActionPoint.Status.DONE
    assert done.done_on == timezone.localdate()
    assert not done.is_open


def test_a_done_point_can_be_reopened(point, owner):
    services.change_action_point(action_point=point, by=owner, status="done")
    reopened = services.change_action_point(action_point=point, by=owner, status="open")
    assert reopened.status == ActionPoint.Status.OPEN
    assert reopened.done_on is None


def test_a_done_point_cannot_jump_back_to_in_progress(point, owner):
    services.change_action_point(action_point=point, by=owner, status="done")
    with pytest.raises(NetworkError, match="cannot become"):
        services.change_action_point(action_point=point, by=owner, status="in_progress")


def test_an_action_point_needs_an_owner(coordinator):
    with pytest.raises(NetworkError, match="needs an owner"):
        services.add_action_point(meeting=MeetingFactory(), by=coordinator, title="Iets doen")


def test_the_owner_moves_their_point_along_from_the_list(client, point, owner):
    client.force_login(owner)
    response = client.post(
        reverse("action_point_status", args=[point.pk]),
        {"status": "done", "next": reverse("action_point_list")},
    )
    assert response.status_code == 302
    assert response.url == reverse("action_point_list")
    point.refresh_from_db()
    assert point.status == ActionPoint.Status.DONE


def test_someone_else_cannot_change_the_point(client, point, officer_mechelen):
    # The officer sees Rivierenland's meetings but neither owns the point nor runs the network.
    client.force_login(officer_mechelen)
    response = client.post(reverse("action_point_status", args=[point.pk]), {"status": "done"})
    assert response.status_code == 404
    point.refresh_from_db()
    assert point.status == ActionPoint.Status.OPEN


def test_the_owner_is_reminded_once_when_the_point_is_nearly_due(point, owner):
    today = point.due_on - dt.timedelta(days=2)
    assert services.remind_action_points(today=today) == 1
    assert services.remind_action_points(today=today) == 0
    [message] = mail.outbox
    assert message.to == [owner.email]
    assert "Flyer vertalen" in message.subject


def test_no_reminder_long_before_the_due_date(point):
    assert services.remind_action_points(today=point.due_on - dt.timedelta(days=10)) == 0


def test_a_done_point_is_not_reminded(point, owner):
    services.change_action_point(action_point=point, by=owner, status="done")
    assert services.remind_action_points(today=point.due_on) == 0


def test_a_new_due_date_brings_a_new_reminder(point, owner):
    services.remind_action_points(today=point.due_on)
    later = point.due_on + dt.timedelta(days=30)
    services.reschedule_action_point(action_point=point, by=owner, due_on=later)
    assert services.remind_action_points(today=later - dt.timedelta(days=1)) == 1


def test_a_partners_point_reminds_the_coordinators(coordinator):
    from tests.network.factories import PartnerFactory

    group = GroupFactory()
    partner_point = ActionPointFactory(
        meeting=MeetingFactory(group=group), owner=None, owner_partner=PartnerFactory()
    )
    services.remind_action_points(today=partner_point.due_on)
    [message] = mail.outbox
    assert message.to == [coordinator.email]
