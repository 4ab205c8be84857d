"""Recommendations and the 40-hour plan for one newcomer, built from the database."""

from __future__ import annotations

import datetime as dt

import pytest

from pnt.trajectories import matching_adapter
from pnt.trajectories.matching_reasons import reason_texts
from pnt.trajectories.models import Enrolment
from tests.factories import EnrolmentFactory
from tests.trajectories.matching_world import (
    MECHELEN,
    SKW,
    activity_in,
    conversation_table_across_the_region,
    cook_who_bikes,
    cooking_nearby,
)

pytestmark = pytest.mark.django_db


def _titles(items) -> list[str]:
    return [item.activity.title for item in items]


def test_a_cook_who_bikes_gets_the_cooking_group_nearby_first():
    samira = cook_who_bikes()
    conversation_table_across_the_region()
    activity_in(SKW, "Praattafel Sint-Katelijne-Waver", type="conversation_table",
                themes=["language"], weekday=3)  # fmt: skip
    cooking_nearby()

    found = matching_adapter.recommendations(samira)

    assert _titles(found.top)[0] == "Samen koken Mechelen"


def test_a_conversation_table_across_the_region_is_not_recommended_to_a_cyclist():
    samira = cook_who_bikes()
    conversation_table_across_the_region()
    cooking_nearby()

    found = matching_adapter.recommendations(samira)

    assert "Praattafel Bornem" not in _titles(found.top)
    too_far = next(x for x in found.left_out if x.activity.title == "Praattafel Bornem")
    assert [r["code"] for r in too_far.reasons] == ["too_far"]


def test_the_reasons_say_in_plain_words_why_the_cooking_group_fits():
    samira = cook_who_bikes()
    cooking_nearby()

    top = matching_adapter.recommendations(samira).top[0]

    texts = reason_texts(top.reasons)
    assert "likes cooking" in texts
    assert "Tuesday evening fits the week" in texts
    assert "close to home" in texts


def test_an_activity_needing_more_dutch_is_left_out_with_the_level():
    samira = cook_who_bikes(dutch_level=2)
    activity_in(MECHELEN, "Leesclub Mechelen", themes=["reading"], dutch_level=3)

    found = matching_adapter.recommendations(samira)

    assert found.top == []
    assert reason_texts(found.left_out[0].reasons) == ["needs Dutch level B1 (has A2)"]


def test_a_full_activity_is_left_out():
    samira = cook_who_bikes()
    full = cooking_nearby(capacity=1)
    EnrolmentFactory(activity=full, status=Enrolment.Status.CONFIRMED)

    found = matching_adapter.recommendations(samira)

    assert reason_texts(found.left_out[0].reasons) == ["no places left"]


def test_an_activity_already_requested_is_not_recommended_again():
    samira = cook_who_bikes()
    cooking = cooking_nearby()
    EnrolmentFactory(newcomer=samira, activity=cooking, status=Enrolment.Status.WAITING)

    found = matching_adapter.recommendations(samira)

    assert "Samen koken Mechelen" not in _titles(found.top) + _titles(found.left_out)


def test_an_activity_that_does_not_count_for_the_pnt_is_not_recommended():
    samira = cook_who_bikes()
    cooking_nearby(is_formal_lesson=True)

    assert matching_adapter.recommendations(samira).considered == 0


def test_an_ended_activity_is_not_recommended():
    samira = cook_who_bikes()
    yesterday = dt.date.today() - dt.timedelta(days=1)
    cooking_nearby(start_date=yesterday - dt.timedelta(days=30), end_date=yesterday)

    assert matching_adapter.recommendations(samira).considered == 0


def test_recommendations_read_the_database_in_a_few_queries(django_assert_max_num_queries):
    samira = cook_who_bikes()
    for i in range(20):
        activity_in(MECHELEN, f"Activiteit {i}", themes=["cooking", "music"][i % 2 :])
    newcomer = matching_adapter.load_newcomer(samira.pk)

    with django_assert_max_num_queries(3):
        matching_adapter.recommendations(newcomer)


def test_the_plan_reaches_the_hours_still_to_go_without_two_activities_at_once():
    samira = cook_who_bikes()
    # Three weekly activities of 2 hours: 13 weeks give 26 hours each (capped at 20 total).
    cooking_nearby(total_hours=20)
    activity_in(MECHELEN, "Zangkoor Mechelen", themes=["music"], weekday=3, total_hours=20)
    activity_in(MECHELEN, "Kookcafe dinsdag", weekday=1, total_hours=20)  # clashes with cooking

    plan = matching_adapter.plan(samira, weeks=13)

    assert plan.best.reaches_target
    assert plan.best.hours == 40
    chosen = _titles(plan.best.activities)
    assert "Zangkoor Mechelen" in chosen
    assert not {"Samen koken Mechelen", "Kookcafe dinsdag"} <= set(chosen)


def test_plan_alternatives_differ_from_the_best_plan():
    samira = cook_who_bikes()
    cooking_nearby(total_hours=20)
    activity_in(MECHELEN, "Zangkoor Mechelen", themes=["music"], weekday=3, total_hours=20)
    activity_in(MECHELEN, "Kookcafe zaterdag", weekday=5, start_time=dt.time(9),
                end_time=dt.time(11), total_hours=20)  # fmt: skip

    plan = matching_adapter.plan(samira, weeks=13)

    best = set(_titles(plan.best.activities))
    assert plan.alternatives
    assert all(set(_titles(alt.activities)) != best for alt in plan.alternatives)


def test_the_plan_targets_the_hours_still_to_go():
    samira = cook_who_bikes()
    samira.trajectory.hours = 30
    samira.trajectory.save()
    cooking_nearby()

    plan = matching_adapter.plan(matching_adapter.load_newcomer(samira.pk))

    assert plan.target_hours == 10
    assert plan.best.reaches_target


def test_the_plan_takes_no_more_activities_than_the_hours_need():
    samira = cook_who_bikes()
    cooking_nearby(total_hours=20)
    activity_in(MECHELEN, "Zangkoor Mechelen", themes=["music"], weekday=3, total_hours=20)
    activity_in(MECHELEN, "Kookcafe zaterdag", weekday=5, start_time=dt.time(9),
                end_time=dt.time(11), total_hours=20)  # fmt: skip

    plan = matching_adapter.plan(samira, weeks=13)

    assert len(plan.best.activities) == 2
