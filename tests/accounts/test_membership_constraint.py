"""The database itself refuses a membership whose scope does not fit its role."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from pnt.accounts.models import Membership, Role
from tests.factories import ProviderFactory, UserFactory, municipality, region

pytestmark = pytest.mark.django_db


def _scope(kind: str) -> dict:
    return {
        "region": lambda: {"region": region("rivierenland")},
        "municipality": lambda: {"municipality": municipality("12029")},
        "provider": lambda: {"provider": ProviderFactory()},
        "none": dict,
        "region+municipality": lambda: {
            "region": region("rivierenland"),
            "municipality": municipality("12029"),
        },
    }[kind]()


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.COACH, "none"),
        (Role.COORDINATOR, "none"),
        (Role.COACH, "municipality"),
        (Role.COACH, "region+municipality"),
        (Role.MUNICIPAL_OFFICER, "none"),
        (Role.MUNICIPAL_OFFICER, "region"),
        (Role.PROVIDER_STAFF, "none"),
        (Role.PROVIDER_STAFF, "municipality"),
        (Role.COUNSELLOR, "region"),
        (Role.ADMIN, "provider"),
    ],
)
def test_membership_with_the_wrong_scope_is_refused(role, scope):
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=role, **_scope(scope))


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.COACH, "region"),
        (Role.COORDINATOR, "region"),
        (Role.MUNICIPAL_OFFICER, "municipality"),
        (Role.PROVIDER_STAFF, "provider"),
        (Role.COUNSELLOR, "none"),
        (Role.ADMIN, "none"),
    ],
)
def test_membership_with_the_right_scope_is_stored(role, scope):
    Membership.objects.create(user=UserFactory(), role=role, **_scope(scope))
    assert Membership.objects.filter(role=role).count() == 1
