"""Funding applications and their deliverables."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.accounts.models import User
from pnt.geo.models import Municipality, Region
from pnt.network import deliverable_reports
from pnt.network.documents import ATTACHMENTS, check_upload, original_name
from pnt.network.errors import NetworkError
from pnt.network.models import (
    Deliverable,
    DeliverableReport,
    FundingApplication,
    FundingProgramme,
)
from pnt.reporting.periods import Quarter

logger = logging.getLogger(__name__)


@transaction.atomic
def create_application(
    *,
    region: Region,
    by: User,
    programme: FundingProgramme | None,
    title: str,
    amount_requested: Decimal,
    starts_on: dt.date,
    ends_on: dt.date,
    submit_by: dt.date | None = None,
    owner: User | None = None,
    notes: str = "",
    new_programme: str = "",
    new_programme_funder: str = "",
) -> FundingApplication:
    """An application to an existing programme, or to a new one named here."""
    if ends_on < starts_on:
        raise NetworkError(_("The period cannot end before it starts."))
    if programme is None:
        if not new_programme.strip() or not new_programme_funder:
            raise NetworkError(_("Choose a programme, or name a new one and its funder."))
        programme, _created = FundingProgramme.objects.get_or_create(
            name=new_programme.strip(), defaults={"funder": new_programme_funder}
        )
    return FundingApplication.objects.create(
        region=region, programme=programme, title=title, amount_requested=amount_requested,
        starts_on=starts_on, ends_on=ends_on, submit_by=submit_by, owner=owner or by, notes=notes,
    )  # fmt: skip


@transaction.atomic
def change_application_status(
    *,
    application: FundingApplication,
    by: User,
    status: str,
    amount_granted: Decimal | None = None,
) -> FundingApplication:
    if status not in FundingApplication.Status.values:
        raise NetworkError(_("Unknown status."))
    if status == FundingApplication.Status.GRANTED and amount_granted is None:
        raise NetworkError(_("Fill in the amount granted."))
    application.status = status
    if amount_granted is not None:
        application.amount_granted = amount_granted
    application.save(update_fields=["status", "amount_granted"])
    return application


@transaction.atomic
def add_deliverable(
    *, application: FundingApplication, by: User, title: str, due_on: dt.date, remind_days: int = 21
) -> Deliverable:
    return Deliverable.objects.create(
        application=application, title=title, due_on=due_on, remind_days=remind_days
    )


@transaction.atomic
def hand_in_deliverable(
    *, deliverable: Deliverable, by: User, document: UploadedFile | None = None
) -> Deliverable:
    """Mark a deliverable as submitted today, with the report or document handed in."""
    if "submitted" not in Deliverable.TRANSITIONS[deliverable.status]:
        raise NetworkError(_("This deliverable was already handed in."))
    if document is not None:
        deliverable.document_type = check_upload(document, ATTACHMENTS)
        deliverable.document_name = original_name(document)
        deliverable.document.save(deliverable.document_name, document, save=False)
    deliverable.status = Deliverable.Status.SUBMITTED
    deliverable.submitted_on = timezone.localdate()
    deliverable.save()
    return deliverable


@transaction.atomic
def accept_deliverable(*, deliverable: Deliverable, by: User) -> Deliverable:
    if "accepted" not in Deliverable.TRANSITIONS[deliverable.status]:
        raise NetworkError(_("Only a submitted deliverable can be accepted."))
    deliverable.status = Deliverable.Status.ACCEPTED
    deliverable.save(update_fields=["status"])
    return deliverable


def attach_report(
    *,
    deliverable: Deliverable,
    by: User,
    kind: str,
    quarter: Quarter,
    municipality: Municipality | None = None,
    hand_in: bool = False,
    today: dt.date | None = None,
) -> DeliverableReport:
    """Make a report of pnt.reporting for the deliverable and keep it with it: a quarterly
    report of the application's region, or the council decision draft of one of its
    municipalities, suppressed as every file that leaves the network. Audited.

    With `hand_in`, the deliverable is also marked as submitted today. All or nothing: when
    making the file or saving it fails, no row, no file and no status change remain.
    Raises :class:`NetworkError` with a message for the person."""
    region = deliverable.application.region
    _check_report_request(deliverable, kind, quarter, municipality, hand_in, today)
    stored = ""
    try:
        with transaction.atomic():
            made = deliverable_reports.make_report(kind, region, quarter, municipality)
            report = DeliverableReport(
                deliverable=deliverable, kind=kind, quarter=str(quarter),
                scope_label=made.scope_label, municipality=municipality,
                file_name=made.file_name, content_type=made.content_type,
                size=len(made.content), made_by=by,
            )  # fmt: skip
            report.file.save(made.file_name, ContentFile(made.content), save=False)
            stored = report.file.name
            report.save()
            record_access(
                user=by, action="create", obj=report,
                detail=f"{kind} {quarter} {made.scope_label} for deliverable {deliverable.pk}",
            )  # fmt: skip
            if hand_in:
                hand_in_deliverable(deliverable=deliverable, by=by)
    except Exception as error:
        if stored:
            report.file.storage.delete(stored)
        if isinstance(error, NetworkError):
            raise
        logger.exception("Making a %s report for deliverable %s failed", kind, deliverable.pk)
        raise NetworkError(
            _("The report could not be made; nothing was attached. Try again later.")
        ) from error
    return report


def _check_report_request(
    deliverable: Deliverable,
    kind: str,
    quarter: Quarter,
    municipality: Municipality | None,
    hand_in: bool,
    today: dt.date | None,
) -> None:
    if kind not in DeliverableReport.Kind.values:
        raise NetworkError(_("Unknown kind of report."))
    if quarter > deliverable_reports.last_complete_quarter(today):
        raise NetworkError(_("That quarter has not ended yet."))
    if kind == DeliverableReport.Kind.COUNCIL_DOCX:
        region = deliverable.application.region
        if municipality is None or not region.municipalities.filter(pk=municipality.pk).exists():
            raise NetworkError(_("Choose a municipality of the network for the council decision."))
    elif municipality is not None:
        raise NetworkError(_("Only the council decision draft is about one municipality."))
    if hand_in and "submitted" not in Deliverable.TRANSITIONS[deliverable.status]:
        raise NetworkError(_("This deliverable was already handed in."))
