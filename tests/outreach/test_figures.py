"""Follow-on figures on hand-built data: shares still active after 3 and 6 months by
municipality and by activity type, the activities that lead on best, and suppression."""

from __future__ import annotations

import pytest
from django.test import Client

from pnt.outreach import figures, services
from pnt.trajectories.models import Enrolment
from tests.factories import ActivityFactory, EnrolmentFactory, ProviderFactory, region
from tests.outreach.conftest import completed_newcomer

pytestmark = pytest.mark.django_db

RIVIERENLAND = "rivierenland"


def _answer(follow_on, months: int, answer: str) -> None:
    services.answer_check_in(check_in=follow_on.check_ins.get(months=months), answer=answer)


def _people(coach, nis: str, answers_3: list[str], activity=None, destination="club"):
    """One completed newcomer per answer, each with a follow-on and a 3-month answer."""
    result = []
    for answer in answers_3:
        newcomer = completed_newcomer(nis=nis)
        if activity is not None:
            EnrolmentFactory(newcomer=newcomer, activity=activity, status=Enrolment.Status.FINISHED)
        follow_on = services.record_follow_on(newcomer=newcomer, destination=destination, by=coach)
        if answer:
            _answer(follow_on, 3, answer)
        result.append(follow_on)
    return result


def test_the_share_still_active_by_municipality(coach):
    _people(coach, "12029", ["same", "other", "same", "stopped", "same", "stopped"])  # Putte
    _people(coach, "12025", ["same"] * 5)  # Mechelen
    rows = {r.label: r for r in figures.by_municipality(region(RIVIERENLAND), 3)}
    assert (rows["Putte"].answered, rows["Putte"].active) == (6, 4)
    assert rows["Putte"].share_display == "67 %"
    assert rows["Mechelen"].share_display == "100 %"


def test_unanswered_check_ins_are_not_counted(coach):
    _people(coach, "12029", ["same"] * 5 + [""])
    [putte] = figures.by_municipality(region(RIVIERENLAND), 3)
    assert putte.answered == 5


def test_a_share_of_fewer_than_five_people_is_hidden(coach):
    _people(coach, "12029", ["same", "stopped", "same"])
    [putte] = figures.by_municipality(region(RIVIERENLAND), 3)
    assert putte.answered_display == "<5"
    assert putte.share_display == "n<5"
    assert putte.share is None


def test_the_six_month_figures_count_the_six_month_answers(coach):
    follow_ons = _people(coach, "12029", ["same"] * 5)
    for follow_on, answer in zip(
        follow_ons, ["same", "stopped", "stopped", "stopped", "same"], strict=True
    ):
        _answer(follow_on, 6, answer)
    total = figures.region_share(region(RIVIERENLAND), 6)
    assert (total.answered, total.active, total.share_display) == (5, 2, "40 %")


def test_by_activity_type_counts_each_type_the_newcomer_did(coach):
    table = ActivityFactory(type="conversation_table", provider=ProviderFactory())
    sport = ActivityFactory(type="sport", provider=ProviderFactory())
    follow_ons = _people(coach, "12029", ["same", "same", "stopped", "same", "same"], table)
    EnrolmentFactory(newcomer=follow_ons[0].newcomer, activity=sport, status="finished")
    rows = {r.key: r for r in figures.by_activity_type(region(RIVIERENLAND), 3)}
    assert (rows["conversation_table"].answered, rows["conversation_table"].active) == (5, 4)
    assert rows["sport"].answered == 1


def test_figures_of_another_region_are_left_out(coach):
    _people(coach, "13040", ["same"] * 5)  # Turnhout, Kempen
    assert figures.by_municipality(region(RIVIERENLAND), 3) == []


def test_the_activity_that_leads_on_best_comes_first(coach):
    walking = ActivityFactory(title="Wandelgroep", provider=ProviderFactory())
    table = ActivityFactory(title="Praattafel", provider=ProviderFactory())
    _people(coach, "12029", ["same"] * 5, walking, destination="club")
    _people(coach, "12029", ["same"] * 3, table, destination="nothing_yet")
    _people(coach, "12029", ["same"] * 2, table, destination="volunteering")
    leading = figures.leading_activities(region(RIVIERENLAND))
    assert [a.title for a in leading] == ["Wandelgroep", "Praattafel"]
    assert leading[0].moved_on_display == "100 %"
    assert leading[1].moved_on_display == "40 %"


def test_an_activity_followed_by_few_is_ranked_last_and_hidden(coach):
    few = ActivityFactory(title="Kleine groep", provider=ProviderFactory())
    many = ActivityFactory(title="Grote groep", provider=ProviderFactory())
    _people(coach, "12029", ["same"] * 2, few, destination="club")
    _people(coach, "12029", ["same"] * 5, many, destination="nothing_yet")
    leading = figures.leading_activities(region(RIVIERENLAND))
    assert [a.title for a in leading] == ["Grote groep", "Kleine groep"]
    assert (leading[1].followed_display, leading[1].moved_on_display) == ("<5", "n<5")


def test_the_api_gives_suppressed_figures(coordinator, coach):
    _people(coach, "12029", ["same", "stopped"])
    client = Client()
    client.force_login(coordinator)
    body = client.get("/api/outreach/regions/rivierenland/follow-on").json()
    three = next(part for part in body["check_ins"] if part["months"] == 3)
    [putte] = three["municipalities"]
    assert putte["answered"] is None
    assert putte["answered_display"] == "<5"
    assert putte["still_active_share"] is None


def test_the_api_answers_404_outside_ones_regions(coordinator):
    client = Client()
    client.force_login(coordinator)
    assert client.get("/api/outreach/regions/kempen/follow-on").status_code == 404


def test_the_figures_page_shows_the_region(coordinator):
    client = Client()
    client.force_login(coordinator)
    html = client.get("/follow-on/figures/").content.decode()
    assert f"Follow-on in {region(RIVIERENLAND).name}" in html
