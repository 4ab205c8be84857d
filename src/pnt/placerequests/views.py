"""The public request form (no login) and the staff's list of requests to handle."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.accounts.audit import record_access
from pnt.accounts.scoping import scope_for
from pnt.offer import queries as offer_queries
from pnt.placerequests import services
from pnt.placerequests.forms import HandleForm, PlaceRequestForm
from pnt.placerequests.models import PlaceRequest
from pnt.trajectories.models import Newcomer


def _public_activity(pk: int):
    return get_object_or_404(
        offer_queries.public_activities().select_related("provider", "municipality"), pk=pk
    )


def request_place(request: HttpRequest, pk: int) -> HttpResponse:
    """A newcomer asks for a place in a published activity, without an account."""
    activity = _public_activity(pk)
    form = PlaceRequestForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data.get("website"):
            # The proof of consent keeps the words the visitor ticked, in their language.
            statement = str(form.fields["consent"].label)
            services.submit(activity=activity, data=form.cleaned_data, consent_statement=statement)
        return redirect("place_request_sent", pk=activity.pk)
    title, _description = activity.translated(request.LANGUAGE_CODE)
    return render(
        request,
        "placerequests/request_form.html",
        {"activity": activity, "title": title, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def request_sent(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _public_activity(pk)
    title, _description = activity.translated(request.LANGUAGE_CODE)
    return render(
        request, "placerequests/request_sent.html", {"activity": activity, "title": title}
    )


def _staff(request: HttpRequest) -> None:
    scope = scope_for(request.user)
    if not (scope.is_admin or scope.area_municipality_ids):
        raise Http404


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    """Requests for activities in the user's area; new ones first."""
    _staff(request)
    status = request.GET.get("status", PlaceRequest.Status.NEW)
    if status not in PlaceRequest.Status.values and status != "all":
        status = PlaceRequest.Status.NEW
    rows = PlaceRequest.objects.visible_to(request.user).select_related(
        "activity", "activity__provider", "municipality"
    )
    if status != "all":
        rows = rows.filter(status=status)
    page = Paginator(rows.order_by("-created_at"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "placerequests/request_list.html",
        {"page": page, "status": status, "statuses": PlaceRequest.Status.choices},
    )


def _request(request: HttpRequest, pk: int) -> PlaceRequest:
    _staff(request)
    return get_object_or_404(
        PlaceRequest.objects.visible_to(request.user).select_related(
            "activity", "activity__provider", "municipality", "handled_by", "newcomer"
        ),
        pk=pk,
    )


def _candidates(request: HttpRequest, place_request: PlaceRequest):
    """Registered newcomers who may be this person: same first name or same contact."""
    match = Q(first_name__iexact=place_request.first_name)
    if place_request.email:
        match |= Q(email__iexact=place_request.email)
    if place_request.phone:
        match |= Q(phone=place_request.phone)
    return Newcomer.objects.visible_to(request.user).filter(match).order_by("last_name")[:20]


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    place_request = _request(request, pk)
    record_access(user=request.user, action="view", obj=place_request)
    candidates = Newcomer.objects.filter(pk__in=[n.pk for n in _candidates(request, place_request)])
    return render(
        request,
        "placerequests/request_detail.html",
        {"place_request": place_request, "form": HandleForm(newcomers=candidates)},
    )


@login_required
@require_POST
def request_close(request: HttpRequest, pk: int) -> HttpResponse:
    place_request = _request(request, pk)
    outcome = request.POST.get("outcome", "")
    candidates = Newcomer.objects.filter(pk__in=[n.pk for n in _candidates(request, place_request)])
    form = HandleForm(request.POST, newcomers=candidates)
    if outcome not in (PlaceRequest.Status.HANDLED, PlaceRequest.Status.DECLINED):
        form.add_error(None, _("Choose whether the request is handled or declined."))
    if not form.is_valid():
        return render(
            request,
            "placerequests/request_detail.html",
            {"place_request": place_request, "form": form},
            status=400,
        )
    try:
        services.close(
            request_id=place_request.pk,
            by=request.user,
            status=outcome,
            newcomer=form.cleaned_data.get("newcomer"),
        )
    except services.PlaceRequestError as exc:
        messages.error(request, str(exc))
        return redirect("place_request_detail", pk=place_request.pk)
    messages.success(request, _("The request is closed."))
    return redirect("place_request_list")
