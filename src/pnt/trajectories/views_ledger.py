"""Pages for the people running an activity: participants, sessions, the attendance sheet."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.trajectories import queries, services
from pnt.trajectories.errors import TrajectoryError
from pnt.trajectories.forms import AttendanceLineForm, SessionForm
from pnt.trajectories.models import Attendance, Enrolment
from pnt.trajectories.views import participants_activity

S = Enrolment.Status


@login_required
def activity_participants(request: HttpRequest, pk: int) -> HttpResponse:
    """The provider's lists: places, the waiting list in offer order, the sessions."""
    activity = participants_activity(request, pk)
    enrolments = (
        Enrolment.objects.filter(activity=activity)
        .select_related("newcomer")
        .order_by("priority", "waiting_since", "requested_at")
    )
    by_status: dict[str, list[Enrolment]] = {}
    for enrolment in enrolments:
        by_status.setdefault(enrolment.status, []).append(enrolment)
    sessions = activity.sessions.annotate(
        present=Count("attendances", filter=Q(attendances__status=Attendance.Status.PRESENT)),
        marked=Count("attendances"),
    ).order_by("-date", "-start")
    today = timezone.localdate()
    return render(
        request,
        "trajectories/activity_participants.html",
        {
            "activity": activity,
            "holding": [
                e for s in (S.CONFIRMED, S.ATTENDING, S.OFFERED) for e in by_status.get(s, [])
            ],
            "requested": by_status.get(S.REQUESTED, []),
            "waiting": by_status.get(S.WAITING, []),
            "closed": [
                e for s in (S.FINISHED, S.CANCELLED, S.NO_SHOW) for e in by_status.get(s, [])
            ],
            "sessions": sessions,
            "session_form": SessionForm(
                initial={"date": today, "start": activity.start_time, "end": activity.end_time}
            ),
            "today": today,
            "limited": queries.is_provider_only(request.user),
        },
    )


@login_required
@require_POST
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = participants_activity(request, pk)
    form = SessionForm(request.POST)
    if form.is_valid():
        try:
            session = services.add_session(activity=activity, by=request.user, **form.cleaned_data)
        except TrajectoryError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Session added."))
            if session.date <= timezone.localdate():
                return redirect("attendance_sheet", session.pk)
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("activity_participants", pk)


@login_required
@require_POST
def sessions_plan(request: HttpRequest, pk: int) -> HttpResponse:
    activity = participants_activity(request, pk)
    until = activity.end_date or timezone.localdate() + dt.timedelta(weeks=12)
    try:
        added = services.plan_weekly_sessions(activity=activity, until=until, by=request.user)
    except TrajectoryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(n)s sessions planned.") % {"n": added})
    return redirect("activity_participants", pk)


@login_required
def attendance_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """One screen per session with every participant: present/absent/excused, hours
    prefilled with the session's length. One bad line stores nothing."""
    session = get_object_or_404(queries.sessions(request.user).select_related("activity"), pk=pk)
    length = session.length_hours
    enrolments = list(
        Enrolment.objects.filter(activity=session.activity, status__in=services.MARKABLE)
        .select_related("newcomer")
        .order_by("newcomer__first_name", "newcomer__last_name")
    )
    existing = {a.enrolment_id: a for a in session.attendances.all()}
    lines = []
    for enrolment in enrolments:
        known = existing.get(enrolment.pk)
        initial = {
            "status": known.status if known else Attendance.Status.PRESENT,
            "hours": known.hours if known and known.status == "present" else length,
        }
        form = AttendanceLineForm(
            request.POST or None, prefix=f"e{enrolment.pk}", initial=initial, max_hours=length
        )
        lines.append((enrolment, form))
    error = ""
    if request.method == "POST":
        if all(form.is_valid() for _e, form in lines):
            marks = [
                services.Mark(
                    enrolment_id=e.pk,
                    status=f.cleaned_data["status"],
                    hours=f.cleaned_data["hours"],
                )
                for e, f in lines
            ]
            try:
                services.record_attendance(session=session, marks=marks, by=request.user)
            except TrajectoryError as exc:
                error = str(exc)
            else:
                messages.success(request, _("Attendance saved."))
                return redirect("activity_participants", session.activity_id)
        else:
            error = _("Nothing was saved: correct the lines marked in red.")
    return render(
        request,
        "trajectories/attendance_sheet.html",
        {
            "session": session,
            "activity": session.activity,
            "lines": lines,
            "length": length,
            "error": error,
            "future": session.date > timezone.localdate(),
            "limited": queries.is_provider_only(request.user),
        },
    )


@login_required
def participants_index(request: HttpRequest) -> HttpResponse:
    """The activities whose participants and attendance the user manages."""
    activities = (
        queries.activities_for_participants(request.user)
        .select_related("provider", "municipality")
        .annotate(
            taken=Count("enrolments", filter=Q(enrolments__status__in=queries.PLACE_STATES)),
            waiting=Count("enrolments", filter=Q(enrolments__status=S.WAITING)),
            requested=Count("enrolments", filter=Q(enrolments__status=S.REQUESTED)),
        )
        .order_by("title")
    )
    from django.core.paginator import Paginator

    page = Paginator(activities, 50).get_page(request.GET.get("page"))
    return render(request, "trajectories/participants_index.html", {"page": page})
