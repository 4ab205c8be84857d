"""Who sees which meetings, and which case discussions in them.

Core partners (the region's staff, its local governments' officers, contacts of core
partners) see every meeting of the region; others only the groups they are in and the
meetings they are invited to. A case discussion is shown only to those who may open the
newcomer's trajectory — even inside a meeting they see.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pnt.accounts.models import AuditEntry
from pnt.network import queries, services
from pnt.network.errors import NetworkError
from pnt.network.models import Partner
from pnt.network.models.meetings import case_reference
from tests.factories import NewcomerFactory, UserFactory, municipality, region
from tests.network.factories import GroupFactory, MeetingFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def steering(db):
    return MeetingFactory(group=GroupFactory(name="Stuurgroep Rivo"), title="Stuurgroep juni")


@pytest.fixture
def working(aster_staff):
    group = GroupFactory(kind="working", name="Werkgroep Ontmoeting", members=[aster_staff])
    return MeetingFactory(group=group, title="Werkgroep mei")


@pytest.fixture
def kempen_meeting(db):
    return MeetingFactory(group=GroupFactory(region=region("kempen")), title="Stuurgroep Kempen")


@pytest.fixture
def bohdan(db):
    return NewcomerFactory(first_name="Bohdan", last_name="Kovalenko",
                           municipality=municipality("12029"))  # fmt: skip


@pytest.fixture
def coach_rivierenland(rivierenland):
    from tests.factories import user_with_role

    return user_with_role("coach", region=rivierenland)


@pytest.fixture
def case(working, bohdan, coach_rivierenland):
    return services.add_case_discussion(
        meeting=working,
        by=coach_rivierenland,
        trajectory=bohdan.trajectory,
        question="Zoekt een sportclub dicht bij huis; wie kent er een?",
    )


def _titles(user) -> set[str]:
    return set(queries.meetings(user).values_list("title", flat=True))


def test_the_coordinator_sees_every_meeting_of_the_region(
    coordinator, steering, working, kempen_meeting
):
    assert _titles(coordinator) == {"Stuurgroep juni", "Werkgroep mei"}


def test_an_officer_of_a_member_municipality_is_a_core_partner(
    officer_putte, steering, working, kempen_meeting
):
    assert _titles(officer_putte) == {"Stuurgroep juni", "Werkgroep mei"}


def test_a_wider_partner_sees_only_the_group_they_are_in(aster_staff, steering, working):
    assert _titles(aster_staff) == {"Werkgroep mei"}


def test_a_guest_sees_the_one_meeting_they_are_invited_to(steering, working):
    guest = UserFactory()
    steering.guests.add(guest)
    assert _titles(guest) == {"Stuurgroep juni"}


def test_a_contact_of_a_core_partner_sees_the_whole_region(steering, working, kempen_meeting):
    counsellor = UserFactory()
    agency = PartnerFactory(name="AgII", tier=Partner.Tier.CORE, sector="integration_agency")
    services.add_contact(partner=agency, by=counsellor, name="Samira", user=counsellor)
    assert _titles(counsellor) == {"Stuurgroep juni", "Werkgroep mei"}


def test_outside_the_meeting_the_page_is_404(client, aster_staff, steering):
    client.force_login(aster_staff)
    assert client.get(reverse("meeting_detail", args=[steering.pk])).status_code == 404


def test_the_case_carries_a_reference_never_a_name(case, bohdan):
    assert case.reference == case_reference(bohdan.trajectory.pk)
    assert "Bohdan" not in case.reference


def _meeting_page(user, meeting) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("meeting_detail", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_someone_following_the_newcomer_sees_the_case(case, officer_putte, working):
    html = _meeting_page(officer_putte, working)
    assert case.reference in html
    assert "sportclub" in html
    assert "Kovalenko" not in html


def test_a_core_partner_without_access_to_the_trajectory_does_not(case, officer_mechelen, working):
    html = _meeting_page(officer_mechelen, working)
    assert case.reference not in html
    assert "sportclub" not in html


def test_a_member_of_the_group_without_access_does_not(case, aster_staff, working):
    # Provider staff are in the working group, but never open a trajectory.
    html = _meeting_page(aster_staff, working)
    assert case.reference not in html


def test_the_api_hides_the_case_from_those_without_access(case, officer_mechelen, working):
    client = Client()
    client.force_login(officer_mechelen)
    data = client.get(f"/api/network/meetings/{working.pk}").json()
    assert data["title"] == "Werkgroep mei"
    assert data["case_discussions"] == []


def test_seeing_a_case_is_in_the_audit_log(case, officer_putte, working):
    _meeting_page(officer_putte, working)
    entry = AuditEntry.objects.filter(user=officer_putte, object_type="network.casediscussion")
    assert entry.filter(object_id=str(case.pk), action="view").exists()


def test_nobody_brings_a_case_of_a_newcomer_they_do_not_follow(working, officer_mechelen, bohdan):
    with pytest.raises(NetworkError):
        services.add_case_discussion(
            meeting=working, by=officer_mechelen, trajectory=bohdan.trajectory, question="?"
        )
