"""The matching weights of a region: set by its coordinator, used by the region's
recommendations, plans and allocation rounds (a round's own parameters still on top)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from pnt import matching
from pnt.trajectories import allocation_services, matching_adapter, weights_services
from pnt.trajectories.forms_matching import WEIGHT_TEXTS
from pnt.trajectories.models_allocation import AllocationRound
from pnt.trajectories.models_weights import (
    BOUNDS,
    DEFAULT_WEIGHTS,
    WEIGHT_NAMES,
    RegionWeights,
    bound_of,
)
from pnt.trajectories.weights_services import WeightsError
from tests.factories import municipality, region, user_with_role
from tests.trajectories.matching_world import MECHELEN, SKW, activity_in, cook_who_bikes

pytestmark = pytest.mark.django_db

# Interests do not count and every kilometre weighs: the choir next door beats the cooking
# group 7 km away for a cook.
NEARBY_FIRST = {"interests": 0, "distance_per_km": 1.0}


@pytest.fixture
def samira():
    return cook_who_bikes()


@pytest.fixture
def two_activities():
    """Cooking in Sint-Katelijne-Waver (7 km, shares her interest), a choir in Mechelen."""
    cooking = activity_in(SKW, "Samen koken Sint-Katelijne-Waver", capacity=1)
    choir = activity_in(MECHELEN, "Zangkoor Mechelen", themes=["music"], capacity=1)
    return cooking, choir


def _set(slug: str = "rivierenland", **values):
    return weights_services.set_region_weights(region=region(slug), values=values, by=None)


def _first(newcomer) -> str:
    return matching_adapter.recommendations(newcomer).top[0].activity.title


# --- the ranking ---------------------------------------------------------------------------


def test_with_the_default_weights_the_shared_interest_comes_first(samira, two_activities):
    assert _first(samira) == "Samen koken Sint-Katelijne-Waver"


def test_the_regions_weights_change_the_ranking_of_recommendations(samira, two_activities):
    _set(**NEARBY_FIRST)

    assert _first(samira) == "Zangkoor Mechelen"


def test_another_regions_weights_leave_the_ranking_alone(samira, two_activities):
    _set("kempen", **NEARBY_FIRST)

    assert _first(samira) == "Samen koken Sint-Katelijne-Waver"


def test_after_a_reset_the_defaults_rank_again(samira, two_activities):
    _set(**NEARBY_FIRST)
    weights_services.reset_region_weights(region=region("rivierenland"), by=None)

    assert _first(samira) == "Samen koken Sint-Katelijne-Waver"


def test_the_plan_is_scored_with_the_regions_weights(samira, two_activities):
    _set(**NEARBY_FIRST)

    best = matching_adapter.plan(samira, weeks=13).best

    fits = {p.activity.title: p.fit for p in best.activities}
    assert fits["Zangkoor Mechelen"] > fits.get("Samen koken Sint-Katelijne-Waver", -99)


def test_a_rounds_own_parameters_override_the_regions_weights():
    _set(interests=0, goal=2)

    weights = matching_adapter.weights_for_region(region("rivierenland"), {"interests": 5})

    assert (weights.interests, weights.goal, weights.schedule) == (
        5,
        2,
        DEFAULT_WEIGHTS["schedule"],
    )


def test_without_a_region_the_weights_are_the_cores_defaults():
    assert matching_adapter.weights_for_region(None) == matching.Weights()


def test_an_allocation_round_gives_the_place_by_the_regions_weights(
    samira, two_activities, django_capture_on_commit_callbacks
):
    _set(**NEARBY_FIRST)

    round_ = _round(django_capture_on_commit_callbacks)

    assert [a.activity.title for a in round_.assignments.all()] == ["Zangkoor Mechelen"]


def test_a_rounds_own_weights_still_win_over_the_regions(
    samira, two_activities, django_capture_on_commit_callbacks
):
    _set(**NEARBY_FIRST)

    round_ = _round(django_capture_on_commit_callbacks, interests=20)

    assert [a.activity.title for a in round_.assignments.all()] == [
        "Samen koken Sint-Katelijne-Waver"
    ]


def test_a_round_keeps_the_weights_it_was_started_with(
    samira, two_activities, django_capture_on_commit_callbacks
):
    _set(**NEARBY_FIRST)
    round_ = _round(django_capture_on_commit_callbacks)
    _set(interests=7)

    round_.refresh_from_db()
    assert round_.parameters["interests"] == 0
    assert round_.parameters["distance_per_km"] == 1.0


def _round(django_capture_on_commit_callbacks, **parameters) -> AllocationRound:
    with django_capture_on_commit_callbacks(execute=True):
        round_ = allocation_services.start_allocation_round(
            region=region("rivierenland"), by=None, parameters=parameters
        )
    round_.refresh_from_db()
    assert round_.status == AllocationRound.Status.READY
    return round_


# --- what is stored --------------------------------------------------------------------------


def test_only_the_weights_that_differ_from_the_defaults_are_stored():
    row = _set(interests=4, goal=DEFAULT_WEIGHTS["goal"], places_cap=3.0)

    assert row.values == {"interests": 4.0, "places_cap": 3}


def test_a_change_of_weights_is_in_the_audit_log():
    from pnt.accounts.models import AuditEntry

    coordinator = user_with_role("coordinator", region=region("rivierenland"))
    row = weights_services.set_region_weights(
        region=region("rivierenland"), values={"interests": 4}, by=coordinator
    )

    entry = AuditEntry.objects.get(object_type="trajectories.regionweights", object_id=row.pk)
    assert (entry.user, entry.action) == (coordinator, "change")
    assert entry.detail == "weights: interests 3 → 4"


def test_a_reset_empties_the_regions_weights_and_is_audited():
    from pnt.accounts.models import AuditEntry

    row = _set(interests=4)
    weights_services.reset_region_weights(region=region("rivierenland"), by=None)

    row.refresh_from_db()
    assert row.values == {}
    assert AuditEntry.objects.filter(detail="weights: reset to defaults").exists()


# --- validation ------------------------------------------------------------------------------


def test_an_unknown_weight_is_refused():
    with pytest.raises(WeightsError) as refused:
        _set(charm=2)

    assert refused.value.errors == {"charm": "Unknown weight."}
    assert not RegionWeights.objects.exists()


def test_a_negative_weight_is_refused():
    with pytest.raises(WeightsError) as refused:
        _set(distance_per_km=-0.1)

    assert refused.value.errors == {"distance_per_km": "Cannot be negative."}


def test_a_weight_above_its_bound_is_refused():
    with pytest.raises(WeightsError) as refused:
        _set(interests=1000, uitpas_price_factor=1.5)

    assert refused.value.errors == {"interests": "At most 20.", "uitpas_price_factor": "At most 1."}


def test_a_count_must_be_a_whole_number_and_a_weight_a_number():
    with pytest.raises(WeightsError) as refused:
        _set(places_cap=2.5, goal="much")

    assert refused.value.errors == {
        "places_cap": "A whole number is needed.",
        "goal": "Not a number.",
    }


def test_the_own_words_floor_must_stay_below_full_points():
    with pytest.raises(WeightsError) as refused:
        _set(own_words_floor=0.9)

    assert set(refused.value.errors) == {"own_words_full"}


def test_the_model_refuses_unknown_weights_too():
    row = RegionWeights(region=region("rivierenland"), values={"charm": 1, "goal": -1})

    with pytest.raises(ValidationError) as refused:
        row.full_clean()

    assert refused.value.message_dict["values"] == [
        "charm: Unknown weight.",
        "goal: Cannot be negative.",
    ]


def test_a_bad_stored_value_is_ignored_by_the_matching():
    RegionWeights.objects.create(region=region("rivierenland"), values={"goal": "x", "cost": 2})

    weights = matching_adapter.weights_for_region(region("rivierenland"))

    assert (weights.goal, weights.cost) == (DEFAULT_WEIGHTS["goal"], 2.0)


def test_every_weight_of_the_core_has_a_meaning_and_a_bound():
    assert set(WEIGHT_TEXTS) == set(WEIGHT_NAMES)
    assert set(BOUNDS) <= set(WEIGHT_NAMES)
    assert all(bound_of(name).low <= DEFAULT_WEIGHTS[name] <= bound_of(name).high
               for name in WEIGHT_NAMES)  # fmt: skip


def test_a_newcomer_outside_the_region_keeps_the_defaults():
    _set(**NEARBY_FIRST)
    newcomer = cook_who_bikes(municipality=municipality("13040"))  # Turnhout, in the Kempen

    assert matching_adapter.weights_for_newcomer(newcomer) == matching.Weights()
