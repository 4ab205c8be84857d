"""Unmet demand against the offer within reach, with the matching's distance rule: the
distance from the newcomer's municipality to the activity, at most the newcomer's maximum
distance (10 km without an intake). Putte → Nijlen is about 11.3 km, Putte → Bonheiden 5.7."""

from __future__ import annotations

import pytest
from django.test import Client

from pnt.offer.models import Activity
from pnt.outreach import demand as demand_module
from pnt.trajectories.models import Trajectory
from tests.factories import (
    ActivityFactory,
    EnrolmentFactory,
    NewcomerFactory,
    ProviderFactory,
    municipality,
    region,
)
from tests.outreach.conftest import with_intake

pytestmark = pytest.mark.django_db

PUTTE, NIJLEN, BONHEIDEN = "12029", "12026", "12005"


def _football(nis: str, **fields) -> Activity:
    provider = ProviderFactory(municipality=municipality(nis))
    return ActivityFactory(provider=provider, type="sport", themes=["football"], **fields)


def _wanting_football(count: int, max_km: int | None = None, nis: str = PUTTE) -> list:
    people = [NewcomerFactory(municipality=municipality(nis), interests=["football"])
              for _ in range(count)]  # fmt: skip
    if max_km is not None:
        for newcomer in people:
            with_intake(newcomer, max_km)
    return people


def _row(kind: str = "theme", value: str = "football", nis: str = PUTTE):
    demand = demand_module.region_demand(region("rivierenland"))
    return next(
        r for r in demand.rows
        if (r.kind, r.value, r.municipality.nis_code) == (kind, value, nis)
    )  # fmt: skip


def test_newcomers_out_of_reach_are_unmet():
    _football(NIJLEN, title="Voetbal Nijlen")
    _wanting_football(14, max_km=10)
    row = _row()
    assert (row.wanting, row.unmet) == (14, 14)
    assert round(row.nearest_km) == 11
    assert row.sentence == (
        "14 newcomers in Putte want football; nearest football activity open to newcomers: "
        "11 km (Nijlen)"
    )


def test_a_newcomer_who_travels_farther_is_served():
    _football(NIJLEN)
    _wanting_football(5, max_km=10)
    _wanting_football(1, max_km=15)
    row = _row()
    assert (row.wanting, row.unmet) == (6, 5)


def test_without_an_intake_the_reach_is_ten_km_as_in_matching():
    _football(NIJLEN)
    _wanting_football(1)  # no intake
    assert _row().unmet == 1
    assert demand_module.DEFAULT_MAX_KM == 10


def test_a_talent_from_the_intake_counts_as_a_wish():
    _football(BONHEIDEN)
    newcomer = NewcomerFactory(municipality=municipality(PUTTE), interests=[])
    with_intake(newcomer, 10, talents=["football"])
    row = _row()
    assert (row.wanting, row.unmet) == (1, 0)


def test_a_full_activity_is_not_open_to_newcomers():
    _football(BONHEIDEN, status=Activity.Status.FULL)
    _football(NIJLEN, title="Voetbal Nijlen")
    _wanting_football(1, max_km=10)
    row = _row()
    assert row.nearest == "Voetbal Nijlen"
    assert row.unmet == 1


def test_a_draft_is_not_offer():
    _football(BONHEIDEN, status=Activity.Status.DRAFT)
    _wanting_football(1, max_km=10)
    assert _row().nearest_km is None


def test_a_completed_trajectory_is_no_demand_any_more():
    [newcomer] = _wanting_football(1, max_km=10)
    Trajectory.objects.filter(newcomer=newcomer).update(status=Trajectory.Status.COMPLETED)
    demand = demand_module.region_demand(region("rivierenland"))
    assert not [r for r in demand.rows if r.value == "football"]


def test_a_request_on_a_waiting_list_is_demand_for_its_kind():
    table = ActivityFactory(type="conversation_table", themes=[], status=Activity.Status.FULL)
    newcomer = NewcomerFactory(municipality=municipality(PUTTE), interests=[])
    EnrolmentFactory(newcomer=newcomer, activity=table, status="waiting")
    row = _row("type", "conversation_table")
    assert (row.wanting, row.no_place, row.unmet) == (1, 1, 1)


def test_the_ranking_puts_most_newcomers_without_offer_first():
    _wanting_football(6, max_km=10)
    for _ in range(2):
        NewcomerFactory(municipality=municipality(NIJLEN), interests=["cooking"])
    ranked = demand_module.region_demand(region("rivierenland")).ranked()
    assert [(r.value, r.municipality.nis_code) for r in ranked[:2]] == [
        ("football", PUTTE), ("cooking", NIJLEN)
    ]  # fmt: skip


def test_the_export_hides_small_counts():
    _wanting_football(3, max_km=10)
    csv = demand_module.demand_csv(demand_module.region_demand(region("rivierenland")))
    [header, line] = csv.strip().splitlines()[:2]
    assert header.startswith("municipality_nis_code,municipality,kind,wish")
    assert line.startswith(f"{PUTTE},Putte,theme,football,football,<5,<5,0,")


def test_the_map_colours_a_municipality_by_its_unmet_newcomers(coordinator):
    _football(NIJLEN)
    _wanting_football(6, max_km=10)
    client = Client()
    client.force_login(coordinator)
    html = client.get("/offer/demand/?wish=theme:football").content.decode()
    assert 'class="municipality dem-2" data-nis="12029"' in html
    assert '<g class="demand-offer"' in html


def test_the_api_gives_the_ranked_demand(coordinator):
    _wanting_football(14, max_km=10)
    client = Client()
    client.force_login(coordinator)
    body = client.get("/api/outreach/regions/rivierenland/demand").json()
    first = body["offer_to_create"][0]
    assert (first["wish"], first["newcomers_wanting"], first["without_offer_in_reach"]) == (
        "football", 14, 14
    )  # fmt: skip


def test_the_api_hides_small_counts(coordinator):
    _wanting_football(2, max_km=10)
    client = Client()
    client.force_login(coordinator)
    [first] = client.get("/api/outreach/regions/rivierenland/demand").json()["offer_to_create"]
    assert (first["newcomers_wanting"], first["newcomers_wanting_display"]) == (None, "<5")
