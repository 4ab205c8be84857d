"""Report files as they leave the network (always suppressed): the quarterly report as
XLSX, CSV or PDF, and a municipality's council decision draft as DOCX. Used by reporting's
downloads and by the deliverables of the network space, so both make the same file."""

from __future__ import annotations

from django.utils.text import slugify

from pnt.reporting import exports, scopes
from pnt.reporting.council import council_decision_docx
from pnt.reporting.pages import build_view
from pnt.reporting.periods import Quarter
from pnt.reporting.report import build_report
from pnt.reporting.scopes import ReportScope

FORMATS = ("xlsx", "csv", "pdf")


def report_file(scope: ReportScope, quarter: Quarter, fmt: str) -> tuple[bytes, str]:
    """The suppressed quarterly report of the scope in ``fmt`` and its file name. The trend
    lines are drawn in the PDF only; the other formats hold the tables."""
    view = build_view(build_report(scope, quarter, trend=fmt == "pdf"), suppress=True)
    if fmt not in FORMATS:
        raise ValueError(f"Unknown report format: {fmt}")
    content = getattr(exports, f"to_{fmt}")(view)  # exports.to_xlsx, to_csv or to_pdf
    return content, f"pnt-{slugify(scope.name)}-{quarter}.{fmt}"


def council_decision_file(scope: ReportScope, quarter: Quarter) -> tuple[bytes, str]:
    """A municipality's council decision draft beside its region's figures (both
    suppressed), and its file name."""
    own = build_view(build_report(scope, quarter, trend=False), suppress=True)
    region = None
    if scope.region is not None:
        region_report = build_report(scopes.for_region(scope.region), quarter, trend=False)
        region = build_view(region_report, suppress=True)
    return council_decision_docx(
        own, region
    ), f"collegebesluit-{slugify(scope.name)}-{quarter}.docx"
