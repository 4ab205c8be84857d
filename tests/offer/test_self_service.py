"""Providers' self-service: create, edit, publish, pause, duplicate; clear field errors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.accounts.models import Role
from pnt.offer.models import Activity
from tests.factories import ActivityFactory, EnrolmentFactory, municipality, user_with_role

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Praattafel in de bib",
    "description": "Elke dinsdag praten we Nederlands bij een koffie.",
    "type": "conversation_table",
    "goals": ["learn_dutch"],
    "dutch_level": "1",
    "schedule_kind": "weekly",
    "weekday": "1",
    "start_date": "2030-01-01",
    "start_time": "14:00",
    "end_time": "16:00",
    "hours_per_session": "2",
    "total_hours": "20",
    "capacity": "12",
    "price_kind": "free",
    "dutch_context": "on",
    "with_others": "on",
    "meets_new_people": "on",
    "lasting_contacts": "on",
}


def _create(client, user, **changes):
    client.force_login(user)
    data = {**VALID, "municipality": municipality("12025").pk, **changes}
    return client.post(reverse("activity_create"), data)


def test_provider_staff_create_a_draft_with_coordinates_from_the_municipality(
    client, aster, aster_staff
):
    response = _create(client, aster_staff, provider=aster.pk)
    activity = Activity.objects.get(title="Praattafel in de bib")
    assert response.status_code == 302 and activity.provider == aster
    assert activity.status == "draft" and activity.latitude is not None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"start_date": "2030-02-01", "end_date": "2030-01-01"}, "end_date", "before the first"),
        ({"start_time": "16:00", "end_time": "14:00"}, "end_time", "after the start"),
        ({"capacity": "0"}, "capacity", "at least one place"),
        ({"hours_per_session": "0"}, "hours_per_session", "more than zero"),
        ({"price_kind": "paid"}, "price_eur", "Give the price"),
        ({"price_kind": "uitpas", "price_eur": "8"}, "price_uitpas_eur", "UiTPAS"),
        ({"weekday": ""}, "weekday", "day of the week"),
    ],
)
def test_bad_values_give_clear_field_errors(client, aster, aster_staff, changes, field, message):
    response = _create(client, aster_staff, provider=aster.pk, **changes)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Activity.objects.filter(title=VALID["title"]).exists()


def test_a_provider_cannot_create_for_another_organisation(client, aster_staff, berk):
    response = _create(client, aster_staff, provider=berk.pk)
    assert "provider" in response.context["form"].errors


def test_a_municipal_officer_creates_in_their_municipality_only(client, aster):
    officer = user_with_role(Role.MUNICIPAL_OFFICER, municipality=municipality("12025"))
    assert _create(client, officer, provider=aster.pk).status_code == 302
    elsewhere = _create(client, officer, provider=aster.pk, municipality=municipality("12029").pk)
    assert "municipality" in elsewhere.context["form"].errors


def test_edit_publish_pause_and_duplicate(client, aster, aster_staff):
    activity = ActivityFactory(provider=aster, status="draft", validated_at=None)
    client.force_login(aster_staff)
    edit = client.post(
        reverse("activity_edit", args=[activity.pk]),
        {**VALID, "title": "Nieuwe titel", "municipality": activity.municipality_id},
    )
    assert edit.status_code == 302
    client.post(reverse("activity_publish", args=[activity.pk]))
    activity.refresh_from_db()
    assert (activity.title, activity.status) == ("Nieuwe titel", "published")
    client.post(reverse("activity_pause", args=[activity.pk]))
    activity.refresh_from_db()
    assert activity.status == "paused"
    client.post(reverse("activity_duplicate", args=[activity.pk]))
    copy = Activity.objects.exclude(pk=activity.pk).get(provider=aster)
    assert copy.status == "draft" and copy.external_id != activity.external_id
    assert copy.title.startswith("Nieuwe titel")


def test_publishing_without_a_description_says_what_is_missing(client, aster, aster_staff):
    activity = ActivityFactory(provider=aster, status="draft", description="")
    client.force_login(aster_staff)
    response = client.post(reverse("activity_publish", args=[activity.pk]), follow=True)
    assert "Add a description before publishing." in response.text
    activity.refresh_from_db()
    assert activity.status == "draft"


def test_the_provider_sees_enrolment_counts_by_status(client, aster, aster_staff):
    activity = ActivityFactory(provider=aster)
    EnrolmentFactory(activity=activity, status="confirmed")
    EnrolmentFactory(activity=activity, status="waiting")
    client.force_login(aster_staff)
    response = client.get(reverse("activity_detail", args=[activity.pk]))
    assert response.context["enrolment_counts"] == {"confirmed": 1, "waiting": 1}
