"""Pages of the offer: the catalogues, providers' self-service, and validation.

Coverage and the exchange formats have their own modules (`views_coverage`,
`views_exchange`). Objects outside the user's scope answer 404.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.offer import queries, services
from pnt.offer.cards import cards
from pnt.offer.forms import ActivityForm, CatalogueFilterForm, StaffCatalogueFilterForm
from pnt.offer.models import Activity, Provider
from pnt.offer.queries import PLACE_HOLDERS

PAGE_SIZE = 24
# Filters folded under "More filters" (their count shows on the fold).
EXTRA_FILTERS = ("type", "theme", "goal", "day", "daypart", "cost", "needs", "family", "places",
                 "status", "counts")  # fmt: skip


def _catalogue(request: HttpRequest, base, form_class, template: str, context: dict):
    """Filter, sort and page; an htmx request gets only the `_results.html` fragment."""
    form = form_class(request.GET)
    # Outlines are large JSON documents a card never shows: leave them in the database.
    base = base.select_related("provider", "municipality").defer("municipality__outline")
    activities = queries.search(base, form.filters())
    page = _page(activities, request.GET.get("page"))
    page.object_list = queries.fill_places(list(page.object_list))
    filters = form.filters()
    extra = sum(bool(filters.get(name)) for name in EXTRA_FILTERS)
    context = {
        **context,
        "form": form,
        "page": page,
        "cards": cards(page.object_list, language=request.LANGUAGE_CODE, staff=context["staff"]),
        "labels": _card_labels(),
        "near": filters.get("municipality"),
        "extra_filters": extra,
    }
    if request.htmx:
        response = render(request, "offer/_results.html", context)
    else:
        response = render(request, template, context)
    # The same URL answers a page or a fragment: caches must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


def _page(activities, number: str | None) -> Page:
    """One page of results and the total, counted in the same query (a window function)."""
    try:
        wanted = max(1, int(number or 1))
    except ValueError:
        wanted = 1
    offset = (wanted - 1) * PAGE_SIZE
    rows = list(activities.annotate(total=Window(Count("pk")))[offset : offset + PAGE_SIZE])
    paginator = Paginator(activities, PAGE_SIZE)
    if not rows:  # past the end, or nothing found: let the paginator sort it out
        return paginator.get_page(number)
    paginator.count = rows[0].total  # a cached property: the count query is not needed
    page = paginator.page(wanted)
    page.object_list = rows
    return page


def _card_labels() -> dict[str, str]:
    return {"where": _("Where"), "when": _("When"), "dutch": _("Dutch"), "price": _("Price"),
            "full": _("Full: waiting list")}  # fmt: skip


@login_required
def activity_list(request: HttpRequest) -> HttpResponse:
    """The staff catalogue: everything in scope, with status and PNT filters."""
    return _catalogue(
        request,
        queries.staff_activities(request.user),
        StaffCatalogueFilterForm,
        "offer/activity_list.html",
        {
            "staff": True,
            "results_url": request.path,
            "can_create": queries.authoring_providers(request.user).exists(),
        },
    )


def public_catalogue(request: HttpRequest) -> HttpResponse:
    """The catalogue for newcomers: published activities, no login."""
    return _catalogue(
        request,
        queries.public_activities(),
        CatalogueFilterForm,
        "offer/public_catalogue.html",
        {"staff": False, "results_url": request.path, "page_languages": _languages()},
    )


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def public_activity(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(
        queries.public_activities().select_related("provider", "municipality"), pk=pk
    )
    queries.fill_places([activity])
    title, description = activity.translated(request.LANGUAGE_CODE)
    return render(
        request,
        "offer/public_activity.html",
        {
            "activity": activity,
            "title": title,
            "description": description,
            "contacts": activity.provider.contacts.filter(public=True),
            "page_languages": _languages(),
        },
    )


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(
        Activity.objects.visible_to(request.user).select_related("provider", "municipality"),
        pk=pk,
    )
    queries.fill_places([activity])
    can_manage = Activity.objects.manageable_by(request.user).filter(pk=pk).exists()
    context = {
        "activity": activity,
        "can_manage": can_manage,
        "can_validate": queries.can_validate(request.user, activity),
        "enrolment_counts": queries.enrolment_counts(activity) if can_manage else {},
    }
    return render(request, "offer/activity_detail.html", context)


@login_required
def activity_create(request: HttpRequest) -> HttpResponse:
    providers = queries.authoring_providers(request.user)
    if not providers.exists():
        raise Http404
    form = ActivityForm(
        request.POST or None,
        providers=providers,
        municipalities=queries.authoring_municipalities(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.create_activity(
                user=request.user, provider=form.cleaned_data["provider"], data=form.cleaned_data
            )
        except services.OfferError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The activity is saved as a draft."))
            return redirect("activity_detail", pk=activity.pk)
    return render(request, "offer/activity_form.html", {"form": form, "activity": None})


def _managed(request: HttpRequest, pk: int) -> Activity:
    return get_object_or_404(
        Activity.objects.manageable_by(request.user).select_related("provider", "municipality"),
        pk=pk,
    )


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _managed(request, pk)
    form = ActivityForm(
        request.POST or None,
        instance=activity,
        providers=Provider.objects.filter(pk=activity.provider_id),
        municipalities=queries.authoring_municipalities(request.user, activity.provider),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_activity(user=request.user, activity=activity, data=form.cleaned_data)
        except services.OfferError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("activity_detail", pk=activity.pk)
    return render(request, "offer/activity_form.html", {"form": form, "activity": activity})


def _act(request: HttpRequest, activity: Activity, action, done: str) -> HttpResponse:
    try:
        result = action(user=request.user, activity=activity)
    except services.OfferError as error:
        messages.error(request, str(error))
        return redirect("activity_detail", pk=activity.pk)
    messages.success(request, done)
    return redirect("activity_detail", pk=result.pk)


@login_required
@require_POST
def activity_publish(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _managed(request, pk)
    return _act(request, activity, services.publish_activity, _("The activity is published."))


@login_required
@require_POST
def activity_pause(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _managed(request, pk)
    return _act(request, activity, services.pause_activity, _("The activity is paused."))


@login_required
@require_POST
def activity_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _managed(request, pk)
    return _act(
        request, activity, services.duplicate_activity, _("This is the copy: adapt and publish.")
    )


@login_required
@require_POST
def activity_validate(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(queries.validatable_by(request.user), pk=pk)
    return _act(
        request, activity, services.validate_activity, _("Validated: it counts for the PNT.")
    )


@login_required
def provider_list(request: HttpRequest) -> HttpResponse:
    providers = (
        Provider.objects.visible_to(request.user)
        .select_related("municipality")
        .annotate(n_activities=Count("activities", distinct=True))
        .order_by("name")
    )
    page = Paginator(providers, 50).get_page(request.GET.get("page"))
    return render(request, "offer/provider_list.html", {"page": page})


@login_required
def provider_detail(request: HttpRequest, pk: int) -> HttpResponse:
    provider = get_object_or_404(Provider.objects.visible_to(request.user), pk=pk)
    activities = (
        Activity.objects.visible_to(request.user)
        .filter(provider=provider)
        .select_related("municipality")
        .annotate(taken=Count("enrolments", filter=PLACE_HOLDERS))
        .order_by("title")
    )
    return render(
        request,
        "offer/provider_detail.html",
        {"provider": provider, "activities": activities, "contacts": provider.contacts.all()},
    )
