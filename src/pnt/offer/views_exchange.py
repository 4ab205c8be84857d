"""Exports (JSON-LD, iCalendar, CSV) and the import page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from pnt.geo.models import Municipality
from pnt.offer import exchange, queries, services
from pnt.offer.forms import ImportForm
from pnt.offer.models import Activity, Provider

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _published():
    return queries.public_activities().select_related("provider", "municipality").order_by("pk")


def export_jsonld(request: HttpRequest) -> HttpResponse:
    """Published activities as UiTdatabank-shaped JSON-LD; `?provider=` or `?municipality=`."""
    activities = _published()
    if request.GET.get("provider", "").isdigit():
        activities = activities.filter(provider_id=int(request.GET["provider"]))
    if request.GET.get("municipality"):
        activities = activities.filter(municipality__nis_code=request.GET["municipality"])
    activities = queries.fill_places(list(activities))
    body = exchange.export_jsonld(activities, _base_url(request))
    return HttpResponse(body, content_type="application/ld+json; charset=utf-8")


def _ical(request: HttpRequest, activities, name: str, filename: str) -> HttpResponse:
    body = exchange.export_ical(activities, name=name, base_url=_base_url(request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def provider_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    provider = get_object_or_404(
        Provider.objects.filter(activities__in=_published()).distinct(), pk=pk
    )
    return _ical(request, _published().filter(provider=provider), provider.name, f"provider-{pk}")


def municipality_calendar(request: HttpRequest, nis_code: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, nis_code=nis_code)
    activities = _published().filter(municipality=municipality)
    return _ical(request, activities, municipality.name_nl, f"gemeente-{nis_code}")


@login_required
def export_own_csv(request: HttpRequest) -> HttpResponse:
    """The activities the user manages, in the CSV template's columns (re-importable)."""
    activities = (
        Activity.objects.manageable_by(request.user).select_related("municipality").order_by("pk")
    )
    if request.GET.get("provider", "").isdigit():
        activities = activities.filter(provider_id=int(request.GET["provider"]))
    response = HttpResponse(exchange.export_csv(activities), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="activiteiten.csv"'
    return response


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(exchange.csv_template(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="activiteiten-sjabloon.csv"'
    return response


def parse_upload(name: str, text: str):
    """CSV or JSON-LD, by the file's name or its first character."""
    if name.lower().endswith((".json", ".jsonld")) or text.lstrip()[:1] in ("[", "{"):
        return exchange.parse_jsonld(text)
    return exchange.parse_csv(text)


@login_required
def import_activities(request: HttpRequest) -> HttpResponse:
    providers = queries.authoring_providers(request.user)
    if not providers.exists():
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None, providers=providers)
    plan = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            form.add_error("file", _("The file is larger than 5 MB."))
        else:
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                form.add_error("file", _("Save the file as UTF-8 text and try again."))
            else:
                rows, errors = parse_upload(upload.name, text)
                try:
                    plan = services.import_activities(
                        user=request.user, provider=form.cleaned_data["provider"], rows=rows,
                        errors=errors, dry_run=form.cleaned_data["dry_run"],
                    )  # fmt: skip
                except services.OfferError as error:
                    form.add_error(None, str(error))
    return render(request, "offer/import.html", {"form": form, "plan": plan})
