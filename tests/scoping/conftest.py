"""The scoping world is built once per module and rolled back at its end."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.scoping.world import World, build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> World:
    # Every test runs in a savepoint inside this transaction, so the world is built once
    # (a few hundred tests share it) and leaves nothing behind.
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)
