"""Strong passwords: at least 12 characters, not common, not only digits, not the name."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "password",
    ["kort-wachtw", "password1234", "123456789012345"],
    ids=["too short", "common", "digits only"],
)
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_password_like_the_username_is_refused():
    user = UserFactory(username="yasmina.haddad", email="yasmina.haddad@example.org")
    with pytest.raises(ValidationError):
        validate_password("yasmina.haddad", user=user)


def test_a_long_passphrase_is_accepted():
    validate_password("rivier-fiets-koffie-lantaarn")
