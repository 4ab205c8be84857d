"""Own words: the real model when the extra is installed, and its absence simulated."""

from __future__ import annotations

import os
import sys

import pytest

from pnt.matching import embedding

IN_CI = os.environ.get("CI", "").lower() == "true"
HAS_MODEL = embedding.available()

# `make test` installs the extra, so CI always runs the real model; a developer without it
# gets a skip, never a silent pass.
requires_model = pytest.mark.skipif(
    not HAS_MODEL and not IN_CI, reason="needs the optional extra pnt[semantic]"
)


@pytest.fixture
def without_extra(monkeypatch):
    """As if `pip install pnt[semantic]` never ran: importing the backend fails."""
    monkeypatch.setitem(sys.modules, embedding.BACKEND, None)
    assert not embedding.available()


@pytest.fixture
def coordinator(db):
    from pnt.accounts.models import Role
    from tests.factories import region, user_with_role

    return user_with_role(Role.COORDINATOR, region=region("rivierenland"))


@pytest.fixture
def coach(db):
    from pnt.accounts.models import Role
    from tests.factories import region, user_with_role

    return user_with_role(Role.COACH, region=region("rivierenland"))
