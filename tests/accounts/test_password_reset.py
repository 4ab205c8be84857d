"""Password reset by e-mail: the mail carries a link that sets a new password once."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-new-and-long-passphrase-42"


@pytest.fixture
def user():
    return UserFactory(email="veerle@example.org")


def _request_reset(client, email: str):
    return client.post(reverse("password_reset"), {"email": email})


def _link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body)
    assert match, f"no reset link in:\n{message.body}"
    return match.group(1)


def _set_password(client, link: str):
    form_url = client.get(link).url  # Django moves the token into the session first
    return client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})


def test_reset_request_mails_a_link(client, mailoutbox, user):
    response = _request_reset(client, user.email)
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]
    assert _link(mailoutbox[0]).startswith("/accounts/reset/")


def test_reset_link_opens_the_new_password_form(client, mailoutbox, user):
    _request_reset(client, user.email)
    response = client.get(_link(mailoutbox[0]), follow=True)
    assert response.status_code == 200
    assert "new_password1" in response.context["form"].fields


def test_reset_link_sets_the_new_password(client, mailoutbox, user):
    _request_reset(client, user.email)
    response = _set_password(client, _link(mailoutbox[0]))
    assert response.status_code == 302
    assert response.url == reverse("password_reset_complete")
    assert client.login(username=user.username, password=NEW_PASSWORD)


def test_reset_link_works_only_once(client, mailoutbox, user):
    _request_reset(client, user.email)
    link = _link(mailoutbox[0])
    _set_password(client, link)
    response = client.get(link, follow=True)
    assert response.context["validlink"] is False


def test_unknown_address_gets_the_same_answer_and_no_mail(client, mailoutbox):
    response = _request_reset(client, "nobody@example.org")
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert mailoutbox == []
