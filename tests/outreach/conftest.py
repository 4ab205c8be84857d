"""Named people and helpers for the outreach tests: a coach in Rivierenland, a newcomer who
reached the 40 hours, and a follow-on with its check-ins."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pnt.accounts.models import Role
from pnt.outreach import services
from pnt.trajectories.models import Intake, Trajectory
from tests.factories import NewcomerFactory, municipality, region, user_with_role


@pytest.fixture
def coach(db):
    return user_with_role(Role.COACH, region=region("rivierenland"))


@pytest.fixture
def coordinator(db):
    return user_with_role(Role.COORDINATOR, region=region("rivierenland"))


def completed_newcomer(nis: str = "12029", language: str = "ar", **fields):
    """A newcomer whose trajectory reached the 40 hours."""
    newcomer = NewcomerFactory(
        municipality=municipality(nis), preferred_language=language, **fields
    )
    Trajectory.objects.filter(newcomer=newcomer).update(
        status=Trajectory.Status.COMPLETED,
        hours=Decimal("40"),
        completed_on=dt.date(2025, 1, 15),
    )
    newcomer.refresh_from_db()
    return newcomer


def with_intake(newcomer, max_km: int, talents=()):
    Intake.objects.create(newcomer=newcomer, max_km=max_km, talents=list(talents))
    return newcomer


@pytest.fixture
def amina(db):
    return completed_newcomer(first_name="Amina", last_name="Saleh", email="amina@example.org")


@pytest.fixture
def follow_on(amina, coach):
    return services.record_follow_on(
        newcomer=amina, destination="club", by=coach, on=dt.date(2025, 1, 20)
    )
