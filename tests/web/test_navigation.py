"""The header menu: grouped per task, only what the role may open."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pnt.accounts.models import Role
from tests.factories import ProviderFactory, municipality, region, user_with_role

pytestmark = pytest.mark.django_db


def menu_of(user) -> dict[str, list[str]]:
    client = Client()
    client.force_login(user)
    groups = client.get(reverse("dashboard")).context["nav_groups"]
    return {group["label"]: [url for url, _label in group["items"]] for group in groups}


def test_the_coordinator_finds_coverage_and_allocation_under_offer():
    menu = menu_of(user_with_role(Role.COORDINATOR, region=region("rivierenland")))
    assert reverse("offer_coverage") in menu["Offer"]
    assert reverse("allocation_round_list") in menu["Offer"]
    assert reverse("coach_dashboard") in menu["Newcomers"]


def test_provider_staff_get_no_caseload_coverage_or_allocation():
    provider = ProviderFactory(municipality=municipality("12025"))
    urls = [
        url
        for urls in menu_of(user_with_role(Role.PROVIDER_STAFF, provider=provider)).values()
        for url in urls
    ]
    for hidden in (
        "coach_dashboard",
        "offer_coverage",
        "allocation_round_list",
        "place_request_list",
    ):
        assert reverse(hidden) not in urls


def test_a_group_with_one_entry_is_a_plain_link():
    client = Client()
    groups = client.get(reverse("public_catalogue")).context["nav_groups"]
    assert all(group["single"] for group in groups)
