"""Staff pages of the follow-on: what to record, recording it, the figures, and the
regular-offer marks of activities (always scoped: outside scope is 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.buddies.models import Pair
from pnt.outreach import figures, queries, services
from pnt.outreach.errors import OutreachError
from pnt.outreach.forms import CheckInRecordForm, FollowOnForm, LeadsToForm, RegularOfferForm
from pnt.outreach.models import LeadsTo, RegularOffer
from pnt.trajectories.queries import is_provider_only


@login_required
def follow_on_list(request: HttpRequest) -> HttpResponse:
    """The coach's list: follow-ons still to record, check-ins waiting, recent records."""
    if is_provider_only(request.user):
        raise Http404
    today = timezone.localdate()
    context = {
        "completed": queries.completed_without_follow_on(request.user).order_by(
            "-trajectory__completed_on", "last_name"
        )[:100],
        "pairs": queries.ended_pairs_without_follow_on(request.user).order_by("-ended_on")[:100],
        "waiting": queries.check_ins(request.user)
        .filter(due_on__lte=today, answer="")
        .select_related("follow_on__newcomer")
        .order_by("due_on")[:100],
        "recorded": queries.follow_ons(request.user)
        .select_related("newcomer", "activity")
        .prefetch_related("check_ins")[:100],
        "figures": queries.is_figure_viewer(request.user),
    }
    return render(request, "outreach/follow_on_list.html", context)


def _pair(request: HttpRequest, newcomer, raw: str | None) -> Pair | None:
    if not raw:
        return None
    try:
        return Pair.objects.get(pk=int(raw), newcomer=newcomer)
    except (ValueError, Pair.DoesNotExist):
        raise Http404 from None


@login_required
def follow_on_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Record where a newcomer goes next (after the 40 hours, or when a pair ended)."""
    newcomer = get_object_or_404(
        queries.staff_newcomers(request.user).select_related("municipality", "trajectory"),
        pk=pk,
    )
    pair = _pair(request, newcomer, request.POST.get("pair") or request.GET.get("pair"))
    choices = queries.regular_offer_choices()
    existing = (
        newcomer.follow_ons.filter(pair=pair)
        if pair
        else newcomer.follow_ons.filter(occasion="completed")
    )
    current = existing.first()
    initial = {}
    if current is not None:
        initial = {"destination": current.destination, "activity": current.activity_id,
                   "note": current.note}  # fmt: skip
    form = FollowOnForm(request.POST or None, activities=choices, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_follow_on(newcomer=newcomer, pair=pair, by=request.user,
                                      **form.cleaned_data)  # fmt: skip
        except OutreachError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The follow-on is recorded."))
            return redirect("follow_on_record", pk=newcomer.pk)
    else:
        record_access(user=request.user, action="view", obj=newcomer, detail="follow-on")
    context = {
        "newcomer": newcomer,
        "pair": pair,
        "form": form,
        "can_record": pair is not None or services.has_completed(newcomer),
        "follow_ons": newcomer.follow_ons.select_related("activity", "pair__volunteer")
        .prefetch_related("check_ins")
        .order_by("-recorded_on"),
    }
    return render(request, "outreach/follow_on_record.html", context)


@login_required
def check_in_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The coach records the answer a newcomer gave them to a 3- or 6-month check-in (by
    phone, in person…); the same three answers as the newcomer's link."""
    check_in = get_object_or_404(
        queries.check_ins(request.user).select_related(
            "follow_on__newcomer__municipality", "follow_on__activity", "answered_by"
        ),
        pk=pk,
    )
    newcomer = check_in.follow_on.newcomer
    form = None if check_in.answer else CheckInRecordForm(request.POST or None, check_in=check_in)
    if request.method == "POST":
        if form is None:
            messages.error(request, _("This question was already answered."))
            return redirect("check_in_answer", pk=check_in.pk)
        if form.is_valid():
            try:
                services.record_check_in_answer(check_in=check_in, by=request.user,
                                                **form.cleaned_data)  # fmt: skip
            except OutreachError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The answer is recorded."))
                return redirect("follow_on_record", pk=newcomer.pk)
    else:
        record_access(user=request.user, action="view", obj=check_in.follow_on, detail="check-in")
    context = {"check_in": check_in, "follow_on": check_in.follow_on, "newcomer": newcomer,
               "form": form}  # fmt: skip
    status = 400 if request.method == "POST" else 200
    return render(request, "outreach/check_in_answer.html", context, status=status)


@login_required
def follow_on_figures(request: HttpRequest) -> HttpResponse:
    region = queries.chosen_region(request.user, request.GET.get("region"))
    context = {
        **figures.region_figures(region),
        "regions": queries.figure_regions(request.user),
        "threshold": queries.threshold(),
    }
    return render(request, "outreach/figures.html", context)


# --- the regular offer ----------------------------------------------------------------------


@login_required
def regular_offer_list(request: HttpRequest) -> HttpResponse:
    """The user's own activities with their marks: regular offer, and what they lead to."""
    activities = (
        queries.manageable_activities(request.user)
        .select_related("municipality", "provider", "regular_offer")
        .prefetch_related("leads_to__regular")
        .order_by("title")[:300]
    )
    return render(request, "outreach/regular_offer_list.html", {"activities": activities})


@login_required
def activity_follow_on(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one activity as regular offer, or say which regular activities it leads to."""
    activity = get_object_or_404(queries.manageable_activities(request.user), pk=pk)
    is_regular = RegularOffer.objects.filter(activity=activity).exists()
    choices = queries.regular_offer_choices().exclude(pk=activity.pk)
    regular_form = RegularOfferForm(initial={"regular": is_regular})
    leads_form = LeadsToForm(choices=choices)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "regular":
            regular_form = RegularOfferForm(request.POST)
            if regular_form.is_valid():
                services.mark_regular(activity=activity, by=request.user,
                                      regular=regular_form.cleaned_data["regular"])  # fmt: skip
                messages.success(request, _("Saved."))
                return redirect("activity_follow_on", pk=activity.pk)
        elif action == "leads_to":
            leads_form = LeadsToForm(request.POST, choices=choices)
            if leads_form.is_valid():
                try:
                    services.link_leads_to(activity=activity, by=request.user,
                                           regular=leads_form.cleaned_data["regular"])  # fmt: skip
                except OutreachError as error:
                    leads_form.add_error(None, str(error))
                else:
                    messages.success(request, _("Saved."))
                    return redirect("activity_follow_on", pk=activity.pk)
        elif action == "unlink":
            regular_id = _int(request.POST.get("regular"))
            services.unlink_leads_to(activity=activity, regular_id=regular_id)
            return redirect("activity_follow_on", pk=activity.pk)
    context = {
        "activity": activity,
        "is_regular": is_regular,
        "regular_form": regular_form,
        "leads_form": leads_form,
        "has_choices": choices.exists(),
        "links": LeadsTo.objects.filter(activity=activity).select_related("regular__municipality"),
    }
    return render(request, "outreach/activity_follow_on.html", context)


def _int(raw: str | None) -> int:
    try:
        return int(raw or 0)
    except ValueError:
        return 0
