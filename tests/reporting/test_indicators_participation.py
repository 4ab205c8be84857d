"""Hours, participants, the activity mix and the offer, on hand-built data.

Mechelen: a conversation table (10 places) and a culture activity that is a formal lesson
(12 places, does not count). Putte: a Samen Doen (8 places, created 1 May 2024) and a sport
activity of the municipal sport service (5 places). A draft and an activity that ended in
March are not on offer in Q2.

Amal and Bilal live in Mechelen; Chen too; Farah in Putte.
  Amal   conversation table 10 Apr 2 h; 20 Mar 2 h (Q1)
  Bilal  conversation table 10 Apr 2 h; Samen Doen 10 May 3 h
  Chen   the formal lesson 12 Apr 2 h (does not count)
  Farah  conversation table 10 Apr absent
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pnt.offer.models import Provider
from pnt.reporting.families import hours, mix, offer
from pnt.reporting.scopes import for_municipality, for_provider, for_region
from pnt.trajectories.models import Enrolment
from tests.factories import ProviderFactory, municipality, region
from tests.reporting.helpers import Q2, D, activity, at, attend, trajectory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer_world():
    table = activity(type="conversation_table", capacity=10)
    lesson = activity(type="culture", capacity=12, is_formal_lesson=True,
                      created_at=at(D(2023, 6, 1)))  # fmt: skip
    samen = activity("12029", type="samen_doen", capacity=8, created_at=at(D(2024, 5, 1)))
    service = ProviderFactory(municipality=municipality("12029"),
                              kind=Provider.Kind.MUNICIPAL_SERVICE)  # fmt: skip
    activity("12029", provider=service, type="sport", capacity=5, created_at=at(D(2024, 2, 1)))
    activity(type="sport", status="draft")
    activity(type="sport", end_date=D(2024, 3, 31))
    activity("13040", type="conversation_table")  # Kempen
    return {"table": table, "lesson": lesson, "samen": samen}


@pytest.fixture
def ledger(offer_world):
    amal = trajectory(opened=D(2024, 1, 1)).newcomer
    bilal = trajectory(opened=D(2024, 1, 1)).newcomer
    chen = trajectory(opened=D(2024, 1, 1)).newcomer
    farah = trajectory("12029", opened=D(2024, 1, 1)).newcomer
    table, samen, lesson = offer_world["table"], offer_world["samen"], offer_world["lesson"]
    attend(amal, table, D(2024, 4, 10), "2")
    attend(amal, table, D(2024, 3, 20), "2")
    attend(bilal, table, D(2024, 4, 10), "2")
    attend(bilal, samen, D(2024, 5, 10), "3")
    attend(chen, lesson, D(2024, 4, 12), "2")
    attend(farah, table, D(2024, 4, 10), "0", status="absent")
    return {"amal": amal, "bilal": bilal, "chen": chen, "farah": farah, **offer_world}


def rivierenland():
    return for_region(region("rivierenland"))


def test_hours_sum_present_hours_of_counting_activities_in_the_quarter(ledger):
    assert hours(rivierenland(), Q2)["hours"] == Decimal("7")  # 2 + 2 + 3


def test_hours_of_the_quarter_before(ledger):
    assert hours(rivierenland(), Q2.previous())["hours"] == Decimal("2")


def test_participants_are_newcomers_with_a_present_hour(ledger):
    assert hours(rivierenland(), Q2)["participants"] == 2  # Amal, Bilal


def test_samen_doen_participants(ledger):
    assert hours(rivierenland(), Q2)["samen_doen_participants"] == 1  # Bilal


def test_hours_by_type(ledger):
    by_type = hours(rivierenland(), Q2)["hours_by_type"]
    assert by_type == {"conversation_table": Decimal("4"), "samen_doen": Decimal("3")}


def test_hours_of_a_provider_are_those_done_in_its_activities(ledger):
    figures = hours(for_provider(ledger["samen"].provider), Q2)
    assert (figures["hours"], figures["participants"]) == (Decimal("3"), 1)


@pytest.fixture
def choices(offer_world):
    amal = trajectory(opened=D(2024, 1, 1)).newcomer
    bilal = trajectory(opened=D(2024, 1, 1)).newcomer
    putte = trajectory("12029", opened=D(2024, 1, 1)).newcomer
    table, samen, lesson = offer_world["table"], offer_world["samen"], offer_world["lesson"]
    for newcomer, chosen, day in [
        (amal, table, D(2024, 4, 5)),
        (bilal, table, D(2024, 4, 20)),
        (bilal, samen, D(2024, 5, 2)),
        (putte, lesson, D(2024, 4, 10)),
        (putte, table, D(2024, 3, 30)),  # Q1
    ]:
        Enrolment.objects.create(newcomer=newcomer, activity=chosen, requested_at=at(day))


def test_enrolments_count_choices_made_in_the_quarter(choices):
    assert mix(rivierenland(), Q2)["enrolments"] == 4


def test_enrolments_by_type(choices):
    assert mix(rivierenland(), Q2)["enrolments_by_type"] == {
        "conversation_table": 2,
        "samen_doen": 1,
        "culture": 1,
    }


def test_conversation_table_share(choices):
    assert mix(rivierenland(), Q2)["conversation_table_share"] == 0.5


def test_activities_on_offer_leave_out_drafts_and_ended_ones(offer_world):
    assert offer(rivierenland(), Q2)["activities"] == 4


def test_places_on_offer(offer_world):
    assert offer(rivierenland(), Q2)["places"] == 35  # 10 + 12 + 8 + 5


def test_activities_and_places_by_type(offer_world):
    figures = offer(rivierenland(), Q2)
    assert figures["activities_by_type"] == {"conversation_table": 1, "culture": 1,
                                             "samen_doen": 1, "sport": 1}  # fmt: skip
    assert figures["places_by_type"]["culture"] == 12


def test_new_capacity_is_the_places_of_activities_created_in_the_quarter(offer_world):
    figures = offer(rivierenland(), Q2)
    assert (figures["new_activities"], figures["new_places"]) == (1, 8)


def test_local_authority_projects_are_activities_of_municipal_services(offer_world):
    assert offer(rivierenland(), Q2)["local_authority_projects"] == 1


def test_municipalities_without_a_conversation_table(offer_world):
    missing = offer(rivierenland(), Q2)["without_conversation_table"]
    assert "Mechelen" not in missing and "Putte" in missing and len(missing) == 11


def test_municipalities_without_samen_doen(offer_world):
    missing = offer(for_municipality(municipality("12029")), Q2)["without_samen_doen"]
    assert missing == []


def test_local_authorities_supported(ledger):
    # Offer in Mechelen and Putte; participants from Mechelen: two municipalities.
    assert offer(rivierenland(), Q2)["local_authorities_supported"] == 2
