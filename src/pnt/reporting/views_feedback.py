"""The feedback questionnaires: the public page behind the secret link (no account), and the
staff page that shows the results and makes links for newcomers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pnt.accounts.scoping import scope_for
from pnt.reporting import services
from pnt.reporting.forms import NewcomerFeedbackForm, ProviderFeedbackForm
from pnt.reporting.models import Feedback
from pnt.reporting.services import FeedbackError


@never_cache
def feedback_form(request: HttpRequest, key: str) -> HttpResponse:
    """The questionnaire behind a secret link: a few questions, a face for each answer."""
    feedback = Feedback.by_key(key)
    if feedback is None:
        raise Http404
    form_class = NewcomerFeedbackForm if feedback.is_for_newcomer else ProviderFeedbackForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.answer(feedback=feedback, comment=data.pop("comment", ""), **data)
        except FeedbackError as error:
            form.add_error(None, str(error))
        else:
            return render(request, "reporting/feedback_thanks.html")
    return render(request, "reporting/feedback_form.html", {"form": form, "feedback": feedback})


def _may_invite(user) -> bool:
    scope = scope_for(user)
    return scope.is_admin or bool(scope.area_municipality_ids) or scope.is_counsellor


def _newcomers(user):
    from pnt.trajectories.models import Newcomer

    return Newcomer.objects.visible_to(user)


@login_required
def feedback_overview(request: HttpRequest) -> HttpResponse:
    """Answers so far in one's scope, and newcomers who ended without a questionnaire."""
    if not _may_invite(request.user):
        raise Http404
    newcomers = _newcomers(request.user)
    answered = Feedback.objects.filter(newcomer__in=newcomers, answered_at__isnull=False)
    totals = answered.aggregate(
        n=Count("pk"),
        helpful=Count("pk", filter=Q(helpful="yes")),
        met=Count("pk", filter=Q(met_people="yes")),
        continues=Count("pk", filter=Q(continues="yes")),
    )
    asked = Feedback.objects.filter(kind=Feedback.Kind.TRAJECTORY, newcomer=OuterRef("pk"))
    to_ask = (
        newcomers.filter(trajectory__completed_on__isnull=False)
        .exclude(Exists(asked))
        .select_related("trajectory", "municipality")
        .order_by("-trajectory__completed_on")[:30]
    )
    return render(
        request,
        "reporting/feedback_overview.html",
        {"totals": totals, "to_ask": to_ask, "open_links": Feedback.objects.filter(
            newcomer__in=newcomers, answered_at__isnull=True).count()},
    )  # fmt: skip


@login_required
@require_POST
def feedback_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """Make the newcomer's end-of-trajectory questionnaire link; it is shown once."""
    if not _may_invite(request.user):
        raise Http404
    newcomer = get_object_or_404(_newcomers(request.user), pk=pk)
    try:
        _feedback, raw = services.invite_newcomer(newcomer=newcomer, by=request.user)
    except FeedbackError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The questionnaire link for %(name)s (shown once): %(link)s")
            % {
                "name": newcomer.first_name,
                "link": request.build_absolute_uri(reverse("feedback_form", args=[raw])),
            },
        )
    return redirect("feedback_overview")
