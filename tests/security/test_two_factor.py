"""Two-factor authentication (TOTP) for staff: enrolment, enforcement, verification."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pnt.accounts.models import ApiToken, Role
from tests.factories import TEST_PASSWORD, UserFactory, region, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _enforced(settings):
    settings.PNT_STAFF_2FA = True


@pytest.fixture
def coach():
    return user_with_role(Role.COACH, region=region("rivierenland"))


def _log_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return response


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def _linked_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def test_first_login_asks_to_link_an_app(client, coach):
    _log_in(client, coach)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("two_factor_setup"))


def test_setup_shows_a_qr_code_and_the_key(client, coach):
    _log_in(client, coach)
    html = client.get(reverse("two_factor_setup")).content.decode()
    assert 'src="data:image/svg+xml' in html
    device = TOTPDevice.objects.get(user=coach, confirmed=False)
    key = device.config_url.split("secret=")[1].split("&")[0]
    assert key[:4] in html


def test_linking_the_app_opens_the_pages(client, coach):
    _log_in(client, coach)
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user=coach)
    response = client.post(
        reverse("two_factor_setup"), {"token": _code(device), "next": "/dashboard/"}
    )
    assert response.status_code == 302 and response.url == "/dashboard/"
    assert TOTPDevice.objects.get(user=coach).confirmed
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_wrong_code_does_not_link_the_app(client, coach):
    _log_in(client, coach)
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user=coach)
    wrong = f"{(int(_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("two_factor_setup"), {"token": wrong})
    assert response.status_code == 200 and response.context["form"].errors
    assert not TOTPDevice.objects.get(user=coach).confirmed
    assert client.get(reverse("dashboard")).status_code == 302


def test_with_a_linked_app_login_asks_for_the_code(client, coach):
    _linked_device(coach)
    _log_in(client, coach)
    response = client.get(reverse("newcomer_list"))
    assert response.url.startswith(reverse("two_factor_verify"))
    assert "next=%2Fnewcomers%2F" in response.url


def test_the_right_code_lets_the_user_in(client, coach):
    device = _linked_device(coach)
    _log_in(client, coach)
    response = client.post(
        reverse("two_factor_verify"), {"token": _code(device), "next": "/newcomers/"}
    )
    assert response.status_code == 302 and response.url == "/newcomers/"
    assert client.get(reverse("newcomer_list")).status_code == 200


def test_the_wrong_code_keeps_the_user_out(client, coach):
    device = _linked_device(coach)
    _log_in(client, coach)
    wrong = f"{(int(_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("two_factor_verify"), {"token": wrong})
    assert response.status_code == 200 and response.context["form"].errors
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_used_code_cannot_be_replayed(client, coach):
    device = _linked_device(coach)
    code = _code(device)
    _log_in(client, coach)
    client.post(reverse("two_factor_verify"), {"token": code})
    client.post(reverse("logout"))
    _log_in(client, coach)
    client.post(reverse("two_factor_verify"), {"token": code})
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_password_alone_cannot_replace_the_linked_app(client, coach):
    _linked_device(coach)
    _log_in(client, coach)
    response = client.get(reverse("two_factor_setup"))
    assert response.url.startswith(reverse("two_factor_verify"))
    assert not TOTPDevice.objects.filter(user=coach, confirmed=False).exists()


def test_the_api_answers_401_to_an_unverified_session(client, coach):
    _log_in(client, coach)
    response = client.get("/api/accounts/me")
    assert response.status_code == 401
    assert response.json()["detail"] == "Two-factor authentication required"


def test_api_tokens_are_not_affected(client, coach):
    raw = ApiToken.generate()
    ApiToken.objects.create(user=coach, name="sync", key_hash=ApiToken.hash(raw), prefix=raw[:8])
    response = client.get("/api/accounts/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200


def test_a_user_without_a_role_is_not_asked(client):
    nobody = UserFactory()
    _log_in(client, nobody)
    assert client.get(reverse("dashboard")).status_code == 200


def test_logging_out_stays_possible(client, coach):
    _log_in(client, coach)
    response = client.post(reverse("logout"))
    assert response.url == reverse("login")


def test_the_setting_turns_enforcement_off(client, coach, settings):
    settings.PNT_STAFF_2FA = False
    _log_in(client, coach)
    assert client.get(reverse("dashboard")).status_code == 200


def test_enforcement_is_on_by_default_outside_debug():
    import subprocess
    import sys

    code = "from django.conf import settings; print(settings.PNT_STAFF_2FA)"
    env = {"DJANGO_SETTINGS_MODULE": "pnt.settings", "PATH": "/usr/bin:/bin"}
    for debug, expected in (("false", "True"), ("true", "False")):
        out = subprocess.run(  # noqa: S603 — our interpreter, fixed arguments
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            env={**env, "DEBUG": debug}, capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert out.stdout.strip() == expected
