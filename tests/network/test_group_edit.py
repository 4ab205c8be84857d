"""Correcting a steering or working group: its name, kind, purpose, members and partners.
For the region's coordinator and coaches (and admins); anyone else gets 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.accounts.models import AuditEntry, Membership
from pnt.network import services
from pnt.network.errors import NetworkError
from pnt.network.models import Group
from tests.factories import region
from tests.network.factories import GroupFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(db):
    return PartnerFactory(name="Bibliotheek Lier", sector="culture")


@pytest.fixture
def steering(coordinator, officer_putte, library):
    group = GroupFactory(name="Stuurgroep Rivo", purpose="Sturen.",
                         members=[coordinator, officer_putte])  # fmt: skip
    group.partners.set([library])
    return group


def _form(group: Group, **changes) -> dict:
    data = {
        "kind": group.kind,
        "name": group.name,
        "purpose": group.purpose,
        "members": [user.pk for user in group.members.all()],
        "partners": [partner.pk for partner in group.partners.all()],
    }
    data.update(changes)
    return data


def _post(client, user, group, **changes):
    client.force_login(user)
    return client.post(reverse("group_edit", args=[group.pk]), _form(group, **changes))


def test_the_coordinator_renames_the_group_and_changes_its_members(
    client, coordinator, officer_mechelen, steering
):
    response = _post(client, coordinator, steering, name="Werkgroep Ontmoeting", kind="working",
                     members=[coordinator.pk, officer_mechelen.pk])  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == reverse("meeting_list") + f"#group-{steering.pk}"
    steering.refresh_from_db()
    assert (steering.name, steering.kind) == ("Werkgroep Ontmoeting", "working")
    assert set(steering.members.all()) == {coordinator, officer_mechelen}


def test_the_form_starts_from_the_group(client, coordinator, steering):
    client.force_login(coordinator)
    form = client.get(reverse("group_edit", args=[steering.pk])).context["form"]
    assert form.initial["name"] == "Stuurgroep Rivo"
    assert set(form.initial["members"]) == set(steering.members.values_list("pk", flat=True))
    assert "region" not in form.fields


def test_a_group_keeps_a_name(client, coordinator, steering):
    response = _post(client, coordinator, steering, name="")
    assert response.status_code == 200
    assert response.context["form"].has_error("name")
    steering.refresh_from_db()
    assert steering.name == "Stuurgroep Rivo"


def test_a_partner_of_another_network_is_a_field_error(client, coordinator, library, steering):
    elsewhere = PartnerFactory(region=region("kempen"), name="Agentschap Kempen")
    response = _post(client, coordinator, steering, partners=[elsewhere.pk])
    assert response.context["form"].has_error("partners")
    assert list(steering.partners.all()) == [library]


def test_the_service_refuses_a_partner_of_another_network(coordinator, steering):
    elsewhere = PartnerFactory(region=region("kempen"))
    with pytest.raises(NetworkError):
        services.update_group(group=steering, by=coordinator, kind="steering", name="X",
                              partners=[elsewhere])  # fmt: skip


def test_a_member_who_left_the_network_is_kept_when_nobody_removes_them(
    client, coordinator, officer_putte, library, steering
):
    Membership.objects.filter(user=officer_putte).delete()
    library.active = False
    library.save()
    _post(client, coordinator, steering, purpose="Sturen en opvolgen.")
    assert officer_putte in steering.members.all()
    assert library in steering.partners.all()


def test_the_correction_is_in_the_audit_log(client, coordinator, officer_putte, steering):
    _post(client, coordinator, steering, members=[coordinator.pk])
    entry = AuditEntry.objects.get(object_type="network.group", object_id=str(steering.pk))
    assert (entry.user, entry.action, entry.detail) == (coordinator, "change", "changed: members")


def test_the_coordinator_of_another_region_gets_404(client, coordinator_kempen, steering):
    client.force_login(coordinator_kempen)
    assert client.get(reverse("group_edit", args=[steering.pk])).status_code == 404
    assert _post(client, coordinator_kempen, steering, name="Overgenomen").status_code == 404


def test_a_provider_in_the_group_gets_404(client, aster_staff, steering):
    steering.members.add(aster_staff)
    assert _post(client, aster_staff, steering, name="Overgenomen").status_code == 404
    steering.refresh_from_db()
    assert steering.name == "Stuurgroep Rivo"


def test_the_meeting_list_links_to_the_edit_page_for_the_coordinator(
    client, coordinator, officer_putte, steering
):
    edit = reverse("group_edit", args=[steering.pk])
    client.force_login(coordinator)
    assert edit in client.get(reverse("meeting_list")).content.decode()
    client.force_login(officer_putte)
    assert edit not in client.get(reverse("meeting_list")).content.decode()
