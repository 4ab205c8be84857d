"""Public pages of the buddy project: the volunteer's sign-up and the secret meeting link.

No account: the sign-up creates a candidate; the link's key (kept only as a hash) opens
one pair's meeting log and nothing else.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pnt.buddies import services
from pnt.buddies.errors import BuddyError
from pnt.buddies.forms import MeetingForm, VolunteerEvaluationForm, VolunteerSignUpForm
from pnt.buddies.models import Evaluation, Pair


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def volunteer_signup(request: HttpRequest) -> HttpResponse:
    form = VolunteerSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        consent = data.pop("consent")
        try:
            services.sign_up_volunteer(consent=consent, **data)
        except BuddyError as error:
            form.add_error(None, str(error))
        else:
            return redirect("buddy_signup_thanks")
    return render(request, "buddies/signup.html", {"form": form, "page_languages": _languages()})


def volunteer_signup_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "buddies/signup_thanks.html", {"page_languages": _languages()})


def _pair_by_key(key: str) -> Pair:
    pair = Pair.by_meeting_key(key)
    if pair is None or pair.status == Pair.Status.PROPOSED:
        raise Http404
    return pair


@never_cache
def meeting_link(request: HttpRequest, key: str) -> HttpResponse:
    """The volunteer's page: log a meeting of this pair, see this pair's meetings; at the
    end, the volunteer's questionnaire. Nothing else of pnt is reachable from here."""
    pair = _pair_by_key(key)
    form = MeetingForm(request.POST or None) if pair.status == Pair.Status.ACTIVE else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.log_meeting(pair=pair, via="link", **form.cleaned_data)
        except BuddyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you! The meeting is saved."))
            return redirect("buddy_meeting_link", key=key)
    evaluated = pair.evaluations.filter(side=Evaluation.Side.VOLUNTEER).exists()
    evaluation_form = None
    if pair.status != Pair.Status.ACTIVE and not evaluated:
        evaluation_form = VolunteerEvaluationForm()
    return render(
        request,
        "buddies/meeting_link.html",
        {
            "pair": pair,
            "form": form,
            "meetings": pair.meetings.all()[:50],
            "evaluation_form": evaluation_form,
            "evaluated": evaluated,
            "key": key,
            "page_languages": _languages(),
        },
    )


def meeting_link_evaluation(request: HttpRequest, key: str) -> HttpResponse:
    pair = _pair_by_key(key)
    if request.method != "POST" or pair.status == Pair.Status.ACTIVE:
        return redirect("buddy_meeting_link", key=key)
    form = VolunteerEvaluationForm(request.POST)
    if form.is_valid():
        try:
            services.record_evaluation(
                pair=pair, side=Evaluation.Side.VOLUNTEER, **form.cleaned_data
            )
        except BuddyError as error:
            messages.error(request, str(error))
        else:
            return render(
                request, "buddies/meeting_link_done.html", {"page_languages": _languages()}
            )
    else:
        messages.error(request, _("Please answer both questions."))
    return redirect("buddy_meeting_link", key=key)
