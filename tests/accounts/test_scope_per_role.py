"""The Scope each role gets: the one mechanism every visible_to() asks."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from pnt.accounts.models import Membership, Role
from pnt.accounts.scoping import Scope, forget_scope, scope_for
from tests.factories import ProviderFactory, UserFactory, municipality, region, user_with_role

pytestmark = pytest.mark.django_db


def _municipality_ids(region_slug: str) -> frozenset[int]:
    return frozenset(region(region_slug).municipalities.values_list("pk", flat=True))


def test_coordinator_sees_every_municipality_of_their_region():
    rivierenland = region("rivierenland")
    scope = scope_for(user_with_role(Role.COORDINATOR, region=rivierenland))
    assert scope.region_ids == {rivierenland.pk}
    assert scope.coordinator_region_ids == {rivierenland.pk}
    assert scope.area_municipality_ids == _municipality_ids("rivierenland")
    assert len(scope.area_municipality_ids) == 12


def test_coach_has_the_region_but_does_not_coordinate_it():
    kempen = region("kempen")
    scope = scope_for(user_with_role(Role.COACH, region=kempen))
    assert scope.region_ids == {kempen.pk}
    assert scope.coordinator_region_ids == frozenset()
    assert scope.area_municipality_ids == _municipality_ids("kempen")


def test_municipal_officer_sees_only_their_municipality():
    putte = municipality("12029")
    scope = scope_for(user_with_role(Role.MUNICIPAL_OFFICER, municipality=putte))
    assert scope.officer_municipality_ids == {putte.pk}
    assert scope.area_municipality_ids == {putte.pk}
    assert scope.region_ids == frozenset()


def test_provider_staff_see_their_organisation_and_no_area():
    provider = ProviderFactory()
    scope = scope_for(user_with_role(Role.PROVIDER_STAFF, provider=provider))
    assert scope.provider_ids == {provider.pk}
    assert scope.area_municipality_ids == frozenset()
    assert not scope.is_admin


def test_counsellor_has_a_caseload_and_no_area():
    scope = scope_for(user_with_role(Role.COUNSELLOR))
    assert scope.is_counsellor
    assert scope.area_municipality_ids == frozenset()
    assert scope.provider_ids == frozenset()


def test_admin_membership_makes_an_admin():
    assert scope_for(user_with_role(Role.ADMIN)).is_admin


def test_superuser_is_admin_without_a_membership():
    assert scope_for(UserFactory(is_superuser=True)).is_admin


def test_user_without_membership_sees_nothing():
    scope = scope_for(UserFactory())
    assert scope.roles == frozenset()
    assert not scope.is_staff_anywhere
    assert not scope.is_admin
    assert scope.area_municipality_ids == frozenset()


def test_anonymous_visitor_has_the_empty_scope():
    assert scope_for(AnonymousUser()) == Scope()


def test_deactivated_user_has_the_empty_scope():
    user = user_with_role(Role.ADMIN)
    user.is_active = False
    assert scope_for(user) == Scope()


def test_memberships_add_up():
    user = user_with_role(Role.COACH, region=region("rivierenland"))
    turnhout = municipality("13040")
    Membership.objects.create(user=user, role=Role.MUNICIPAL_OFFICER, municipality=turnhout)
    scope = scope_for(user)
    assert scope.area_municipality_ids == _municipality_ids("rivierenland") | {turnhout.pk}
    assert scope.roles == {Role.COACH, Role.MUNICIPAL_OFFICER}


def test_scope_is_computed_once_per_user_object_until_forgotten():
    user = UserFactory()
    assert scope_for(user).roles == frozenset()
    Membership.objects.create(user=user, role=Role.COUNSELLOR)
    assert scope_for(user).roles == frozenset()
    forget_scope(user)
    assert scope_for(user).roles == {Role.COUNSELLOR}
