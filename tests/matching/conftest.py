"""The matching core is pure: its tests need neither Django settings nor a database.

The project-wide autouse fixtures touch Django settings; overriding them here by name keeps
these tests runnable with ``-p no:django`` and fast under the full suite.
"""

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords():
    """No passwords in the matching core."""


@pytest.fixture(autouse=True)
def _immediate_tasks():
    """No background tasks in the matching core."""
