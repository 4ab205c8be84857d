"""Erasing at a person's request from the privacy page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.accounts.models import Role
from pnt.privacy.anonymise import ANONYMOUS
from pnt.trajectories.models import Newcomer
from tests.factories import NewcomerFactory, region, user_with_role
from tests.privacy.helpers import newcomer_with_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = user_with_role(Role.COORDINATOR, region=region("rivierenland"))
    client.force_login(user)
    return user


def _erase(client, newcomer, **data):
    return client.post(
        reverse("privacy_erase", kwargs={"kind": "newcomers", "pk": newcomer.pk}), data,
        follow=True,
    )  # fmt: skip


def test_ticking_the_box_erases(client, coordinator):
    newcomer = newcomer_with_history()
    response = _erase(client, newcomer, confirm="on", note="e-mail of 3 May")
    assert Newcomer.objects.get(pk=newcomer.pk).first_name == ANONYMOUS
    assert "The personal data are erased" in response.content.decode()


def test_without_the_box_nothing_happens(client, coordinator):
    newcomer = newcomer_with_history()
    _erase(client, newcomer)
    assert Newcomer.objects.get(pk=newcomer.pk).first_name == "Yasmina"


def test_an_open_trajectory_is_explained_not_erased(client, coordinator):
    newcomer = NewcomerFactory(first_name="Bohdan")
    response = _erase(client, newcomer, confirm="on")
    assert "The trajectory is still open" in response.content.decode()
    assert Newcomer.objects.get(pk=newcomer.pk).first_name == "Bohdan"


def test_the_page_shows_what_is_held_and_is_audited(client, coordinator):
    newcomer = newcomer_with_history()
    response = client.get(
        reverse("privacy_subject", kwargs={"kind": "newcomers", "pk": newcomer.pk})
    )
    assert "Data held about Yasmina Haddad" in response.content.decode()
    assert newcomer.pk and response.context["sections"][0].key == "person"
    from pnt.accounts.models import AuditEntry

    assert AuditEntry.objects.filter(action="view", detail="privacy page").count() == 1


def test_search_finds_people_of_the_region_only(client, coordinator):
    from tests.factories import municipality

    NewcomerFactory(first_name="Yasmina", municipality=municipality("12025"))
    NewcomerFactory(first_name="Yasmine", municipality=municipality("13040"))
    results = client.get(reverse("privacy_index"), {"q": "yasmin"}).context["results"]
    assert [p.first_name for p in results["newcomers"]] == ["Yasmina"]
