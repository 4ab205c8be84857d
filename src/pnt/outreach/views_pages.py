"""Information pages: public reading (newcomers in five languages, providers), the
coordinator's editing with versions and publishing, and the flyer per municipality."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.accounts.scoping import scope_for
from pnt.geo.models import Municipality
from pnt.outreach import flyer, services
from pnt.outreach.forms import InfoPageForm
from pnt.outreach.infopages import NEWCOMER_LANGUAGES, languages_for, render_body
from pnt.outreach.models import InfoPage, InfoPageVersion
from pnt.outreach.queries import figure_regions


def _published(page: InfoPage, language: str) -> InfoPageVersion | None:
    """The published text in the language, else the Dutch one."""
    versions = {v.language: v for v in page.versions.filter(is_published=True)}
    return versions.get(language) or versions.get("nl")


def info_index(request: HttpRequest) -> HttpResponse:
    language = request.LANGUAGE_CODE
    sections = []
    for audience, label in InfoPage.Audience.choices:
        entries = []
        for page in InfoPage.objects.filter(audience=audience).prefetch_related("versions"):
            version = _published(page, language)
            if version is not None:
                entries.append((page, version))
        sections.append((label, entries))
    return render(
        request,
        "outreach/info_index.html",
        {"sections": sections, "page_languages": list(NEWCOMER_LANGUAGES)},
    )


def info_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(InfoPage, slug=slug)
    version = _published(page, request.LANGUAGE_CODE)
    if version is None:
        raise Http404
    return render(
        request,
        "outreach/info_page.html",
        {
            "page": page,
            "version": version,
            "body": render_body(version.body),
            "page_languages": list(languages_for(page.audience)),
            "text_dir": "rtl" if version.language == "ar" else "ltr",
        },
    )


# --- the coordinator maintains them --------------------------------------------------------


def _editor(request: HttpRequest) -> None:
    scope = scope_for(request.user)
    if not (scope.is_admin or scope.coordinator_region_ids):
        raise Http404


@login_required
def info_admin(request: HttpRequest) -> HttpResponse:
    _editor(request)
    pages = []
    for page in InfoPage.objects.prefetch_related("versions"):
        by_language = []
        for language in languages_for(page.audience):
            versions = [v for v in page.versions.all() if v.language == language]
            latest = max(versions, key=lambda v: v.number, default=None)
            published = next((v for v in versions if v.is_published), None)
            by_language.append((language, latest, published))
        pages.append((page, by_language))
    places = sorted(
        {m for region in figure_regions(request.user) for m in region.municipalities.current()},
        key=lambda m: m.name_nl,
    )
    return render(request, "outreach/info_admin.html", {"pages": pages, "places": places})


def _page_language(slug: str, language: str) -> InfoPage:
    page = get_object_or_404(InfoPage, slug=slug)
    if language not in languages_for(page.audience):
        raise Http404
    return page


@login_required
def info_edit(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    _editor(request)
    page = _page_language(slug, language)
    latest = page.versions.filter(language=language).order_by("-number").first()
    initial = {"title": latest.title, "body": latest.body} if latest else {}
    form = InfoPageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = services.save_page_version(page=page, language=language, by=request.user,
                                             **form.cleaned_data)  # fmt: skip
        messages.success(request, _("Saved as version %(n)s.") % {"n": version.number})
        return redirect("info_history", slug=slug, language=language)
    return render(
        request,
        "outreach/info_edit.html",
        {"page": page, "language": language, "form": form, "latest": latest},
    )


@login_required
def info_history(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    _editor(request)
    page = _page_language(slug, language)
    versions = list(page.versions.filter(language=language).select_related("created_by"))
    shown = versions[0] if versions else None
    wanted = request.GET.get("version")
    for version in versions:
        if str(version.number) == wanted:
            shown = version
    return render(
        request,
        "outreach/info_history.html",
        {
            "page": page,
            "language": language,
            "versions": versions,
            "shown": shown,
            "body": render_body(shown.body) if shown else "",
        },
    )


@login_required
@require_POST
def info_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    version = get_object_or_404(InfoPageVersion.objects.select_related("page"), pk=pk)
    services.publish_version(version=version, by=request.user)
    messages.success(request, _("Version %(n)s is published.") % {"n": version.number})
    return redirect("info_history", slug=version.page.slug, language=version.language)


# --- the flyer -------------------------------------------------------------------------------


@login_required
def municipality_flyer(request: HttpRequest, nis_code: str) -> HttpResponse:
    """The flyer of a municipality in one of the user's regions (PDF)."""
    allowed = {m.pk for region in figure_regions(request.user) for m in region.municipalities.all()}
    municipality = get_object_or_404(Municipality, nis_code=nis_code, pk__in=allowed)
    url = request.build_absolute_uri(reverse("public_catalogue")) + f"?municipality={nis_code}"
    pdf = flyer.flyer_pdf(municipality, url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="flyer-{municipality.nis_code}.pdf"'
    return response
