"""Pages of the accounts: setting up and entering the second factor."""

from __future__ import annotations

import base64
import logging
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from pnt.accounts.forms import TokenForm
from pnt.accounts.two_factor import confirmed_device, is_verified

logger = logging.getLogger("pnt.security")


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/dashboard/"


def _to(name: str, request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse(name)}?{urlencode({'next': _next(request)})}")


@never_cache
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Link an authenticator app: scan the code, type the six digits it shows.

    Replacing an app that is already linked needs that app first: a stolen password alone
    never links a new device.
    """
    if confirmed_device(request.user) and not is_verified(request):
        return _to("two_factor_verify", request)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            ok = device.verify_token(form.cleaned_data["token"])
            if ok:
                TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
        if ok:
            otp_login(request, device)
            logger.info("two-factor device linked", extra={"user_id": request.user.pk})
            messages.success(request, _("Your authenticator app is linked."))
            return redirect(_next(request))
        form.add_error("token", _("That code is not right. Type the code your app shows now."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _next(request),
            "replacing": confirmed_device(request.user) is not None,
        },
    )


@never_cache
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in: the code of the linked authenticator app."""
    device = confirmed_device(request.user)
    if device is None:
        return _to("two_factor_setup", request)
    if is_verified(request):
        return redirect(_next(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verified = verify_token(request.user, device.persistent_id, form.cleaned_data["token"])
        if verified is not None:
            otp_login(request, verified)
            return redirect(_next(request))
        logger.warning("two-factor code refused", extra={"user_id": request.user.pk})
        form.add_error(
            "token",
            _("That code is not right. Type the code your app shows now; after several wrong "
              "codes you have to wait a little longer each time."),
        )  # fmt: skip
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )
