"""Where unmet demand comes from: besides the intake and the requests that found no place,
the newcomer's own words (themes they suggest beyond the profile) and the requests for a
place from the public catalogue (new or declined in the last year). A person counts once
per wish; every row tells how many wishes each source gave, hidden below the threshold."""

from __future__ import annotations

import datetime as dt
import sys

import numpy as np
import pytest
from django.test import Client
from django.utils import timezone

from pnt.accounts.models import Role
from pnt.matching import embedding
from pnt.offer.models import Activity
from pnt.outreach import demand as demand_module
from pnt.ownwords.models import WordsEmbedding, to_bytes
from pnt.placerequests.models import PlaceRequest
from pnt.trajectories.models import Intake, Trajectory
from tests.factories import (
    ActivityFactory,
    EnrolmentFactory,
    NewcomerFactory,
    municipality,
    region,
    user_with_role,
)

pytestmark = pytest.mark.django_db

PUTTE, MECHELEN, GEEL = "12029", "12025", "13008"


def _demand():
    return demand_module.region_demand(region("rivierenland"))


def _row(kind: str = "theme", value: str = "football", nis: str = PUTTE):
    return next(
        (r for r in _demand().rows
         if (r.kind, r.value, r.municipality.nis_code) == (kind, value, nis)),
        None,
    )  # fmt: skip


def _with_words(words: str, interests=(), talents=(), nis: str = PUTTE):
    newcomer = NewcomerFactory(municipality=municipality(nis), interests=list(interests))
    Intake.objects.create(newcomer=newcomer, own_words=words, talents=list(talents))
    return newcomer


def _stored_suggestions(newcomer, words: str, tags: list[str]) -> None:
    """What pnt.ownwords stores once the words are embedded (no model needed here)."""
    WordsEmbedding.objects.create(
        newcomer=newcomer, model="test-model", text_hash=embedding.text_hash(words),
        vector=to_bytes(np.zeros((1, 384))), suggested_tags=tags,
    )  # fmt: skip


def _sport(nis: str = MECHELEN, **fields) -> Activity:
    return ActivityFactory(
        type="sport", themes=["football"], municipality=municipality(nis), **fields
    )


def _request(activity, nis: str = PUTTE, **fields) -> PlaceRequest:
    fields.setdefault("created_at", timezone.now() - dt.timedelta(days=3))
    return PlaceRequest.objects.create(
        activity=activity, first_name="Amal", email="amal@example.org",
        municipality=municipality(nis), language="ar", message="Ik wil graag voetballen.",
        consent_at=fields["created_at"], **fields,
    )  # fmt: skip


# --- own words ----------------------------------------------------------------------------------


def test_own_words_add_a_wish_from_free_text():
    _with_words("Ik speel graag voetbal")  # the keyword fallback: "voetbal" is football
    row = _row()
    assert (row.wanting, row.from_own_words, row.from_intake) == (1, 1, 0)


def test_stored_suggestions_of_the_words_are_used():
    words = "Vroeger maakte ik kleren voor de hele familie"  # no theme's keyword in it
    _stored_suggestions(_with_words(words), words, ["sewing"])
    row = _row("theme", "sewing")
    assert (row.wanting, row.from_own_words) == (1, 1)


def test_suggestions_stored_for_older_words_give_way_to_the_current_words():
    newcomer = _with_words("Ik speel graag voetbal")
    _stored_suggestions(newcomer, "Ik naai graag", ["sewing"])
    assert _row("theme", "sewing") is None
    assert _row().from_own_words == 1


def test_an_already_confirmed_interest_is_not_counted_twice():
    _with_words("Ik speel graag voetbal", interests=["football"])
    row = _row()
    assert (row.wanting, row.from_intake, row.from_own_words) == (1, 1, 0)


def test_a_talent_named_in_the_words_is_not_counted_twice():
    _with_words("Ik speel graag voetbal", talents=["football"])
    row = _row()
    assert (row.wanting, row.from_intake, row.from_own_words) == (1, 1, 0)


def test_the_words_of_a_completed_trajectory_are_no_demand():
    newcomer = _with_words("Ik speel graag voetbal")
    Trajectory.objects.filter(newcomer=newcomer).update(status=Trajectory.Status.COMPLETED)
    assert _row() is None


def test_own_words_need_no_model(monkeypatch):
    """Stored tags or keywords only: computing demand never embeds anything."""

    def no_model(*args, **kwargs):
        raise AssertionError("demand must not load the model")

    monkeypatch.setattr(embedding, "embed", no_model)
    _with_words("Ik speel graag voetbal")
    assert _row().from_own_words == 1


def test_own_words_count_without_the_semantic_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, embedding.BACKEND, None)
    assert not embedding.available()
    _with_words("Ik speel graag voetbal")
    assert _row().from_own_words == 1


# --- requests from the public catalogue ---------------------------------------------------------


def test_a_place_request_is_a_wish_for_its_type_where_the_requester_lives():
    _request(_sport(MECHELEN))
    row = _row("type", "sport", PUTTE)
    assert (row.wanting, row.from_requests) == (1, 1)
    assert _row("type", "sport", MECHELEN) is None


def test_a_declined_request_still_counts():
    _request(_sport(), status=PlaceRequest.Status.DECLINED)
    assert _row("type", "sport").from_requests == 1


def test_a_request_of_more_than_a_year_ago_does_not_count():
    _request(_sport(), created_at=timezone.now() - dt.timedelta(days=400))
    assert _row("type", "sport") is None


def test_a_handled_request_does_not_count():
    _request(_sport(), status=PlaceRequest.Status.HANDLED)
    assert _row("type", "sport") is None


def test_a_request_never_collides_with_a_newcomer():
    sport = _sport()
    newcomer = NewcomerFactory(municipality=municipality(PUTTE), interests=[])
    EnrolmentFactory(newcomer=newcomer, activity=sport, status="waiting")
    _request(sport, pk=newcomer.pk)  # the same number, another person
    row = _row("type", "sport")
    assert (row.wanting, row.no_place, row.from_requests) == (2, 1, 1)


def test_a_handled_request_of_a_registered_newcomer_does_not_count_them_twice():
    sport = _sport()
    newcomer = NewcomerFactory(municipality=municipality(PUTTE), interests=[])
    EnrolmentFactory(newcomer=newcomer, activity=sport, status="waiting")
    _request(sport, status=PlaceRequest.Status.HANDLED, newcomer=newcomer)
    row = _row("type", "sport")
    assert (row.wanting, row.no_place, row.from_requests) == (1, 1, 0)


def test_a_declined_request_linked_to_a_newcomer_counts_that_newcomer_once():
    sport = _sport()
    newcomer = NewcomerFactory(municipality=municipality(PUTTE), interests=[])
    EnrolmentFactory(newcomer=newcomer, activity=sport, status="waiting")
    _request(sport, status=PlaceRequest.Status.DECLINED, newcomer=newcomer)
    row = _row("type", "sport")
    assert (row.wanting, row.no_place, row.from_requests) == (1, 1, 1)


def test_a_request_uses_the_default_reach():
    _request(_sport(MECHELEN))  # Putte → Mechelen is more than 10 km
    row = _row("type", "sport")
    assert row.nearest_km > demand_module.DEFAULT_MAX_KM
    assert row.unmet == 1


def test_a_request_puts_its_wish_on_the_list_of_offer_to_create():
    _request(_sport(PUTTE))  # open offer within reach, but no place yet
    ranked = _demand().ranked()
    assert [(r.kind, r.value, r.from_requests) for r in ranked] == [("type", "sport", 1)]


# --- suppression --------------------------------------------------------------------------------


def test_the_export_hides_small_counts_of_each_source():
    sport = _sport()
    for _ in range(2):
        _with_words("Ik speel graag voetbal")
        _request(sport)
    lines = demand_module.demand_csv(_demand()).strip().splitlines()
    header = lines[0].split(",")
    assert header[-3:] == ["from_intake", "from_own_words", "from_public_requests"]
    rows = {tuple(line.split(",")[2:4]): line.split(",") for line in lines[1:]}
    assert rows[("theme", "football")][-3:] == ["0", "<5", "0"]
    assert rows[("type", "sport")][-3:] == ["0", "0", "<5"]


def test_the_export_shows_counts_from_the_threshold_on():
    sport = _sport()
    for _ in range(5):
        _request(sport)
    line = demand_module.demand_csv(_demand()).strip().splitlines()[1].split(",")
    assert line[2:4] + line[-3:] == ["type", "sport", "0", "0", "5"]


def test_the_api_hides_small_source_counts(coordinator):
    _with_words("Ik speel graag voetbal")
    client = Client()
    client.force_login(coordinator)
    [first] = client.get("/api/outreach/regions/rivierenland/demand").json()["offer_to_create"]
    assert (first["from_own_words"], first["from_own_words_display"]) == (None, "<5")
    assert (first["from_public_requests"], first["from_intake"]) == (0, 0)


def test_the_ranked_list_tells_where_the_wishes_come_from(coordinator):
    _with_words("Ik speel graag voetbal")
    client = Client()
    client.force_login(coordinator)
    html = client.get("/offer/demand/").content.decode()
    assert "0 intake · &lt;5 own words (free text) · 0 requests from the public" in html


# --- scoping ------------------------------------------------------------------------------------


def test_a_request_from_outside_the_region_is_not_its_demand():
    _request(_sport(), nis=GEEL)
    assert not [r for r in _demand().rows if r.value == "sport"]


def test_another_regions_coordinator_cannot_see_the_demand():
    _request(_sport())
    client = Client()
    client.force_login(user_with_role(Role.COORDINATOR, region=region("kempen")))
    assert client.get("/api/outreach/regions/rivierenland/demand").status_code == 404
    assert client.get("/offer/demand/?region=rivierenland").status_code == 404
    assert client.get("/offer/demand.csv?region=rivierenland").status_code == 404


def test_the_page_shows_the_first_wishes_and_the_rest_on_request(coordinator, monkeypatch):
    from pnt.outreach import views_demand

    _with_words("Ik speel graag voetbal")
    monkeypatch.setattr(views_demand, "SHOWN", 0)
    client = Client()
    client.force_login(coordinator)
    first = client.get("/offer/demand/?region=rivierenland").content.decode()
    every = client.get("/offer/demand/?region=rivierenland&all=1").content.decode()
    assert first.count('class="demand-sentence"') == 0
    assert "all=1#offer-to-create" in first
    assert every.count('class="demand-sentence"') >= 1
    assert "all=1#offer-to-create" not in every
