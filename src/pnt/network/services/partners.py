"""Partners, contact persons and cooperation agreements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.accounts.models import User
from pnt.geo.models import Region
from pnt.network.documents import DOCUMENTS, check_upload, original_name
from pnt.network.errors import NetworkError
from pnt.network.models import Agreement, Partner, PartnerContact
from pnt.network.services.audit import record_change, snapshot

AGREEMENT_FIELDS = ("kind", "title", "starts_on", "ends_on", "notice_days", "notes")
PARTNER_FIELDS = ("name", "tier", "sector", "municipality", "provider", "role", "email",
                  "phone", "website", "active")  # fmt: skip


@transaction.atomic
def create_partner(*, region: Region, by: User, **fields) -> Partner:
    """A new partner of the region; its name is unique within the region."""
    _check_partner(region, fields)
    return Partner.objects.create(region=region, **_only(fields, PARTNER_FIELDS))


@transaction.atomic
def update_partner(*, partner: Partner, by: User, **fields) -> Partner:
    _check_partner(partner.region, fields, exclude=partner.pk)
    for name, value in _only(fields, PARTNER_FIELDS).items():
        setattr(partner, name, value)
    partner.save()
    return partner


def _check_partner(region: Region, fields: dict, exclude: int | None = None) -> None:
    same = Partner.objects.filter(region=region, name__iexact=fields.get("name", ""))
    if same.exclude(pk=exclude).exists():
        raise NetworkError(_("The network already has a partner with this name."))
    municipality = fields.get("municipality")
    if municipality is not None and not region.municipalities.filter(pk=municipality.pk).exists():
        raise NetworkError(_("This municipality is not part of the regional network."))


def _only(fields: dict, names: Iterable[str]) -> dict:
    return {name: fields[name] for name in names if name in fields}


@transaction.atomic
def add_contact(
    *,
    partner: Partner,
    by: User,
    name: str,
    function: str = "",
    email: str = "",
    phone: str = "",
    user: User | None = None,
) -> PartnerContact:
    """A contact person; with an account they see what the partner takes part in."""
    contact = PartnerContact.objects.create(
        partner=partner, name=name, function=function, email=email, phone=phone, user=user
    )
    if user is not None and hasattr(user, "_pnt_network_access"):
        del user._pnt_network_access
    return contact


def _attach(agreement: Agreement, document: UploadedFile | None) -> None:
    if document is None:
        return
    agreement.document_type = check_upload(document, DOCUMENTS)
    agreement.document_name = original_name(document)
    agreement.document.save(agreement.document_name, document, save=False)


def _check_parties(region: Region, parties: Iterable[Partner]) -> list[Partner]:
    parties = list(parties)
    if not parties:
        raise NetworkError(_("An agreement needs at least one party."))
    if any(p.region_id != region.pk for p in parties):
        raise NetworkError(_("Every party must be a partner of this network."))
    return parties


@transaction.atomic
def create_agreement(
    *,
    region: Region,
    by: User,
    kind: str,
    title: str,
    parties: Iterable[Partner],
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    notice_days: int = 90,
    notes: str = "",
    document: UploadedFile | None = None,
) -> Agreement:
    """Record an agreement; the document (PDF, DOCX or ODT, at most 10 MB) is checked and
    stored privately. Raises :class:`NetworkError` for bad dates, parties or files."""
    if ends_on is not None and ends_on < starts_on:
        raise NetworkError(_("The agreement cannot end before it starts."))
    parties = _check_parties(region, parties)
    agreement = Agreement(
        region=region, kind=kind, title=title, starts_on=starts_on, ends_on=ends_on,
        notice_days=notice_days, notes=notes, created_by=by,
    )  # fmt: skip
    _attach(agreement, document)
    agreement.save()
    agreement.parties.set(parties)
    return agreement


@transaction.atomic
def renew_agreement(
    *,
    agreement: Agreement,
    by: User,
    ends_on: dt.date | None,
    document: UploadedFile | None = None,
) -> Agreement:
    """A new end date (and optionally the signed renewal); the renewal reminder will go out
    again before the new end date."""
    if ends_on is not None and ends_on < agreement.starts_on:
        raise NetworkError(_("The agreement cannot end before it starts."))
    old = agreement.document.name if document is not None else ""
    agreement.ends_on = ends_on
    _attach(agreement, document)
    agreement.save()
    if old:
        transaction.on_commit(lambda: agreement.document.storage.delete(old))
    return agreement


@transaction.atomic
def update_agreement(
    *,
    agreement: Agreement,
    by: User,
    kind: str,
    title: str,
    parties: Iterable[Partner],
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    notice_days: int = 90,
    notes: str = "",
    document: UploadedFile | None = None,
) -> Agreement:
    """Correct an agreement; a new document replaces the old one (deleted once the change
    is committed). When the reminder for this end date went out but the corrected notice
    period has not started yet, it will go out again. Raises :class:`NetworkError` for bad
    dates, parties or files; the change is in the audit log."""
    if ends_on is not None and ends_on < starts_on:
        raise NetworkError(_("The agreement cannot end before it starts."))
    parties = _check_parties(agreement.region, parties)
    before = snapshot(agreement, AGREEMENT_FIELDS + ("document",), many=("parties",))
    old = agreement.document.name if document is not None else ""
    agreement.kind, agreement.title, agreement.notes = kind, title, notes
    agreement.starts_on, agreement.ends_on, agreement.notice_days = starts_on, ends_on, notice_days
    _attach(agreement, document)
    due = agreement.renewal_due_on
    if agreement.reminded_for is not None and due is not None and due > timezone.localdate():
        agreement.reminded_for = None
    agreement.save()
    agreement.parties.set(parties)
    after = snapshot(agreement, AGREEMENT_FIELDS + ("document",), many=("parties",))
    record_change(by=by, obj=agreement, before=before, after=after)
    if old:
        transaction.on_commit(lambda: agreement.document.storage.delete(old))
    return agreement
