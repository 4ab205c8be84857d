"""Pages of the newcomers' trajectories (staff only, always scoped: outside scope is 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.accounts.audit import record_access
from pnt.accounts.models import Role
from pnt.accounts.scoping import scope_for
from pnt.offer.models import Activity
from pnt.trajectories import queries, services
from pnt.trajectories.errors import DuplicateNewcomer, TrajectoryError
from pnt.trajectories.forms import (
    EnrolForm,
    IntakeForm,
    MoveForm,
    NextActionForm,
    NoteForm,
)
from pnt.trajectories.models import Newcomer


def _newcomer(request: HttpRequest, pk: int) -> Newcomer:
    return get_object_or_404(
        queries.newcomers(request.user).select_related(
            "municipality", "trajectory", "counsellor", "coach", "intake"
        ),
        pk=pk,
    )


def _editable_newcomer(request: HttpRequest, pk: int) -> Newcomer:
    """Provider staff see their participants but do not change their file."""
    if queries.is_provider_only(request.user):
        raise Http404
    return _newcomer(request, pk)


@login_required
def newcomer_list(request: HttpRequest) -> HttpResponse:
    newcomers = (
        queries.newcomers(request.user)
        .select_related("municipality", "trajectory")
        .defer("municipality__outline")
        .order_by("last_name", "first_name")
    )
    page = Paginator(newcomers, 50).get_page(request.GET.get("page"))
    limited = queries.is_provider_only(request.user)
    return render(request, "trajectories/newcomer_list.html", {"page": page, "limited": limited})


@login_required
def intake_new(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    if queries.is_provider_only(request.user) or not (scope.is_admin or scope.roles):
        raise Http404
    duplicates: list[Newcomer] = []
    show_check = "allow_duplicate" in request.POST or "first_name" in request.POST
    # The coach (or counsellor) doing the intake follows the newcomer unless they choose otherwise.
    initial = {"coach": request.user.pk if Role.COACH in scope.roles else None,
               "counsellor": request.user.pk if scope.is_counsellor else None}  # fmt: skip
    form = IntakeForm(
        request.POST or None, user=request.user, show_duplicate_check=show_check, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            newcomer = services.register_newcomer(
                by=request.user,
                details=form.details(),
                answers=form.answers(),
                deadline=form.cleaned_data.get("deadline"),
                allow_duplicate=form.cleaned_data.get("allow_duplicate", False),
            )
        except DuplicateNewcomer as exc:
            duplicates = exc.matches
            form.add_error(None, str(exc))
        except TrajectoryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Intake saved."))
            return redirect("newcomer_detail", newcomer.pk)
    if not duplicates and "allow_duplicate" in form.fields and not form.errors:
        del form.fields["allow_duplicate"]
    visible = set(
        queries.newcomers(request.user)
        .filter(pk__in=[d.pk for d in duplicates])
        .values_list("pk", flat=True)
    )
    return render(
        request,
        "trajectories/intake_form.html",
        {"form": form, "duplicates": duplicates, "visible_duplicates": visible, "newcomer": None},
    )


@login_required
def intake_edit(request: HttpRequest, pk: int) -> HttpResponse:
    newcomer = _editable_newcomer(request, pk)
    form = IntakeForm(
        request.POST or None, user=request.user, initial=IntakeForm.initial_for(newcomer)
    )
    form.fields["municipality"].disabled = True
    form.fields["municipality"].help_text = _("A move is recorded with “Moved”.")
    if request.method == "POST" and form.is_valid():
        try:
            services.update_intake(
                newcomer=newcomer, by=request.user, details=form.details(), answers=form.answers()
            )
            newcomer.trajectory.deadline = form.cleaned_data.get("deadline")
            newcomer.trajectory.save(update_fields=["deadline"])
        except TrajectoryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Intake saved."))
            return redirect("newcomer_detail", newcomer.pk)
    return render(request, "trajectories/intake_form.html", {"form": form, "newcomer": newcomer})


@login_required
def newcomer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The trajectory page: status, key dates, progress to 40 hours, enrolments, proofs."""
    newcomer = _newcomer(request, pk)
    record_access(user=request.user, action="view", obj=newcomer)
    limited = queries.is_provider_only(request.user)
    enrolments = (
        queries.enrolments(request.user)
        .filter(newcomer=newcomer)
        .select_related("activity", "activity__provider")
        .order_by("-requested_at")
    )
    context = {
        "newcomer": newcomer,
        "trajectory": getattr(newcomer, "trajectory", None),
        "enrolments": enrolments,
        "limited": limited,
    }
    if not limited:
        lines = services.hours_by_activity(newcomer)
        proofs = {p.activity_id: p for p in newcomer.proofs.all()}
        for line in lines:
            line["proof"] = proofs.get(line["activity"].pk)
        context.update(
            lines=lines,
            notes=newcomer.notes.select_related("author")[:20],
            moves=newcomer.moves.select_related("from_municipality", "to_municipality"),
            enrol_form=EnrolForm(activities=queries.enrolable_activities(request.user)),
            note_form=NoteForm(),
            next_form=NextActionForm(
                initial={
                    "next_action": newcomer.trajectory.next_action,
                    "next_action_on": newcomer.trajectory.next_action_on,
                }
            )
            if hasattr(newcomer, "trajectory")
            else None,
            move_form=MoveForm(),
        )
    return render(request, "trajectories/newcomer_detail.html", context)


@login_required
@require_POST
def newcomer_move(request: HttpRequest, pk: int) -> HttpResponse:
    newcomer = _editable_newcomer(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            services.move_newcomer(
                newcomer=newcomer,
                to_municipality=form.cleaned_data["to_municipality"],
                moved_on=form.cleaned_data["moved_on"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except TrajectoryError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The move is recorded."))
            if not queries.newcomers(request.user).filter(pk=pk).exists():
                return redirect("newcomer_list")
    else:
        messages.error(request, _("Check the new municipality and the date."))
    return redirect("newcomer_detail", pk)


@login_required
@require_POST
def note_add(request: HttpRequest, pk: int) -> HttpResponse:
    newcomer = _editable_newcomer(request, pk)
    form = NoteForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.add_note(
                newcomer=newcomer, author=request.user, text=form.cleaned_data["text"]
            )
            form = NoteForm()
        except TrajectoryError as exc:
            error = str(exc)
    if request.htmx:
        return render(
            request,
            "trajectories/_notes.html",
            {
                "newcomer": newcomer,
                "notes": newcomer.notes.select_related("author")[:20],
                "note_form": form,
                "note_error": error,
            },
        )
    if error or form.errors:
        messages.error(request, error or _("A note cannot be empty."))
    return redirect(reverse("newcomer_detail", args=[pk]) + "#notes")


@login_required
@require_POST
def next_action(request: HttpRequest, pk: int) -> HttpResponse:
    newcomer = _editable_newcomer(request, pk)
    form = NextActionForm(request.POST)
    if form.is_valid():
        services.plan_next_action(
            trajectory=newcomer.trajectory,
            text=form.cleaned_data["next_action"],
            on=form.cleaned_data["next_action_on"],
            by=request.user,
        )
        messages.success(request, _("Next action saved."))
    else:
        messages.error(request, _("Check the date of the next action."))
    return redirect("newcomer_detail", pk)


@login_required
@require_POST
def enrol(request: HttpRequest, pk: int) -> HttpResponse:
    newcomer = _editable_newcomer(request, pk)
    form = EnrolForm(request.POST, activities=queries.enrolable_activities(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose an activity."))
        return redirect("newcomer_detail", pk)
    try:
        enrolment = services.request_enrolment(
            newcomer=newcomer, activity=form.cleaned_data["activity"], by=request.user
        )
        if form.cleaned_data["confirm_now"]:
            enrolment = services.confirm_enrolment(enrolment=enrolment, by=request.user)
    except TrajectoryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("%(activity)s: %(status)s.")
            % {"activity": enrolment.activity.title, "status": enrolment.get_status_display()},
        )
    return redirect(reverse("newcomer_detail", args=[pk]) + "#enrolments")


ENROLMENT_ACTIONS = {
    "confirm": services.confirm_enrolment,
    "cancel": services.cancel_enrolment,
    "accept-offer": services.accept_offer,
    "decline-offer": services.decline_offer,
    "no-show": services.mark_no_show,
    "finish": services.finish_enrolment,
}


@login_required
@require_POST
def enrolment_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    enrolment = get_object_or_404(queries.enrolments(request.user), pk=pk)
    change = ENROLMENT_ACTIONS.get(action)
    if change is None:
        raise Http404
    try:
        enrolment = change(enrolment=enrolment, by=request.user)
    except TrajectoryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("%(name)s — %(activity)s: %(status)s.")
            % {
                "name": enrolment.newcomer.first_name,
                "activity": enrolment.activity.title,
                "status": enrolment.get_status_display(),
            },
        )
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("newcomer_detail", enrolment.newcomer_id)


def participants_activity(request: HttpRequest, pk: int) -> Activity:
    return get_object_or_404(
        queries.activities_for_participants(request.user).select_related("provider"), pk=pk
    )
