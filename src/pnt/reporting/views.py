"""Web pages of pnt.reporting: the report index, the quarterly report per region,
municipality or provider (and all of Flanders for administrators), its exports, the
council decision draft, the slides, and the coordinator's key figures.

Reports outside one's own scope are suppressed on screen; files always are.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pnt.reporting import exports, files, scopes
from pnt.reporting.keyfigures import key_figures
from pnt.reporting.pages import build_view
from pnt.reporting.periods import Quarter, recent_quarters
from pnt.reporting.report import build_report
from pnt.reporting.scopes import ReportScope

FORMATS = {
    "xlsx": exports.XLSX_TYPE,
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}


def _quarter(request: HttpRequest) -> Quarter:
    text = request.GET.get("quarter", "")
    if not text:
        return Quarter.last_complete()
    try:
        return Quarter.parse(text)
    except ValueError:
        raise BadRequest(_("Not a quarter: write it as 2025-Q1.")) from None


def _export_urls(scope: ReportScope, quarter: Quarter) -> dict[str, str]:
    from django.urls import reverse

    names = {
        scopes.REGION: ("report_region_export", {"slug": scope.key}),
        scopes.MUNICIPALITY: ("report_municipality_export", {"nis_code": scope.key}),
        scopes.PROVIDER: ("report_provider_export", {"pk": scope.key}),
        scopes.FLANDERS: ("report_flanders_export", {}),
    }
    name, kwargs = names[scope.kind]
    return {
        fmt: f"{reverse(name, kwargs={**kwargs, 'fmt': fmt})}?quarter={quarter}" for fmt in FORMATS
    }


def _report_page(request: HttpRequest, scope: ReportScope) -> HttpResponse:
    quarter = _quarter(request)
    suppress = not scopes.is_own_scope(request.user, scope)
    view = build_view(build_report(scope, quarter), suppress)
    return render(
        request,
        "reporting/report.html",
        {
            "view": view,
            "report": view.report,
            "scope": scope,
            "quarter": quarter,
            "quarters": sorted({quarter, *recent_quarters(8)}, reverse=True),
            "exports": _export_urls(scope, quarter),
        },
    )


def _export(request: HttpRequest, scope: ReportScope, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    content, name = files.report_file(scope, _quarter(request), fmt)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- pages -----------------------------------------------------------------------------------


@login_required
def report_index(request: HttpRequest) -> HttpResponse:
    regions = list(scopes.regions_for(request.user).order_by("name"))
    municipalities = list(scopes.municipalities_for(request.user))
    providers = list(scopes.providers_for(request.user).order_by("name")[:200])
    flanders = scopes.can_report_flanders(request.user)
    if not (regions or municipalities or providers or flanders):
        raise Http404
    return render(
        request,
        "reporting/index.html",
        {
            "regions": regions,
            "municipalities": municipalities,
            "providers": providers,
            "flanders": flanders,
            "quarter": Quarter.last_complete(),
        },
    )


@login_required
def report_region(request: HttpRequest, slug: str) -> HttpResponse:
    return _report_page(request, scopes.region_scope(request.user, slug))


@login_required
def report_municipality(request: HttpRequest, nis_code: str) -> HttpResponse:
    return _report_page(request, scopes.municipality_scope(request.user, nis_code))


@login_required
def report_provider(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_page(request, scopes.provider_scope(request.user, pk))


@login_required
def report_flanders(request: HttpRequest) -> HttpResponse:
    return _report_page(request, scopes.flanders_scope(request.user))


# --- files -----------------------------------------------------------------------------------


@login_required
def report_region_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    return _export(request, scopes.region_scope(request.user, slug), fmt)


@login_required
def report_municipality_export(request: HttpRequest, nis_code: str, fmt: str) -> HttpResponse:
    return _export(request, scopes.municipality_scope(request.user, nis_code), fmt)


@login_required
def report_provider_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return _export(request, scopes.provider_scope(request.user, pk), fmt)


@login_required
def report_flanders_export(request: HttpRequest, fmt: str) -> HttpResponse:
    return _export(request, scopes.flanders_scope(request.user), fmt)


@login_required
def report_region_slides(request: HttpRequest, slug: str) -> HttpResponse:
    scope = scopes.region_scope(request.user, slug)
    quarter = _quarter(request)
    view = build_view(build_report(scope, quarter), suppress=True)
    response = HttpResponse(exports.slides_pdf(view), content_type="application/pdf")
    name = f"pnt-{slugify(scope.name)}-{quarter}-slides.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def council_decision(request: HttpRequest, nis_code: str) -> HttpResponse:
    """The municipality's council decision draft with its own and its region's figures."""
    scope = scopes.municipality_scope(request.user, nis_code)
    content, name = files.council_decision_file(scope, _quarter(request))
    response = HttpResponse(content, content_type=exports.DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def report_key_figures(request: HttpRequest) -> HttpResponse:
    """The coordinator's dashboard: per region, the few figures that matter and their trend."""
    regions = list(scopes.regions_for(request.user).order_by("name"))
    if not regions:
        raise Http404
    quarter = _quarter(request)
    panels = []
    for region in regions[:12]:
        scope = scopes.for_region(region)
        suppress = not scopes.is_own_scope(request.user, scope)
        panels.append(
            {"region": region, "suppressed": suppress,
             "figures": key_figures(scope, quarter, suppress)}
        )  # fmt: skip
    return render(
        request,
        "reporting/key_figures.html",
        {"panels": panels, "quarter": quarter, "previous": quarter.previous()},
    )
