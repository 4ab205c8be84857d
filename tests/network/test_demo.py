"""The demo's network space: made from the demo logins, with live figures, and deletable
by the generator's reset (no cycle between the network's tables)."""

from __future__ import annotations

import pytest

from pnt.accounts.models import Role
from pnt.network import progress
from pnt.network.models import ActionPoint, Meeting, Plan
from pnt.web.demo import generator
from pnt.web.demo.network import add_network_demo
from tests.factories import ActivityFactory, ProviderFactory, municipality, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def logins(rivierenland, coordinator):
    return {
        "coordinator": coordinator,
        "officer.putte": user_with_role(Role.MUNICIPAL_OFFICER, municipality=municipality("12029")),
        "counsellor": user_with_role(Role.COUNSELLOR),
    }


def test_the_demo_network_has_a_plan_meetings_and_open_points(rivierenland, logins):
    ActivityFactory(provider=ProviderFactory(municipality=municipality("12025")), type="buddy",
                    capacity=24)  # fmt: skip
    counts = add_network_demo(rivierenland, logins)
    assert counts["network partners"] >= 12
    assert Meeting.objects.filter(group__region=rivierenland).count() == 3
    assert ActionPoint.objects.filter(status="open").exists()
    plan = Plan.objects.get(region=rivierenland)
    values = {
        status.indicator.name: status.value
        for pillar in progress.plan_status(plan, logins["coordinator"])
        for row in pillar.actions
        for status in row.indicators
    }
    assert values["Plaatsen in buddyprojecten"] == 24


def test_the_counsellor_sees_the_network_as_the_agencys_contact(rivierenland, logins):
    from pnt.network import queries

    add_network_demo(rivierenland, logins)
    assert queries.meetings(logins["counsellor"]).count() == 3


def test_the_reset_can_order_the_network_tables(monkeypatch):
    monkeypatch.setattr(generator, "DOMAIN_APPS", (*generator.DOMAIN_APPS, "network"))
    order = [model._meta.label for model in generator._delete_order()]
    assert order.index("network.Decision") > order.index("network.ActionPoint")
