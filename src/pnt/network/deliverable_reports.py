"""The reports of pnt.reporting that a deliverable can carry: which quarters, which scope,
and the file itself, made by the reporting app's own export functions.

This is the one place where the network space reads pnt.reporting (the usual arrow points
the other way): a funder asks for the same quarterly figures the network already reports,
so they are made by the same code, never computed twice.

Every file is built from a suppressed view, exactly as reporting's own downloads are: a
report attached to a deliverable is meant to leave the network.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from pnt.geo.models import Municipality, Region
from pnt.network.models import DeliverableReport, FundingApplication
from pnt.reporting import exports, files, scopes
from pnt.reporting.periods import Quarter

Kind = DeliverableReport.Kind
CONTENT_TYPES = {
    Kind.REPORT_PDF: "application/pdf",
    Kind.REPORT_XLSX: exports.XLSX_TYPE,
    Kind.COUNCIL_DOCX: exports.DOCX_TYPE,
}
# How many quarters back the choice reaches at least, whatever the application's period,
# and at most (ten years).
RECENT_QUARTERS = 8
OLDEST_QUARTERS = 40


@dataclass(frozen=True)
class MadeReport:
    content: bytes
    file_name: str
    content_type: str
    scope_label: str


def last_complete_quarter(today: dt.date | None = None) -> Quarter:
    return Quarter.last_complete(today or timezone.localdate())


def default_quarter(due_on: dt.date, today: dt.date | None = None) -> Quarter:
    """The last full quarter before the due date — but never one that has not ended yet."""
    return min(Quarter.of(due_on).previous(), last_complete_quarter(today))


def quarter_choices(
    application: FundingApplication, due_on: dt.date, today: dt.date | None = None
) -> list[Quarter]:
    """The quarters a report can be made for, newest first: every ended quarter from the
    start of the application's period (or the last two years, if that reaches further)."""
    last = last_complete_quarter(today)
    first = min(Quarter.of(application.starts_on), last.back(RECENT_QUARTERS)[0])
    first = max(first, last.back(OLDEST_QUARTERS)[0])
    quarters = set(Quarter.span(first, last)) | {default_quarter(due_on, today)}
    return sorted(quarters, reverse=True)


def council_municipalities(region: Region):
    """The municipalities of the region a council decision draft can be made for."""
    return region.municipalities.current().defer("outline").order_by("name_nl")


def make_report(
    kind: str, region: Region, quarter: Quarter, municipality: Municipality | None = None
) -> MadeReport:
    """The file, made by pnt.reporting exactly as its downloads are (always suppressed)."""
    if kind == Kind.COUNCIL_DOCX:
        return _council_decision(municipality, quarter)
    scope = scopes.for_region(region)
    fmt = "pdf" if kind == Kind.REPORT_PDF else "xlsx"
    content, name = files.report_file(scope, quarter, fmt)
    return MadeReport(content, name, CONTENT_TYPES[kind], scope.name)


def _council_decision(municipality: Municipality | None, quarter: Quarter) -> MadeReport:
    """The municipality's draft beside its region's figures, as reporting's download makes
    it (the region beside it is the one reporting files the municipality under)."""
    if municipality is None:
        raise ValueError("A council decision draft is made for one municipality.")
    scope = scopes.for_municipality(municipality)
    content, name = files.council_decision_file(scope, quarter)
    return MadeReport(content, name, CONTENT_TYPES[Kind.COUNCIL_DOCX], scope.name)
