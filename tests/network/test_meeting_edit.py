"""Correcting a meeting afterwards: its group, date, place, agenda and minutes. For the
region's coordinator and coaches (and admins); anyone else gets 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pnt.accounts.models import AuditEntry
from pnt.network import services
from pnt.network.errors import NetworkError
from pnt.network.models import AgendaItem, Meeting
from tests.factories import region
from tests.network.factories import GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def steering(db):
    return GroupFactory(name="Stuurgroep Rivo")


@pytest.fixture
def meeting(steering, coordinator):
    meeting = MeetingFactory(
        group=steering,
        title="Stuurgroep juni",
        starts_at=timezone.make_aware(dt.datetime(2026, 6, 11, 14, 0)),
        place="Stadhuis Mechelen",
    )
    for title in ("Opvolging actiepunten", "Buddyproject", "Rondvraag"):
        services.add_agenda_item(meeting=meeting, by=coordinator, title=title)
    return meeting


def _form(meeting: Meeting, **changes) -> dict:
    """The edit form as the page sends it, unchanged unless `changes` say otherwise."""
    data = {
        "title": meeting.title,
        "group": meeting.group_id,
        "date": "2026-06-11",
        "time": "14:00",
        "place": meeting.place,
        "minutes": meeting.minutes,
    }
    items = list(meeting.agenda.all())
    data.update({
        "agenda-TOTAL_FORMS": len(items) + 1, "agenda-INITIAL_FORMS": len(items),
        "agenda-MIN_NUM_FORMS": 0, "agenda-MAX_NUM_FORMS": 1000,
    })  # fmt: skip
    for i, item in enumerate(items):
        data.update({f"agenda-{i}-item": item.pk, f"agenda-{i}-title": item.title,
                     f"agenda-{i}-notes": item.notes, f"agenda-{i}-ORDER": i + 1})  # fmt: skip
    data.update(changes)
    return data


def _post(client, user, meeting, **changes):
    client.force_login(user)
    return client.post(reverse("meeting_edit", args=[meeting.pk]), _form(meeting, **changes))


def _titles(meeting: Meeting) -> list[str]:
    return list(meeting.agenda.order_by("position").values_list("title", flat=True))


def test_the_coordinator_moves_the_meeting_to_another_day(client, coordinator, meeting):
    response = _post(client, coordinator, meeting, date="2026-06-18", time="09:30",
                     place="Bibliotheek Putte", minutes="Iedereen aanwezig.")  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == reverse("meeting_detail", args=[meeting.pk])
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).replace(tzinfo=None) == dt.datetime(
        2026, 6, 18, 9, 30
    )
    assert (meeting.place, meeting.minutes) == ("Bibliotheek Putte", "Iedereen aanwezig.")


def test_the_form_starts_from_what_is_recorded(client, coordinator, meeting):
    client.force_login(coordinator)
    html = client.get(reverse("meeting_edit", args=[meeting.pk])).content.decode()
    assert 'value="2026-06-11"' in html and 'value="14:00"' in html
    assert 'value="Buddyproject"' in html


def test_the_meeting_moves_to_another_group_of_the_network(client, coordinator, meeting):
    working = GroupFactory(kind="working", name="Werkgroep Ontmoeting")
    _post(client, coordinator, meeting, group=working.pk)
    meeting.refresh_from_db()
    assert meeting.group == working


def test_a_group_of_another_network_is_a_field_error(client, coordinator, meeting):
    kempen = GroupFactory(region=region("kempen"), name="Stuurgroep Kempen")
    response = _post(client, coordinator, meeting, group=kempen.pk)
    assert response.status_code == 200
    assert response.context["form"].has_error("group")
    meeting.refresh_from_db()
    assert meeting.group.name == "Stuurgroep Rivo"


def test_a_day_that_does_not_exist_is_a_field_error(client, coordinator, meeting):
    response = _post(client, coordinator, meeting, date="2026-02-30")
    assert response.status_code == 200
    assert response.context["form"].has_error("date")
    assert 'id="id_date_error"' in response.content.decode()


def test_a_meeting_keeps_a_title(client, coordinator, meeting):
    response = _post(client, coordinator, meeting, title="")
    assert response.context["form"].has_error("title")


def test_agenda_points_are_renamed_reordered_removed_and_added(client, coordinator, meeting):
    response = _post(
        client, coordinator, meeting,
        **{"agenda-0-ORDER": 2, "agenda-1-ORDER": 1, "agenda-1-title": "Regionaal buddyproject",
           "agenda-2-DELETE": "on", "agenda-3-title": "Varia", "agenda-3-ORDER": 3},
    )  # fmt: skip
    assert response.status_code == 302
    assert _titles(meeting) == ["Regionaal buddyproject", "Opvolging actiepunten", "Varia"]
    assert list(meeting.agenda.order_by("position").values_list("position", flat=True)) == [1, 2, 3]


def test_an_agenda_point_without_a_title_is_a_field_error(client, coordinator, meeting):
    response = _post(client, coordinator, meeting, **{"agenda-1-title": ""})
    assert response.status_code == 200
    assert response.context["agenda"].forms[1].has_error("title")
    assert _titles(meeting) == ["Opvolging actiepunten", "Buddyproject", "Rondvraag"]


def test_an_agenda_item_of_another_meeting_is_refused(client, coordinator, meeting):
    other = MeetingFactory(group=meeting.group)
    stranger = services.add_agenda_item(meeting=other, by=coordinator, title="Elders")
    response = _post(client, coordinator, meeting, **{"agenda-0-item": stranger.pk})
    assert response.status_code == 200
    assert AgendaItem.objects.get(pk=stranger.pk).title == "Elders"


def test_a_point_added_meanwhile_keeps_its_place_at_the_end(coordinator, meeting):
    first, second, third = meeting.agenda.all()
    services.add_agenda_item(meeting=meeting, by=coordinator, title="Net toegevoegd")
    services.edit_agenda(
        meeting=meeting, by=coordinator, remove=[first],
        items=[{"item": third, "title": third.title}, {"item": second, "title": second.title}],
    )  # fmt: skip
    assert _titles(meeting) == ["Rondvraag", "Buddyproject", "Net toegevoegd"]


def test_the_service_refuses_a_group_of_another_network(coordinator, meeting):
    kempen = GroupFactory(region=region("kempen"))
    with pytest.raises(NetworkError):
        services.update_meeting(meeting=meeting, by=coordinator, group=kempen,
                                starts_at=meeting.starts_at, title=meeting.title)  # fmt: skip


def test_a_meeting_that_took_place_can_still_be_corrected(client, coordinator, meeting):
    services.save_minutes(meeting=meeting, by=coordinator, minutes="Kort verslag.", held=True)
    client.force_login(coordinator)
    html = client.get(reverse("meeting_edit", args=[meeting.pk])).content.decode()
    assert "you can still correct it" in html
    _post(client, coordinator, meeting, minutes="Verslag, aangevuld.")
    meeting.refresh_from_db()
    assert (meeting.minutes, meeting.status) == ("Verslag, aangevuld.", Meeting.Status.HELD)


def test_the_correction_is_in_the_audit_log_without_the_minutes(client, coordinator, meeting):
    _post(client, coordinator, meeting, place="Bibliotheek Putte", minutes="Geheim verslag.",
          **{"agenda-2-DELETE": "on"})  # fmt: skip
    entries = AuditEntry.objects.filter(user=coordinator, object_type="network.meeting",
                                        object_id=str(meeting.pk), action="change")  # fmt: skip
    details = set(entries.values_list("detail", flat=True))
    assert details == {"changed: place, minutes", "changed: agenda"}
    assert not any("Geheim" in detail for detail in details)


def test_saving_without_changes_leaves_no_audit_entry(client, coordinator, meeting):
    _post(client, coordinator, meeting)
    assert not AuditEntry.objects.filter(object_type="network.meeting").exists()


def test_a_coach_of_the_region_may_correct_it(client, rivierenland, meeting):
    from tests.factories import user_with_role

    coach = user_with_role("coach", region=rivierenland)
    assert _post(client, coach, meeting, place="Elders").status_code == 302


def test_the_coordinator_of_another_region_gets_404(client, coordinator_kempen, meeting):
    client.force_login(coordinator_kempen)
    assert client.get(reverse("meeting_edit", args=[meeting.pk])).status_code == 404
    assert _post(client, coordinator_kempen, meeting, place="X").status_code == 404


def test_a_provider_in_the_group_sees_the_meeting_but_gets_404(client, aster_staff, meeting):
    meeting.group.members.add(aster_staff)
    client.force_login(aster_staff)
    assert client.get(reverse("meeting_detail", args=[meeting.pk])).status_code == 200
    assert client.get(reverse("meeting_edit", args=[meeting.pk])).status_code == 404
    assert _post(client, aster_staff, meeting, place="X").status_code == 404
    meeting.refresh_from_db()
    assert meeting.place == "Stadhuis Mechelen"


def test_an_officer_sees_the_meeting_but_gets_404(client, officer_putte, meeting):
    client.force_login(officer_putte)
    assert client.get(reverse("meeting_edit", args=[meeting.pk])).status_code == 404


def test_the_meeting_page_links_to_the_edit_page_for_the_coordinator(
    client, coordinator, officer_putte, meeting
):
    edit = reverse("meeting_edit", args=[meeting.pk])
    client.force_login(coordinator)
    assert edit in client.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    client.force_login(officer_putte)
    assert edit not in client.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
