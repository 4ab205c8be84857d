"""The report as files: XLSX (one sheet per table, numbers as numbers), CSV, PDF and a slide
deck (WeasyPrint), and the council decision draft of a municipality (DOCX).

Files leave pnt, so they are always built from a suppressed view.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pnt.reporting.pages import ReportView
from pnt.reporting.report import Table
from pnt.reporting.suppression import Cell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _number(cell: Cell):
    """A cell's value for a spreadsheet: the number itself, or the text shown when hidden."""
    if cell.hidden:
        return cell.display
    value = cell.value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list):
        return ", ".join(value)
    return value


def _sheet_name(title: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]\*\?/\\:]", "", title)[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        suffix = f" {n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def to_xlsx(view: ReportView) -> bytes:
    """One sheet per table; figures are numbers (shares as fractions formatted as %)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table in view.tables:
        sheet = book.create_sheet(_sheet_name(table.title, used))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([""] + table.columns)
        for row in table.rows:
            sheet.append([row.label] + [_number(cell) for cell in row.cells])
            if row.key.endswith("share") or row.key == "share_reached_40h":
                for cell in sheet[sheet.max_row][1:]:
                    if isinstance(cell.value, float):
                        cell.number_format = "0%"
        sheet.column_dimensions["A"].width = 48
        for letter in "BCDEFGH":
            sheet.column_dimensions[letter].width = 18
    about = book.create_sheet(_sheet_name(_("About"), used))
    for line in _about_lines(view):
        about.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _about_lines(view: ReportView) -> list[str]:
    report = view.report
    return [
        _("Quarterly report: %(scope)s, %(quarter)s")
        % {"scope": report.scope.name, "quarter": report.period.label},
        _("Made on %(day)s by pnt.")
        % {"day": timezone.localtime(report.made_at).strftime("%Y-%m-%d %H:%M")},
        view.note,
    ]


def to_csv(view: ReportView) -> str:
    """Every table in long form: table, row, column, value (as shown)."""
    out = io.StringIO()
    writer = csv.writer(out)
    report = view.report
    writer.writerow([_("scope"), report.scope.name, _("quarter"), str(report.period)])
    writer.writerow([_("table"), _("row"), _("column"), _("value"), _("indicator")])
    for table in view.tables:
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=False):
                value = cell.display if cell.hidden else _number(cell)
                writer.writerow([table.title, row.label, column, value, row.key])
    return out.getvalue()


def _pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # imported late: WeasyPrint loads pango on import

    with translation.override("nl"):
        html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def to_pdf(view: ReportView) -> bytes:
    return _pdf("reporting/pdf/report.html", {"view": view, "report": view.report})


def slides_pdf(view: ReportView) -> bytes:
    """A short deck for the steering group: the headline figures, then one chart a slide."""
    return _pdf("reporting/pdf/slides.html", {"view": view, "report": view.report})


def tables_by_key(view: ReportView) -> dict[str, Table]:
    return {table.key: table for table in view.tables}


__all__ = ["DOCX_TYPE", "XLSX_TYPE", "slides_pdf", "to_csv", "to_pdf", "to_xlsx"]
