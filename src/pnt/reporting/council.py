"""The council decision draft (ontwerp van collegebesluit) of one municipality as DOCX.

Every municipality of a network receives the same structure — context, figures of the
municipality beside those of the region, reasoning, decision — filled with its own figures,
so that all councils are informed the same way. Built from suppressed views only.
"""

from __future__ import annotations

import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pnt.reporting.pages import ReportView

# The figures the decision quotes, in this order.
COUNCIL_FIGURES = (
    "in_pnt", "started", "median_days_to_start", "completed", "hours", "participants",
    "activities", "places", "new_places", "pairs_active", "buddy_waiting", "helpful_share",
)  # fmt: skip


def _cells(view: ReportView | None) -> dict[str, str]:
    if view is None:
        return {}
    return {
        row.key: row.cells[0].display
        for table in view.tables
        if table.key != "by_municipality"
        for row in table.rows
        if row.key and not row.total
    }


def _labels(view: ReportView) -> dict[str, str]:
    return {row.key: row.label for table in view.tables for row in table.rows if not row.total}


def council_decision_docx(municipality: ReportView, region: ReportView | None) -> bytes:
    """The draft for the municipality's council, with the region's figures beside its own."""
    from docx import Document
    from docx.shared import Pt

    with translation.override("nl"):
        report = municipality.report
        name, quarter = report.scope.name, report.period.label
        region_name = region.report.scope.name if region else ""
        document = Document()
        document.styles["Normal"].font.name = "Calibri"
        document.styles["Normal"].font.size = Pt(11)
        document.add_heading(_("Draft council decision — %(m)s") % {"m": name}, level=0)
        document.add_paragraph(
            _("Participation and network trajectory: progress report %(q)s") % {"q": quarter}
        )
        document.add_heading(_("Context"), level=1)
        document.add_paragraph(_context(name, region_name))
        document.add_heading(_("Figures"), level=1)
        _figures_table(document, municipality, region)
        if municipality.note:
            document.add_paragraph().add_run(municipality.note).italic = True
        document.add_heading(_("Reasoning"), level=1)
        document.add_paragraph(_reasoning(municipality))
        document.add_heading(_("Decision"), level=1)
        for number, text in enumerate(_articles(name, region_name, quarter), start=1):
            paragraph = document.add_paragraph()
            paragraph.add_run(_("Article %(n)s.") % {"n": number} + " ").bold = True
            paragraph.add_run(text)
        document.add_paragraph(
            _("Prepared by the network on %(day)s.")
            % {"day": timezone.localdate().strftime("%d-%m-%Y")}
        )
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def _context(name: str, region_name: str) -> str:
    return _(
        "Since 1 January 2023 the participation and network trajectory (PNT) is the fourth "
        "pillar of civic integration: newcomers spend at least 40 hours in activities that "
        "build a network in Dutch. %(m)s takes part in the regional network %(r)s, which "
        "reports the same figures to every member municipality each quarter."
    ) % {"m": name, "r": region_name or name}


def _figures_table(document, municipality: ReportView, region: ReportView | None) -> None:
    own, theirs, labels = _cells(municipality), _cells(region), _labels(municipality)
    header = [_("Figure"), municipality.report.scope.name]
    if region is not None:
        header.append(region.report.scope.name)
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for key in COUNCIL_FIGURES:
        if key not in own:
            continue
        values = [labels[key], own[key]] + ([theirs.get(key, "—")] if region else [])
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


def _reasoning(municipality: ReportView) -> str:
    own = _cells(municipality)
    return _(
        "In %(q)s %(started)s newcomers of %(m)s started their PNT, after a median of "
        "%(days)s days. The network keeps widening the offer so that every newcomer finds "
        "activities close to home that fit their talents, and so that newcomers flow on to "
        "the regular offer of clubs and associations afterwards."
    ) % {
        "q": municipality.report.period.label,
        "started": own.get("started", "—"),
        "m": municipality.report.scope.name,
        "days": own.get("median_days_to_start", "—"),
    }


def _articles(name: str, region_name: str, quarter: str) -> list[str]:
    return [
        _("The council takes note of the progress report %(q)s of the participation and "
          "network trajectory in %(m)s and in the regional network %(r)s.")
        % {"q": quarter, "m": name, "r": region_name or name},
        _("The council asks its services (sport, culture, library, welfare) to keep referring "
          "newcomers to the offer and to publish their own activities on ikdoemee.be."),
        _("The council charges the municipal officer for the PNT with following up this "
          "decision with the network coordinator."),
    ]  # fmt: skip
