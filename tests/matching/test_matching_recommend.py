"""Recommendations with their reasons: the parts that made the score, why others are left out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pnt.matching import PARTS, Activity, Newcomer, Reason, Weights, recommend, render, week
from pnt.matching.explain import TEMPLATES

from .strategies import activities, newcomers

MECHELEN = (51.0259, 4.4776)
ANTWERP = (51.2194, 4.4025)


def cook_on_a_bike() -> Newcomer:
    return Newcomer(
        "amina",
        themes=frozenset({"cooking", "walking"}),
        goals=frozenset({"meet_people"}),
        dutch_level=2,
        lat=MECHELEN[0],
        lon=MECHELEN[1],
        max_km=8,
        mobility="bike",
        availability=week.day_part(1, "evening") | week.day_part(5, "morning"),
        cost_barrier=True,
        has_uitpas=True,
        is_woman=True,
        types_done=frozenset({"conversation_table"}),
    )


def offer() -> list[Activity]:
    return [
        Activity(
            "conversation table Antwerp",
            type="conversation_table",
            themes=frozenset({"language"}),
            lat=ANTWERP[0],
            lon=ANTWERP[1],
            schedule=week.session(1, 19, 21),
        ),
        Activity(
            "conversation table nearby",
            type="conversation_table",
            themes=frozenset({"language"}),
            lat=MECHELEN[0] + 0.01,
            lon=MECHELEN[1],
            schedule=week.session(2, 10, 12),
        ),
        Activity(
            "Samen Doen: cooking",
            type="samen_doen",
            themes=frozenset({"cooking"}),
            goals=frozenset({"meet_people"}),
            dutch_level=1,
            lat=MECHELEN[0] + 0.012,
            lon=MECHELEN[1] + 0.01,
            schedule=week.session(1, 19, 21),
            places_left=3,
        ),
        Activity(
            "reading club",
            type="culture",
            themes=frozenset({"reading"}),
            dutch_level=3,
            lat=MECHELEN[0],
            lon=MECHELEN[1],
        ),
    ]


def test_a_cook_who_bikes_gets_the_cooking_activity_nearby_first():
    result = recommend(cook_on_a_bike(), offer())
    assert result.top[0].activity == "Samen Doen: cooking"
    assert "conversation table Antwerp" not in [r.activity for r in result.top]


def test_reasons_name_the_parts_that_made_the_score():
    best = recommend(cook_on_a_bike(), offer()).top[0]
    codes = [r.code for r in best.reasons]
    assert {
        "shared_interests",
        "schedule",
        "variety",
        "goal",
        "free",
        "places_left",
        "distance",
    } == set(codes)
    assert sum(r.points for r in best.reasons) == pytest.approx(best.fit)
    assert codes[0] == "schedule" and best.reasons[0].points == Weights().schedule
    text = best.text
    assert "you like cooking" in text and "Tuesday evening fits your week" in text
    assert "km by bike" in text and "free" in text
    interests = next(r for r in best.reasons if r.code == "shared_interests")
    assert interests.params == {"themes": ["cooking"]} and interests.weight == Weights().interests


def test_left_out_activities_say_which_rule_they_break():
    result = recommend(cook_on_a_bike(), offer())
    left = {x.activity: x.text for x in result.left_out}
    assert left["reading club"] == "needs Dutch level B1 (has A2)"
    assert left["conversation table Antwerp"] == "too far: 22.1 km > 8 km"


def test_reasons_are_data_for_translation():
    reason = Reason("too_far", {"km": 23.0, "max_km": 10.0}, hard=True)
    assert render(reason) == "too far: 23 km > 10 km"
    assert Reason("places_left", {"places": 1}).text == "1 place left"
    assert Reason("unknown_code").text == "unknown_code"


@settings(max_examples=50, deadline=None)
@given(newcomers(), st.lists(activities(), min_size=1, max_size=15), st.integers(1, 6))
def test_recommendations_are_allowed_sorted_and_explained(newcomer, pool, n):
    pool = [Activity(**{**a.__dict__, "key": i}) for i, a in enumerate(pool)]
    result = recommend(newcomer, pool, n=n)
    fits = [r.fit for r in result.top]
    assert fits == sorted(fits, reverse=True) and len(fits) <= n
    left = {x.activity for x in result.left_out}
    assert not left & {r.activity for r in result.top}
    assert len(result.top) == min(n, len(pool) - len(left))
    for rec in result.top:
        assert sum(r.points for r in rec.reasons) == pytest.approx(rec.fit)
        assert all(r.code and r.text for r in rec.reasons)
    for out in result.left_out:
        assert out.reasons and all(r.hard for r in out.reasons)


def test_every_reason_code_has_an_english_sentence():
    codes = {
        "shared_interests",
        "goal",
        "distance",
        "schedule",
        "schedule_partly",
        "flexible_time",
        "free",
        "uitpas",
        "childcare",
        "places_left",
        "variety",
        "needs_dutch_level",
        "too_far",
        "no_childcare",
        "women_only",
        "too_expensive",
        "full",
        "both_like",
        "common_language",
        "both_free",
        "close_in_age",
        "km_apart",
    }
    assert codes <= set(TEMPLATES)
    assert len(PARTS) == 8
