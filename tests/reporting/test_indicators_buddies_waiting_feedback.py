"""Waiting lists, the buddy project and feedback, on hand-built data (Q2 2024)."""

from __future__ import annotations

import pytest

from pnt.buddies.models import BuddyRequest, Evaluation, Meeting, Pair, Volunteer
from pnt.reporting.families import buddies, feedback, waiting
from pnt.reporting.models import Feedback
from pnt.reporting.scopes import for_region
from tests.factories import (
    EnrolmentFactory,
    ProviderFactory,
    VolunteerFactory,
    municipality,
    region,
)
from tests.reporting.helpers import Q2, D, activity, at, trajectory

pytestmark = pytest.mark.django_db


def rivierenland():
    return for_region(region("rivierenland"))


# --- waiting lists -------------------------------------------------------------------------


@pytest.fixture
def waiting_lists():
    """The conversation table: Wim waits since 1 May; Wout waited 10 Apr → offered 20 Apr.
    Samen Doen: Wanda waited 1 Mar → offered 2 Apr (32 days). Kempen: Kim waits too."""
    table, samen = activity(type="conversation_table"), activity("12029", type="samen_doen")
    for chosen, status, since, offered in [
        (table, "waiting", D(2024, 5, 1), None),
        (table, "offered", D(2024, 4, 10), D(2024, 4, 20)),
        (samen, "confirmed", D(2024, 3, 1), D(2024, 4, 2)),
        (activity("13040"), "waiting", D(2024, 5, 1), None),
    ]:
        EnrolmentFactory(activity=chosen, status=status, waiting_since=at(since),
                         offered_at=at(offered) if offered else None)  # fmt: skip


def test_waiting_added_counts_places_put_on_a_waiting_list_in_the_quarter(waiting_lists):
    assert waiting(rivierenland(), Q2)["waiting_added"] == 2  # Wim, Wout


def test_oversubscribed_counts_activities_with_someone_put_on_their_list(waiting_lists):
    assert waiting(rivierenland(), Q2)["oversubscribed"] == 1  # the conversation table


def test_median_waiting_days_of_places_offered_in_the_quarter(waiting_lists):
    assert waiting(rivierenland(), Q2)["median_waiting_days"] == 21  # 10 and 32


def test_waiting_now_is_the_waiting_list_at_this_moment(waiting_lists):
    assert waiting(rivierenland(), Q2)["waiting_now"] == 1  # Wim (Kim is in Kempen)


# --- the buddy project -------------------------------------------------------------------


def _pair(status, started, ended=None, request_status="paired", requested=None):
    newcomer = trajectory(opened=D(2023, 1, 1)).newcomer
    request = BuddyRequest.objects.create(
        newcomer=newcomer, status=request_status, commits_six_months=True,
        requested_at=at(requested or D(2023, 1, 1)),
    )  # fmt: skip
    return Pair.objects.create(
        newcomer=newcomer, volunteer=VolunteerFactory(status=Volunteer.Status.PAIRED),
        request=request, status=status, started_on=started, ended_on=ended,
        stop_reason="Verhuisd" if status == "stopped" else "",
    )  # fmt: skip


@pytest.fixture
def pairs():
    """P1 started 15 Apr; P2 ran 10 Jan → 20 May (completed); P3 ran in 2023; P4 only
    proposed (asked 1 May). Waiting: one request of 1 Jun; none counted of 10 Jul or one
    withdrawn in April."""
    p1 = _pair("active", D(2024, 4, 15))
    p2 = _pair("completed", D(2024, 1, 10), D(2024, 5, 20), request_status="done")
    _pair("completed", D(2023, 6, 1), D(2023, 12, 1), request_status="done")
    _pair("proposed", None, request_status="proposed", requested=D(2024, 5, 1))
    for requested, status, closed in [(D(2024, 6, 1), "waiting", None),
                                      (D(2024, 7, 10), "waiting", None),
                                      (D(2024, 4, 1), "withdrawn", D(2024, 4, 20))]:  # fmt: skip
        BuddyRequest.objects.create(
            newcomer=trajectory(opened=D(2024, 1, 1)).newcomer, status=status,
            commits_six_months=True, requested_at=at(requested),
            closed_at=at(closed) if closed else None,
        )  # fmt: skip
    for pair, day in [(p1, D(2024, 4, 20)), (p1, D(2024, 5, 4)), (p2, D(2024, 3, 1))]:
        Meeting.objects.create(pair=pair, date=day, hours=2, what="Wandeling", logged_via="coach")
    VolunteerFactory(status=Volunteer.Status.AVAILABLE)
    VolunteerFactory(status=Volunteer.Status.AVAILABLE, municipality=municipality("13040"))
    return {"p1": p1, "p2": p2}


def test_pairs_started(pairs):
    assert buddies(rivierenland(), Q2)["pairs_started"] == 1


def test_pairs_active_during_the_quarter(pairs):
    assert buddies(rivierenland(), Q2)["pairs_active"] == 2  # P1, P2


def test_pairs_completed(pairs):
    assert buddies(rivierenland(), Q2)["pairs_completed"] == 1  # P2


def test_newcomers_waiting_for_a_buddy_at_the_end_of_the_quarter(pairs):
    assert buddies(rivierenland(), Q2)["buddy_waiting"] == 2  # P4's request, 1 June


def test_volunteers_available_now(pairs):
    assert buddies(rivierenland(), Q2)["volunteers_available"] == 1


def test_meetings_in_the_quarter(pairs):
    assert buddies(rivierenland(), Q2)["meetings"] == 2


# --- feedback ------------------------------------------------------------------------------


@pytest.fixture
def answers(pairs):
    mechelen = municipality("12025")
    someone = trajectory(opened=D(2024, 1, 1)).newcomer
    Feedback.objects.create(kind="trajectory", newcomer=someone, municipality=mechelen,
                            answered_at=at(D(2024, 5, 1)), helpful="yes")  # fmt: skip
    Feedback.objects.create(kind="pair", newcomer=pairs["p1"].newcomer, pair=pairs["p1"],
                            municipality=mechelen, answered_at=at(D(2024, 6, 1)),
                            helpful="no")  # fmt: skip
    invited = trajectory(opened=D(2024, 1, 1)).newcomer  # invited, never answered
    Feedback.objects.create(kind="trajectory", newcomer=invited, municipality=mechelen)
    Evaluation.objects.create(pair=pairs["p2"], side="newcomer", helpful=5, enjoyed=4,
                              submitted_at=at(D(2024, 4, 10)))  # fmt: skip
    Evaluation.objects.create(pair=pairs["p2"], side="volunteer", helpful=5, enjoyed=5,
                              submitted_at=at(D(2024, 4, 10)))  # fmt: skip
    for again in ("yes", "no"):
        Feedback.objects.create(kind="provider", provider=ProviderFactory(), municipality=mechelen,
                                answered_at=at(D(2024, 5, 5)), welcome_again=again)  # fmt: skip


def test_feedback_answers_count_newcomers_answers_of_both_questionnaires(answers):
    assert feedback(rivierenland(), Q2)["feedback_answers"] == 3


def test_helpful_counts_yes_and_buddy_scores_of_4_or_more(answers):
    assert feedback(rivierenland(), Q2)["helpful"] == 2


def test_helpful_share(answers):
    assert feedback(rivierenland(), Q2)["helpful_share"] == pytest.approx(2 / 3, abs=1e-4)


def test_provider_welcome_again_share(answers):
    figures = feedback(rivierenland(), Q2)
    assert (figures["provider_answers"], figures["provider_welcome_again_share"]) == (2, 0.5)
