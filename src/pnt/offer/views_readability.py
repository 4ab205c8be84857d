"""The plain-Dutch check of the activity editor, as an htmx fragment."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from pnt.offer.readability import warnings

MAX_CHARS = 20_000


@login_required
@require_POST
def readability_check(request: HttpRequest) -> HttpResponse:
    """Warnings for the description being typed (nothing is stored)."""
    text = request.POST.get("description", "")[:MAX_CHARS]
    context = {"warnings": warnings(text), "checked": bool(text.strip())}
    return render(request, "offer/_readability.html", context)
