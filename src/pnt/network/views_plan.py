"""Pages of the action plan: pillars, actions, live indicators and the one-page status."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.network import measures, progress, queries, services
from pnt.network.access import network_access
from pnt.network.errors import NetworkError
from pnt.network.forms_plan import ActionForm, IndicatorForm, PillarForm, PlanForm
from pnt.network.models import Action, Plan
from pnt.network.views import require_manager, require_managing_somewhere

ACTION_FIELDS = ("title", "description", "status", "owner", "owner_partner", "starts_on",
                 "ends_on")  # fmt: skip


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "network/plan_list.html",
        {
            "plans": queries.plans(request.user),
            "manages": network_access(request.user).manages_any,
            "measures": measures.all_measures(),
        },
    )


@login_required
def plan_new(request: HttpRequest) -> HttpResponse:
    require_managing_somewhere(request.user)
    form = PlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = services.create_plan(
                region=form.chosen_region(), by=request.user, title=data["title"],
                vision=data["vision"], starts_on=data["starts_on"], ends_on=data["ends_on"],
            )  # fmt: skip
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The plan is made. Add its pillars."))
            return redirect("plan_detail", pk=plan.pk)
    return render(request, "network/form.html", {"form": form, "title": _("New action plan")})


def _plan(request: HttpRequest, pk: int, manage: bool = False) -> Plan:
    plan = get_object_or_404(queries.plans(request.user), pk=pk)
    if manage:
        require_manager(request.user, plan.region_id)
    return plan


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    manages = queries.manages(request.user, plan.region_id)
    return render(
        request,
        "network/plan_detail.html",
        {
            "plan": plan,
            "pillars": progress.plan_status(plan, request.user),
            "manages": manages,
            "pillar_form": PillarForm() if manages else None,
        },
    )


@login_required
def plan_status(request: HttpRequest, pk: int) -> HttpResponse:
    """One page for the steering group: every action's status and its live indicators;
    printable on one A4 page."""
    plan = _plan(request, pk)
    statuses = progress.plan_status(plan, request.user)
    return render(
        request,
        "network/plan_status.html",
        {
            "plan": plan,
            "pillars": statuses,
            "counts": progress.summary(statuses),
            "Status": Action.Status,
            "printed_on": timezone.localdate(),
        },
    )


@login_required
@require_POST
def pillar_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, manage=True)
    form = PillarForm(request.POST)
    if form.is_valid():
        services.add_pillar(plan=plan, by=request.user, **form.cleaned_data)
        messages.success(request, _("The pillar is added."))
    else:
        messages.error(request, _("Give the pillar a title."))
    return redirect("plan_detail", pk=plan.pk)


@login_required
def action_new(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, manage=True)
    form = ActionForm(
        request.POST or None, plan=plan, initial={"pillar": request.GET.get("pillar")}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = services.create_action(
                pillar=data["pillar"], by=request.user, municipalities=data["municipalities"],
                **{name: data[name] for name in ACTION_FIELDS},
            )  # fmt: skip
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The action is added. Give it an indicator."))
            return redirect("indicator_new", pk=action.pk)
    title = _("New action for %(plan)s") % {"plan": plan.title}
    return render(request, "network/form.html", {"form": form, "title": title})


def _action(request: HttpRequest, pk: int) -> Action:
    action = get_object_or_404(queries.actions(request.user), pk=pk)
    require_manager(request.user, action.pillar.plan.region_id)
    return action


@login_required
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)
    initial = {name: getattr(action, name) for name in ACTION_FIELDS}
    initial.update(pillar=action.pillar, municipalities=list(action.municipalities.all()))
    form = ActionForm(request.POST or None, plan=action.pillar.plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_action(
                action=action, by=request.user, municipalities=data["municipalities"],
                **{name: data[name] for name in ACTION_FIELDS},
            )  # fmt: skip
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The action is saved."))
            return redirect("plan_detail", pk=action.pillar.plan_id)
    return render(request, "network/form.html", {"form": form, "title": action.title})


@login_required
def indicator_new(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_indicator(action=action, by=request.user, **form.cleaned_data)
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The indicator is added."))
            return redirect("plan_detail", pk=action.pillar.plan_id)
    title = _("Indicator for %(action)s") % {"action": action.title}
    return render(request, "network/form.html", {"form": form, "title": title})
