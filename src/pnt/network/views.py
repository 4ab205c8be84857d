"""Pages of the network space: the overview, partners and agreements.

Meetings, the plan, good practices and funding have their own modules. Objects outside
the user's part of the network space answer 404; changes are for the region's staff.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pnt.network import queries, services
from pnt.network.access import network_access
from pnt.network.documents import serve
from pnt.network.errors import NetworkError
from pnt.network.forms import AgreementForm, ContactForm, PartnerForm, RenewForm
from pnt.network.models import ActionPoint, Meeting, Partner


def require_manager(user, region_id: int) -> None:
    """Changes are for the region's coordinator and coaches: anyone else gets 404."""
    if not queries.manages(user, region_id):
        raise Http404


def require_managing_somewhere(user) -> None:
    if not network_access(user).manages_any:
        raise Http404


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """What needs attention: my action points, the next meetings, agreements to renew,
    deliverables due."""
    user = request.user
    now = timezone.now()
    context = {
        "my_points": queries.action_points(user)
        .filter(owner=user, status__in=ActionPoint.OPEN_STATES)
        .order_by("due_on")[:20],
        "next_meetings": queries.meetings(user)
        .filter(starts_at__gte=now, status=Meeting.Status.PLANNED)
        .order_by("starts_at")[:5],
        "expiring": queries.expiring_agreements(user),
        "deliverables": queries.due_deliverables(user)[:10],
        "plans": queries.plans(user)[:5],
        "manages": network_access(user).manages_any,
        "today": timezone.localdate(),
    }
    return render(request, "network/home.html", context)


# --- partners ------------------------------------------------------------------------------


@login_required
def partner_list(request: HttpRequest) -> HttpResponse:
    partners = queries.partners(request.user).prefetch_related("contacts")
    tier = request.GET.get("tier", "")
    if tier in Partner.Tier.values:
        partners = partners.filter(tier=tier)
    return render(
        request,
        "network/partner_list.html",
        {
            "partners": partners.order_by("region__name", "tier", "name"),
            "tier": tier,
            "tiers": Partner.Tier.choices,
            "manages": network_access(request.user).manages_any,
        },
    )


@login_required
def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_object_or_404(queries.partners(request.user), pk=pk)
    manages = queries.manages(request.user, partner.region_id)
    return render(
        request,
        "network/partner_detail.html",
        {
            "partner": partner,
            "contacts": partner.contacts.select_related("user"),
            "agreements": queries.agreements(request.user).filter(parties=partner),
            "manages": manages,
            "contact_form": ContactForm(region=partner.region) if manages else None,
        },
    )


PARTNER_FIELDS = ("name", "tier", "sector", "municipality", "provider", "role", "email",
                  "phone", "website", "active")  # fmt: skip


def _partner_fields(form: PartnerForm) -> dict:
    return {name: form.cleaned_data[name] for name in PARTNER_FIELDS}


@login_required
def partner_new(request: HttpRequest) -> HttpResponse:
    require_managing_somewhere(request.user)
    form = PartnerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.create_partner(
                region=form.chosen_region(), by=request.user, **_partner_fields(form)
            )
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The partner is added."))
            return redirect("partner_detail", pk=partner.pk)
    return render(request, "network/form.html", {"form": form, "title": _("New partner")})


@login_required
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_object_or_404(queries.partners(request.user), pk=pk)
    require_manager(request.user, partner.region_id)
    initial = {name: getattr(partner, name) for name in PARTNER_FIELDS}
    form = PartnerForm(request.POST or None, user=request.user, region=partner.region,
                       initial=initial)  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.update_partner(partner=partner, by=request.user, **_partner_fields(form))
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The partner is saved."))
            return redirect("partner_detail", pk=partner.pk)
    return render(request, "network/form.html", {"form": form, "title": partner.name})


@login_required
@require_POST
def partner_contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_object_or_404(queries.partners(request.user), pk=pk)
    require_manager(request.user, partner.region_id)
    form = ContactForm(request.POST, region=partner.region)
    if form.is_valid():
        services.add_contact(partner=partner, by=request.user, **form.cleaned_data)
        messages.success(request, _("The contact person is added."))
        return redirect("partner_detail", pk=partner.pk)
    return render(
        request,
        "network/form.html",
        {"form": form, "title": _("New contact person"), "action": request.path},
    )


# --- agreements ----------------------------------------------------------------------------


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = list(queries.agreements(request.user).prefetch_related("parties"))
    for agreement in rows:
        agreement.current_state = agreement.state(today)
    return render(
        request,
        "network/agreement_list.html",
        {"agreements": rows, "manages": network_access(request.user).manages_any},
    )


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(queries.agreements(request.user), pk=pk)
    manages = queries.manages(request.user, agreement.region_id)
    return render(
        request,
        "network/agreement_detail.html",
        {
            "agreement": agreement,
            "state": agreement.state(),
            "parties": agreement.parties.all(),
            "manages": manages,
            "renew_form": RenewForm(initial={"ends_on": agreement.ends_on}) if manages else None,
        },
    )


@login_required
def agreement_new(request: HttpRequest) -> HttpResponse:
    require_managing_somewhere(request.user)
    form = AgreementForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = services.create_agreement(
                region=form.chosen_region(), by=request.user, kind=data["kind"],
                title=data["title"], parties=data["parties"], starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                notice_days=data["notice_days"], notes=data["notes"], document=data["document"],
            )  # fmt: skip
        except NetworkError as error:
            form.add_error("document" if data.get("document") else None, str(error))
        else:
            messages.success(request, _("The agreement is recorded."))
            return redirect("agreement_detail", pk=agreement.pk)
    return render(
        request,
        "network/form.html",
        {"form": form, "title": _("New agreement"), "multipart": True},
    )


@login_required
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct an agreement: type, title, parties, dates, reminder, notes, document."""
    agreement = get_object_or_404(queries.agreements(request.user), pk=pk)
    require_manager(request.user, agreement.region_id)
    form = AgreementForm(
        request.POST or None, request.FILES or None, user=request.user, agreement=agreement
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_agreement(
                agreement=agreement, by=request.user, kind=data["kind"], title=data["title"],
                parties=data["parties"], starts_on=data["starts_on"], ends_on=data["ends_on"],
                notice_days=data["notice_days"], notes=data["notes"], document=data["document"],
            )  # fmt: skip
        except NetworkError as error:
            agreement.refresh_from_db()
            form.add_error("document" if data.get("document") else None, str(error))
        else:
            messages.success(request, _("The agreement is saved."))
            return redirect("agreement_detail", pk=agreement.pk)
    title = _("Edit %(agreement)s") % {"agreement": agreement.title}
    context = {"form": form, "title": title, "multipart": True,
               "back": reverse("agreement_detail", args=[agreement.pk])}  # fmt: skip
    return render(request, "network/form.html", context)


@login_required
@require_POST
def agreement_renew(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(queries.agreements(request.user), pk=pk)
    require_manager(request.user, agreement.region_id)
    form = RenewForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.renew_agreement(
                agreement=agreement,
                by=request.user,
                ends_on=form.cleaned_data["ends_on"],
                document=form.cleaned_data["document"],
            )
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The agreement is renewed."))
            return redirect("agreement_detail", pk=agreement.pk)
    return render(
        request,
        "network/form.html",
        {"form": form, "title": agreement.title, "action": request.path, "multipart": True},
    )


@login_required
def agreement_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed document, for those who see the agreement; nobody else (404)."""
    agreement = get_object_or_404(queries.agreements(request.user).exclude(document=""), pk=pk)
    return serve(agreement.document, agreement.document_name, agreement.document_type)
