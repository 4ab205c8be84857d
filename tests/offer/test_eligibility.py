"""PNT eligibility: the formal conditions, the verdict with reasons, and validation."""

from __future__ import annotations

import pytest

from pnt.offer.errors import OfferError
from pnt.offer.services import update_activity, validate_activity
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("condition", "value", "reason"),
    [
        ("dutch_context", False, "Dutch-language context"),
        ("with_others", False, "at least two people"),
        ("meets_new_people", False, "new people"),
        ("lasting_contacts", False, "lasting contacts"),
        ("is_formal_lesson", True, "formal Dutch lesson"),
    ],
)
def test_each_unmet_condition_gives_its_reason(condition, value, reason, aster):
    activity = ActivityFactory.build(provider=aster, **{condition: value})
    assert not activity.is_eligible
    assert any(reason in str(r) for r in activity.eligibility_reasons)
    assert str(activity.verdict) == "Does not count for the PNT"


def test_an_activity_meeting_every_condition_is_eligible_but_counts_only_once_validated(aster):
    activity = ActivityFactory(provider=aster, validated_at=None)
    assert activity.is_eligible and not activity.counts_for_pnt
    assert activity.verdict == "Eligible, not yet validated"


def test_the_coordinator_validates_and_then_it_counts(aster, coordinator):
    activity = ActivityFactory(provider=aster, validated_at=None)
    validate_activity(user=coordinator, activity=activity)
    activity.refresh_from_db()
    assert activity.counts_for_pnt and activity.validated_by == coordinator


def test_a_coach_of_the_region_validates_too(aster, coach):
    activity = ActivityFactory(provider=aster, validated_at=None)
    assert validate_activity(user=coach, activity=activity).counts_for_pnt


def test_a_provider_cannot_validate_its_own_activity(aster, aster_staff):
    activity = ActivityFactory(provider=aster, validated_at=None)
    with pytest.raises(OfferError, match="coordinator or a coach"):
        validate_activity(user=aster_staff, activity=activity)


def test_an_ineligible_activity_cannot_be_validated(aster, coordinator):
    activity = ActivityFactory(provider=aster, validated_at=None, is_formal_lesson=True)
    with pytest.raises(OfferError, match="formal Dutch lesson"):
        validate_activity(user=coordinator, activity=activity)


def test_changing_a_condition_voids_the_validation(aster, aster_staff):
    activity = ActivityFactory(provider=aster)
    assert activity.counts_for_pnt
    update_activity(user=aster_staff, activity=activity, data={"with_others": False})
    activity.refresh_from_db()
    assert activity.validated_at is None and not activity.counts_for_pnt


def test_changing_the_description_keeps_the_validation(aster, aster_staff):
    activity = ActivityFactory(provider=aster)
    update_activity(user=aster_staff, activity=activity, data={"description": "Nieuw."})
    activity.refresh_from_db()
    assert activity.counts_for_pnt
