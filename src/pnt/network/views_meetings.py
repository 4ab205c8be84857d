"""Pages of groups and meetings: agenda from open actions, minutes, decisions with their
action points, and case discussions under a pseudonymised reference."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.accounts.audit import record_access
from pnt.network import queries, services
from pnt.network.access import network_access
from pnt.network.errors import NetworkError
from pnt.network.forms import (
    ActionPointRows,
    ActionPointStatusForm,
    AgendaForm,
    AgendaRows,
    CaseForm,
    DecisionForm,
    GroupForm,
    MeetingEditForm,
    MeetingForm,
    MinutesForm,
    agenda_initial,
)
from pnt.network.models import ActionPoint, Meeting
from pnt.network.views import require_manager, require_managing_somewhere


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Groups and their meetings, upcoming first."""
    user = request.user
    meetings = list(queries.meetings(user).order_by("-starts_at")[:300])
    groups = list(queries.groups(user).prefetch_related("members"))
    by_group: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        by_group.setdefault(meeting.group_id, []).append(meeting)
    # A guest sees a meeting of a group they are not a member of: show that group too.
    known = {group.pk for group in groups}
    groups += [m.group for m in meetings if m.group_id not in known and not known.add(m.group_id)]
    access = network_access(user)
    rows = [
        {
            "group": group,
            "meetings": by_group.get(group.pk, []),
            "manages": access.manages_region(group.region_id),
        }
        for group in groups
    ]
    return render(
        request,
        "network/meeting_list.html",
        {"rows": rows, "manages": access.manages_any, "now": timezone.now()},
    )


@login_required
def group_new(request: HttpRequest) -> HttpResponse:
    require_managing_somewhere(request.user)
    form = GroupForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.create_group(
                region=form.chosen_region(), by=request.user, kind=data["kind"], name=data["name"],
                purpose=data["purpose"], members=data["members"], partners=data["partners"],
            )  # fmt: skip
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The group is made."))
            return redirect("meeting_list")
    return render(request, "network/form.html", {"form": form, "title": _("New group")})


@login_required
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a group: its name, kind, purpose, members and partners."""
    group = get_object_or_404(queries.groups(request.user), pk=pk)
    require_manager(request.user, group.region_id)
    form = GroupForm(request.POST or None, user=request.user, group=group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_group(
                group=group, by=request.user, kind=data["kind"], name=data["name"],
                purpose=data["purpose"], members=data["members"], partners=data["partners"],
            )  # fmt: skip
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The group is saved."))
            return redirect(reverse("meeting_list") + f"#group-{group.pk}")
    title = _("Edit %(group)s") % {"group": group.name}
    return render(
        request,
        "network/form.html",
        {"form": form, "title": title, "back": reverse("meeting_list") + f"#group-{group.pk}"},
    )


@login_required
def meeting_new(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_object_or_404(queries.groups(request.user), pk=pk)
    require_manager(request.user, group.region_id)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        starts_at = timezone.make_aware(dt.datetime.combine(data["date"], data["time"]))
        meeting = services.plan_meeting(
            group=group, by=request.user, starts_at=starts_at, title=data["title"],
            place=data["place"],
        )  # fmt: skip
        messages.success(request, _("The meeting is planned. Now prepare its agenda."))
        return redirect("meeting_agenda", pk=meeting.pk)
    title = _("New meeting of %(group)s") % {"group": group.name}
    return render(request, "network/form.html", {"form": form, "title": title})


def _meeting(request: HttpRequest, pk: int, manage: bool = False) -> Meeting:
    meeting = get_object_or_404(queries.meetings(request.user), pk=pk)
    if manage:
        require_manager(request.user, meeting.group.region_id)
    return meeting


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    user = request.user
    manages = queries.manages(user, meeting.group.region_id)
    cases = list(queries.case_discussions(user, meeting).select_related("trajectory"))
    for case in cases:
        record_access(user=user, action="view", obj=case, detail=case.reference)
    points = list(meeting.action_points.select_related("owner", "owner_partner", "decision"))
    changeable = set(
        queries.changeable_action_points(user).filter(meeting=meeting).values_list("pk", flat=True)
    )
    for point in points:
        point.can_change = point.pk in changeable
        point.next_statuses = _next_statuses(point)
    decisions = list(meeting.decisions.select_related("agenda_item"))
    for decision in decisions:
        decision.points = [p for p in points if p.decision_id == decision.pk]
    context = {
        "meeting": meeting,
        "agenda": meeting.agenda.select_related("action"),
        "decisions": decisions,
        "loose_points": [p for p in points if p.decision_id is None],
        "cases": cases,
        "manages": manages,
        "minutes_form": MinutesForm(initial={"minutes": meeting.minutes}) if manages else None,
        "can_bring_case": queries.visible_trajectories(user).exists(),
        "members": meeting.group.members.all(),
        "today": timezone.localdate(),
    }
    return render(request, "network/meeting_detail.html", context)


def _next_statuses(point: ActionPoint) -> list[tuple[str, str]]:
    """The moves open to the point, as buttons that say what they do."""
    verbs = {
        "in_progress": _("Start"),
        "done": _("Mark as done"),
        "cancelled": _("Cancel"),
        "open": _("Reopen") if point.status != "in_progress" else _("Back to open"),
    }
    allowed = ActionPoint.TRANSITIONS.get(point.status, set())
    order = ["in_progress", "done", "open", "cancelled"]
    return [(status, verbs[status]) for status in order if status in allowed]


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a meeting — its group, date, place, agenda and minutes — in one form. A
    meeting has no closed state: a meeting that took place can still be corrected."""
    meeting = _meeting(request, pk, manage=True)
    data = request.POST if request.method == "POST" else None
    form = MeetingEditForm(data, meeting=meeting)
    agenda = AgendaRows(
        data, prefix="agenda", initial=agenda_initial(meeting), form_kwargs={"meeting": meeting}
    )
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        fields = form.cleaned_data
        try:
            with transaction.atomic():
                services.update_meeting(
                    meeting=meeting, by=request.user, group=fields["group"],
                    starts_at=form.starts_at(), title=fields["title"], place=fields["place"],
                    minutes=fields["minutes"],
                )  # fmt: skip
                services.edit_agenda(
                    meeting=meeting, by=request.user,
                    items=[row.row() for row in agenda.ordered_forms],
                    remove=[row.cleaned_data["item"] for row in agenda.deleted_forms
                            if row.cleaned_data.get("item")],
                )  # fmt: skip
        except NetworkError as error:
            meeting.refresh_from_db()
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect("meeting_detail", pk=meeting.pk)
    return render(
        request, "network/meeting_edit.html", {"meeting": meeting, "form": form, "agenda": agenda}
    )


@login_required
def meeting_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    """Prepare the agenda: tick the open action points and plan actions to discuss."""
    meeting = _meeting(request, pk, manage=True)
    form = AgendaForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            made = services.agenda_from_open_actions(
                meeting=meeting, by=request.user, action_points=data["action_points"],
                actions=data["actions"],
            )  # fmt: skip
            if data["title"]:
                services.add_agenda_item(
                    meeting=meeting, by=request.user, title=data["title"], notes=data["notes"]
                )
        count = len(made) + bool(data["title"])
        messages.success(request, _("%(n)s point(s) added to the agenda.") % {"n": count})
        return redirect("meeting_detail", pk=meeting.pk)
    return render(
        request,
        "network/meeting_agenda.html",
        {"meeting": meeting, "form": form, "agenda": meeting.agenda.all()},
    )


@login_required
@require_POST
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, manage=True)
    form = MinutesForm(request.POST)
    if form.is_valid():
        services.save_minutes(
            meeting=meeting,
            by=request.user,
            minutes=form.cleaned_data["minutes"],
            held=form.cleaned_data["held"],
        )
        messages.success(request, _("The minutes are saved."))
    return redirect("meeting_detail", pk=meeting.pk)


@login_required
def decision_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a decision and the action points that follow from it, in one go."""
    meeting = _meeting(request, pk, manage=True)
    data = request.POST if request.method == "POST" else None
    form = DecisionForm(data, meeting=meeting)
    rows = ActionPointRows(data, prefix="ap", form_kwargs={"meeting": meeting})
    if request.method == "POST" and form.is_valid() and rows.is_valid():
        points = [p for p in (row.point() for row in rows) if p]
        try:
            services.record_decision(
                meeting=meeting, by=request.user, text=form.cleaned_data["text"],
                agenda_item=form.cleaned_data["agenda_item"], action_points=points,
            )  # fmt: skip
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The decision is recorded with %(n)s action point(s).") % {"n": len(points)},
            )
            return redirect("meeting_detail", pk=meeting.pk)
    return render(
        request, "network/decision_form.html", {"meeting": meeting, "form": form, "rows": rows}
    )


@login_required
def case_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Bring a case to the group: only the reference is shown, never the name."""
    meeting = _meeting(request, pk)
    form = CaseForm(request.POST or None, meeting=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_case_discussion(meeting=meeting, by=request.user, **form.cleaned_data)
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The case is on the meeting, without a name."))
            return redirect("meeting_detail", pk=meeting.pk)
    title = _("Bring a case to %(meeting)s") % {"meeting": meeting.title}
    return render(request, "network/form.html", {"form": form, "title": title})


@login_required
def action_point_list(request: HttpRequest) -> HttpResponse:
    """Action points the user sees; owners and staff move them along from here."""
    user = request.user
    points = queries.action_points(user).order_by("due_on", "pk")
    show = request.GET.get("show", "open")
    if show == "open":
        points = points.filter(status__in=ActionPoint.OPEN_STATES)
    elif show == "mine":
        points = points.filter(owner=user)
    points = list(points[:500])
    ids = [p.pk for p in points]
    changeable = set(
        queries.changeable_action_points(user).filter(pk__in=ids).values_list("pk", flat=True)
    )
    meeting_ids = {p.meeting_id for p in points}
    seen = set(queries.meetings(user).filter(pk__in=meeting_ids).values_list("pk", flat=True))
    for point in points:
        point.can_change = point.pk in changeable
        point.next_statuses = _next_statuses(point)
        point.meeting_visible = point.meeting_id in seen
    return render(
        request,
        "network/action_point_list.html",
        {
            "points": points,
            "show": show,
            "today": timezone.localdate(),
            "next": request.get_full_path(),
        },
    )


@login_required
@require_POST
def action_point_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an action point along: its owner, or the region's staff."""
    point = get_object_or_404(queries.changeable_action_points(request.user), pk=pk)
    form = ActionPointStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        try:
            services.change_action_point(action_point=point, by=request.user, **form.cleaned_data)
        except NetworkError as error:
            messages.error(request, str(error))
        else:
            label = ActionPoint.Status(form.cleaned_data["status"]).label
            messages.success(request, _("The action point is %(status)s.") % {"status": label})
    target = _safe_next(request)
    return redirect(target) if target else redirect("meeting_detail", pk=point.meeting_id)


def _safe_next(request: HttpRequest) -> str:
    """The page to return to, when it is one of ours ('' otherwise)."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""
