"""Preparing a meeting from open actions, and recording a decision with its action points."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pnt.network import services
from pnt.network.errors import NetworkError
from pnt.network.models import ActionPoint, Decision
from pnt.network.models.plan import Action
from tests.network.factories import (
    ActionFactory,
    ActionPointFactory,
    GroupFactory,
    MeetingFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def steering(coordinator):
    return GroupFactory(name="Stuurgroep Rivo", members=[coordinator])


@pytest.fixture
def next_meeting(steering):
    return MeetingFactory(group=steering, title="Stuurgroep juni")


def test_the_agenda_starts_from_open_points_and_open_actions(steering, next_meeting, coordinator):
    earlier = MeetingFactory(group=steering, title="Stuurgroep maart")
    open_point = ActionPointFactory(meeting=earlier, title="Flyer vertalen", owner=coordinator)
    ActionPointFactory(meeting=earlier, title="Al klaar", owner=coordinator, status="cancelled")
    action = ActionFactory(title="Regionaal buddyproject", status=Action.Status.IN_PROGRESS)
    items = services.agenda_from_open_actions(
        meeting=next_meeting, by=coordinator, action_points=[open_point], actions=[action]
    )
    assert [item.title for item in items] == ["Flyer vertalen", "Regionaal buddyproject"]
    assert list(items[0].action_points.all()) == [open_point] and items[1].action == action


def test_the_agenda_form_offers_only_what_is_still_open(
    client, steering, next_meeting, coordinator
):
    earlier = MeetingFactory(group=steering)
    ActionPointFactory(meeting=earlier, title="Nog open punt", owner=coordinator)
    ActionPointFactory(meeting=earlier, title="Afgewerkt punt", owner=coordinator,
                       status="done", done_on=dt.date(2025, 1, 1))  # fmt: skip
    client.force_login(coordinator)
    html = client.get(reverse("meeting_agenda", args=[next_meeting.pk])).content.decode()
    assert "Nog open punt" in html
    assert "Afgewerkt punt" not in html


def test_a_point_goes_on_the_agenda_once(steering, next_meeting, coordinator):
    point = ActionPointFactory(meeting=MeetingFactory(group=steering), owner=coordinator)
    services.agenda_from_open_actions(meeting=next_meeting, by=coordinator, action_points=[point])
    again = services.agenda_from_open_actions(
        meeting=next_meeting, by=coordinator, action_points=[point]
    )
    assert again == []
    assert next_meeting.agenda.count() == 1


def test_another_groups_point_cannot_go_on_the_agenda(next_meeting, coordinator):
    elsewhere = ActionPointFactory(owner=coordinator)  # a meeting of another group
    with pytest.raises(NetworkError):
        services.agenda_from_open_actions(
            meeting=next_meeting, by=coordinator, action_points=[elsewhere]
        )


def test_a_decision_is_recorded_with_two_action_points(next_meeting, coordinator):
    partner = PartnerFactory(name="Bib Lier")
    decision = services.record_decision(
        meeting=next_meeting,
        by=coordinator,
        text="We starten een tweede praattafel in Lier.",
        action_points=[
            {"title": "Lokaal zoeken", "owner_partner": partner, "due_on": dt.date(2026, 9, 1)},
            {"title": "Vrijwilligers werven", "owner": coordinator, "due_on": None},
        ],
    )
    points = list(decision.action_points.order_by("pk"))
    assert [p.title for p in points] == ["Lokaal zoeken", "Vrijwilligers werven"]
    assert all(p.status == ActionPoint.Status.OPEN for p in points)


def test_a_decision_with_an_ownerless_point_is_not_recorded_at_all(next_meeting, coordinator):
    with pytest.raises(NetworkError):
        services.record_decision(
            meeting=next_meeting, by=coordinator, text="Besluit",
            action_points=[{"title": "Zonder eigenaar", "owner": None}],
        )  # fmt: skip
    assert not Decision.objects.exists()
    assert not ActionPoint.objects.exists()


def test_the_decision_form_skips_empty_rows(client, next_meeting, coordinator):
    client.force_login(coordinator)
    rows = {"ap-TOTAL_FORMS": "3", "ap-INITIAL_FORMS": "0"}
    rows.update({"ap-0-title": "Lokaal zoeken", "ap-0-owner": coordinator.pk,
                 "ap-0-due_on": "2026-09-01"})  # fmt: skip
    response = client.post(
        reverse("decision_new", args=[next_meeting.pk]), {"text": "Tweede praattafel", **rows}
    )
    assert response.status_code == 302
    assert ActionPoint.objects.get().title == "Lokaal zoeken"


def test_the_decision_form_asks_for_an_owner(client, next_meeting, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("decision_new", args=[next_meeting.pk]),
        {"text": "Besluit", "ap-TOTAL_FORMS": "3", "ap-INITIAL_FORMS": "0",
         "ap-0-title": "Zonder eigenaar"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "needs an owner" in response.content.decode()
    assert not Decision.objects.exists()


def test_only_the_networks_staff_records_decisions(client, next_meeting, officer_putte):
    client.force_login(officer_putte)
    response = client.get(reverse("decision_new", args=[next_meeting.pk]))
    assert response.status_code == 404
