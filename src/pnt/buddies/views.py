"""Pages of the buddy project for coaches and coordinators of the region (outside scope: 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.accounts.audit import record_access
from pnt.buddies import queries, services
from pnt.buddies.errors import BuddyError
from pnt.buddies.forms import (
    BuddyRequestForm,
    ConversationForm,
    EndForm,
    EvaluationForm,
    FollowUpForm,
    MeetingForm,
    RejectForm,
    RoundStartForm,
    SwapForm,
    VolunteerIntakeForm,
    VolunteerStatusForm,
)
from pnt.buddies.models import MatchingRound, Pair, Proposal, Volunteer
from pnt.trajectories import queries as trajectory_queries


@login_required
def board(request: HttpRequest) -> HttpResponse:
    """The coach's board: who waits, who is free, pairs by state, follow-ups due, shortage."""
    user = request.user
    today = timezone.localdate()
    waiting = list(queries.waiting_list(user)[:100])
    for row in waiting:
        row.days_waiting = queries.days_since(row.requested_at, today)
    free = list(queries.free_volunteers(user)[:100])
    for row in free:
        row.days_waiting = queries.days_since(row.status_changed_at, today)
    regions = list(queries.regions(user))
    context = {
        "waiting": waiting,
        "free_volunteers": free,
        "candidates": queries.volunteers(user).filter(status=Volunteer.Status.CANDIDATE)[:50],
        "pair_counts": queries.pair_counts(user),
        "due": queries.due_follow_ups(user, today=today)[:50],
        "shortages": [(r, queries.shortage_by_municipality(r)) for r in regions],
        "open_rounds": queries.rounds(user).filter(status=MatchingRound.Status.OPEN),
        "round_form": RoundStartForm(regions=queries.regions(user)) if regions else None,
        "Status": Pair.Status,
    }
    return render(request, "buddies/board.html", context)


# --- volunteers ----------------------------------------------------------------------------


@login_required
def volunteer_list(request: HttpRequest) -> HttpResponse:
    volunteers = queries.with_free_places(queries.volunteers(request.user))
    status = request.GET.get("status", "")
    if status in Volunteer.Status.values:
        volunteers = volunteers.filter(status=status)
    page = Paginator(volunteers.order_by("last_name", "first_name"), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "buddies/volunteer_list.html",
        {"page": page, "status": status, "statuses": Volunteer.Status.choices},
    )


def _volunteer(request: HttpRequest, pk: int) -> Volunteer:
    return get_object_or_404(queries.volunteers(request.user), pk=pk)


@login_required
def volunteer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = _volunteer(request, pk)
    record_access(user=request.user, action="view", obj=volunteer)
    next_statuses = [
        (s, Volunteer.Status(s).label)
        for s in Volunteer.TRANSITIONS.get(volunteer.status, ())
        if s != Volunteer.Status.PAIRED
    ]
    return render(
        request,
        "buddies/volunteer_detail.html",
        {
            "volunteer": volunteer,
            "pairs": queries.pairs(request.user).filter(volunteer=volunteer),
            "free": services.free_places(volunteer),
            "next_statuses": next_statuses,
        },
    )


@login_required
def volunteer_intake(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = _volunteer(request, pk)
    form = VolunteerIntakeForm(request.POST or None, instance=volunteer)
    if request.method == "POST" and form.is_valid():
        details = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.screen_volunteer(volunteer=volunteer, by=request.user, **details)
        except BuddyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The intake is saved."))
            return redirect("volunteer_detail", pk=pk)
    return render(request, "buddies/volunteer_intake.html", {"volunteer": volunteer, "form": form})


@login_required
@require_POST
def volunteer_status(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = _volunteer(request, pk)
    form = VolunteerStatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_volunteer_status(
                volunteer=volunteer, status=form.cleaned_data["status"], by=request.user
            )
        except BuddyError as error:
            messages.error(request, str(error))
    return redirect("volunteer_detail", pk=pk)


# --- newcomers ask for a buddy -------------------------------------------------------------


@login_required
def request_new(request: HttpRequest, newcomer_pk: int) -> HttpResponse:
    """Opt a newcomer in to the buddy project from their trajectory."""
    if trajectory_queries.is_provider_only(request.user):
        raise Http404
    newcomer = get_object_or_404(
        trajectory_queries.newcomers(request.user).select_related("trajectory", "intake"),
        pk=newcomer_pk,
    )
    intake = getattr(newcomer, "intake", None)
    initial = {
        "interests": services._interests_of(newcomer),
        "availability": intake.availability if intake else [],
        "max_km": intake.max_km if intake else 10,
    }
    form = BuddyRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_buddy(newcomer=newcomer, by=request.user, **form.cleaned_data)
        except BuddyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("%(name)s now waits for a buddy.") % {"name": newcomer.first_name}
            )
            return redirect("newcomer_detail", pk=newcomer.pk)
    return render(
        request,
        "buddies/request_form.html",
        {"newcomer": newcomer, "form": form, "problems": services.check_buddy_conditions(newcomer)},
    )


# --- matching rounds -----------------------------------------------------------------------


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    form = RoundStartForm(request.POST or None, regions=queries.regions(request.user))
    if request.method == "POST":
        if not form.is_valid():
            raise Http404
        try:
            round_ = services.start_matching_round(
                region=form.cleaned_data["region"], by=request.user
            )
        except BuddyError as error:
            messages.error(request, str(error))
        else:
            return redirect("buddy_round", pk=round_.pk)
    page = Paginator(queries.rounds(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "buddies/round_list.html", {"page": page, "form": form})


def _round(request: HttpRequest, pk: int) -> MatchingRound:
    return get_object_or_404(queries.rounds(request.user), pk=pk)


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk)
    proposals = queries.proposals(request.user).filter(round=round_)
    open_proposals = proposals.filter(status=Proposal.Status.OPEN)
    return render(
        request,
        "buddies/round_detail.html",
        {
            "round": round_,
            "proposals": proposals.order_by("status", "-fit"),
            "swap_form": SwapForm(proposals=open_proposals) if open_proposals.count() > 1 else None,
            "reject_form": RejectForm(),
        },
    )


@login_required
@require_POST
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk)
    try:
        services.close_matching_round(round=round_, by=request.user)
    except BuddyError as error:
        messages.error(request, str(error))
    return redirect("buddy_round", pk=pk)


@login_required
@require_POST
def round_swap(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk)
    form = SwapForm(request.POST, proposals=queries.proposals(request.user).filter(round=round_))
    if form.is_valid():
        try:
            services.swap_proposals(
                first=form.cleaned_data["first"],
                second=form.cleaned_data["second"],
                by=request.user,
            )
        except BuddyError as error:
            messages.error(request, str(error))
    return redirect("buddy_round", pk=pk)


@login_required
@require_POST
def proposal_decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    proposal = get_object_or_404(queries.proposals(request.user), pk=pk)
    try:
        if action == "accept":
            pair = services.accept_proposal(proposal=proposal, by=request.user)
            messages.success(request, _("Accepted. Plan the match conversation with both."))
            return redirect("buddy_pair", pk=pair.pk)
        if action == "reject":
            form = RejectForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            services.reject_proposal(proposal=proposal, by=request.user, reason=reason)
        else:
            raise Http404
    except BuddyError as error:
        messages.error(request, str(error))
    return redirect("buddy_round", pk=proposal.round_id)


# --- pairs ---------------------------------------------------------------------------------


@login_required
def pair_list(request: HttpRequest) -> HttpResponse:
    pairs = queries.pairs(request.user)
    status = request.GET.get("status", "")
    if status in Pair.Status.values:
        pairs = pairs.filter(status=status)
    page = Paginator(pairs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "buddies/pair_list.html",
        {"page": page, "status": status, "statuses": Pair.Status.choices},
    )


def _pair(request: HttpRequest, pk: int) -> Pair:
    return get_object_or_404(queries.pairs(request.user), pk=pk)


@login_required
def pair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pair = _pair(request, pk)
    record_access(user=request.user, action="view", obj=pair)
    return render(request, "buddies/pair_detail.html", _pair_context(request, pair))


def _pair_context(request: HttpRequest, pair: Pair, **forms) -> dict:
    live = pair.status == Pair.Status.ACTIVE
    return {
        "pair": pair,
        "meetings": pair.meetings.all(),
        "hours": sum((m.hours for m in pair.meetings.all()), 0),
        "follow_ups": pair.follow_ups.all(),
        "evaluations": pair.evaluations.all(),
        "today": timezone.localdate(),
        "meeting_link": request.session.pop(f"buddy_link_{pair.pk}", None),
        "conversation_form": forms.get("conversation")
        or (ConversationForm() if pair.status == Pair.Status.PROPOSED else None),
        "meeting_form": forms.get("meeting") or (MeetingForm() if live else None),
        "follow_up_form": forms.get("follow_up") or (FollowUpForm() if live else None),
        "end_form": forms.get("end") or (EndForm() if pair.status in Pair.LIVE else None),
        "evaluation_form": forms.get("evaluation")
        or (EvaluationForm() if pair.status != Pair.Status.PROPOSED else None),
    }


PAIR_ACTIONS = {
    "conversation": ConversationForm,
    "meeting": MeetingForm,
    "follow_up": FollowUpForm,
    "end": EndForm,
    "evaluation": EvaluationForm,
    "link": None,
}


@login_required
@require_POST
def pair_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One form of the pair page: validate, call the service, back to the pair."""
    pair = _pair(request, pk)
    if action not in PAIR_ACTIONS:
        raise Http404
    form_class = PAIR_ACTIONS[action]
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        context = _pair_context(request, pair, **{action: form})
        return render(request, "buddies/pair_detail.html", context, status=400)
    data = form.cleaned_data if form is not None else {}
    try:
        _do_pair_action(request, pair, action, data)
    except BuddyError as error:
        messages.error(request, str(error))
    return redirect(reverse("buddy_pair", args=[pair.pk]))


def _do_pair_action(request: HttpRequest, pair: Pair, action: str, data: dict) -> None:
    by = request.user
    if action == "conversation":
        pair, key = services.record_match_conversation(pair=pair, by=by, **data)
        if key:
            request.session[f"buddy_link_{pair.pk}"] = key
            messages.success(request, _("The pair is active. Send the volunteer the link."))
        else:
            messages.info(request, _("The pair does not go ahead; the newcomer waits again."))
    elif action == "link":
        request.session[f"buddy_link_{pair.pk}"] = services.new_meeting_link(pair=pair, by=by)
        messages.success(request, _("A new link was made; the old one no longer works."))
    elif action == "meeting":
        services.log_meeting(pair=pair, by=by, via="coach", **data)
        messages.success(request, _("The meeting is saved."))
    elif action == "follow_up":
        services.record_follow_up(pair=pair, by=by, **data)
        messages.success(request, _("The follow-up contact is saved."))
    elif action == "end":
        services.end_pair(pair=pair, by=by, **data)
        messages.success(request, _("The pair has ended."))
    elif action == "evaluation":
        services.record_evaluation(pair=pair, by=by, **data)
        messages.success(request, _("The answers are saved."))
