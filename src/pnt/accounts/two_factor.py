"""Two-factor authentication (TOTP) for staff: who needs it, and the middleware that asks.

After the password, a staff user proves they hold their authenticator app (a six-digit
code that changes every 30 seconds; RFC 6238, via django-otp). Until they do, every page
sends them to enter the code (or, the first time, to set up the app), and the API answers
401 to their session. API tokens are a credential of their own and are not affected.

Enforcement follows ``settings.PNT_STAFF_2FA`` (on by default outside DEBUG; see
docs/security.md for the demo).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from pnt.accounts.scoping import scope_for

logger = logging.getLogger("pnt.security")

# Pages an unverified staff user may still reach: to verify, to set up, to leave.
EXEMPT_URL_NAMES = ("two_factor_verify", "two_factor_setup", "logout", "set_language", "health")


def needs_two_factor(user) -> bool:
    """Whether this user must pass the second factor: everyone with a staff role."""
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_staff or user.is_superuser or scope_for(user).roles)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def is_verified(request: HttpRequest) -> bool:
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


class StaffTwoFactorMiddleware:
    """Sends a staff user who has not passed the second factor to do so (after
    django_otp.middleware.OTPMiddleware)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._exempt: set[str] | None = None

    def exempt_paths(self) -> set[str]:
        if self._exempt is None:
            self._exempt = {reverse(name) for name in EXEMPT_URL_NAMES}
        return self._exempt

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_verify(request):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": "Two-factor authentication required"}, status=401)
            target = "two_factor_verify" if confirmed_device(request.user) else "two_factor_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_verify(self, request: HttpRequest) -> bool:
        if not getattr(settings, "PNT_STAFF_2FA", False):
            return False
        path = request.path_info
        if path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return False
        if path in self.exempt_paths() or "HTTP_AUTHORIZATION" in request.META:
            return False
        return needs_two_factor(request.user) and not is_verified(request)
