"""The newcomer's check-in page: one question, answered through a secret link, no account.

The link's key (kept only as a hash) opens its own check-in and nothing else; once the
question is answered, the link only says thank you. The page speaks the newcomer's
language (or the one they pick) and is made for a phone.
"""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache

from pnt.outreach import services
from pnt.outreach.errors import OutreachError
from pnt.outreach.forms import CheckInAnswerForm
from pnt.outreach.infopages import NEWCOMER_LANGUAGES, check_in_text
from pnt.outreach.models import CheckIn


def _check_in(key: str) -> CheckIn:
    check_in = CheckIn.by_key(key)
    if check_in is None or not services.link_is_open(check_in):
        raise Http404
    return check_in


def _language(request: HttpRequest, check_in: CheckIn) -> str:
    """The language picked on the page (?lang= or the switcher), else the newcomer's."""
    for candidate in (
        request.GET.get("lang"),
        request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME),
        check_in.follow_on.newcomer.preferred_language,
    ):
        if candidate in NEWCOMER_LANGUAGES:
            return candidate
    return "nl"


@never_cache
def check_in_link(request: HttpRequest, key: str) -> HttpResponse:
    check_in = _check_in(key)
    language = _language(request, check_in)
    form = None
    if not check_in.answer:
        form = CheckInAnswerForm(request.POST or None, language=language)
        if request.method == "POST" and form.is_valid():
            # Answered meanwhile (another tab)? Then the page simply says thank you.
            with contextlib.suppress(OutreachError):
                services.answer_check_in(check_in=check_in, answer=form.cleaned_data["answer"])
            return redirect("check_in_link", key=key)
    text = check_in_text(language)
    context = {
        "check_in": check_in,
        "form": form,
        "text": text,
        "hello": text["hello"].format(name=check_in.follow_on.newcomer.first_name),
        "intro": text["intro"].format(months=check_in.months),
        "page_languages": list(NEWCOMER_LANGUAGES),
    }
    with translation.override(language):
        response = render(request, "outreach/check_in.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
