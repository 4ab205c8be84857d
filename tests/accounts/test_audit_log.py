"""Reading a newcomer's or a volunteer's record leaves an append-only audit entry."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.accounts.models import AuditEntry, Role
from tests.factories import (
    NewcomerFactory,
    VolunteerFactory,
    municipality,
    region,
    user_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach(client):
    user = user_with_role(Role.COACH, region=region("rivierenland"))
    client.force_login(user)
    return user


def _entries(obj) -> list[tuple]:
    return list(
        AuditEntry.objects.filter(object_id=str(obj.pk)).values_list(
            "user_id", "action", "object_type", "via"
        )
    )


def test_newcomer_page_is_audited(client, coach):
    newcomer = NewcomerFactory()
    assert client.get(reverse("newcomer_detail", args=[newcomer.pk])).status_code == 200
    assert _entries(newcomer) == [(coach.pk, "view", "trajectories.newcomer", "web")]


def test_newcomer_read_through_the_api_is_audited(client, coach):
    newcomer = NewcomerFactory()
    assert client.get(f"/api/trajectories/newcomers/{newcomer.pk}").status_code == 200
    assert _entries(newcomer) == [(coach.pk, "view", "trajectories.newcomer", "api")]


def test_volunteer_page_is_audited(client, coach):
    volunteer = VolunteerFactory()
    assert client.get(reverse("volunteer_detail", args=[volunteer.pk])).status_code == 200
    assert _entries(volunteer) == [(coach.pk, "view", "buddies.volunteer", "web")]


def test_volunteer_read_through_the_api_is_audited(client, coach):
    volunteer = VolunteerFactory()
    assert client.get(f"/api/buddies/volunteers/{volunteer.pk}").status_code == 200
    assert _entries(volunteer) == [(coach.pk, "view", "buddies.volunteer", "api")]


def test_refused_read_outside_scope_leaves_no_entry(client, coach):
    newcomer = NewcomerFactory(municipality=municipality("13040"))
    assert client.get(reverse("newcomer_detail", args=[newcomer.pk])).status_code == 404
    assert _entries(newcomer) == []


def test_audit_entry_cannot_be_changed(client, coach):
    newcomer = NewcomerFactory()
    client.get(reverse("newcomer_detail", args=[newcomer.pk]))
    entry = AuditEntry.objects.get(object_id=str(newcomer.pk))
    entry.action = "change"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()


def test_audit_entries_cannot_be_changed_in_bulk(client, coach):
    newcomer = NewcomerFactory()
    client.get(reverse("newcomer_detail", args=[newcomer.pk]))
    with pytest.raises(ValueError, match="append-only"):
        AuditEntry.objects.filter(object_id=str(newcomer.pk)).update(action="change")
    assert _entries(newcomer)[0][1] == "view"


def test_audit_entries_outlive_the_user_who_read(client, coach):
    newcomer = NewcomerFactory()
    client.get(reverse("newcomer_detail", args=[newcomer.pk]))
    coach.delete()
    assert _entries(newcomer) == [(None, "view", "trajectories.newcomer", "web")]
