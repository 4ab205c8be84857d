"""The report's files open and hold the right figures: XLSX re-read with openpyxl, DOCX with
python-docx, PDFs turned into PNG pages with pdftoppm; and every file is suppressed."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import pytest
from django.test import Client

from tests.factories import region, user_with_role
from tests.reporting.helpers import D, activity, trajectory

pytestmark = pytest.mark.django_db
QUARTER = "?quarter=2024-Q2"


@pytest.fixture
def coordinator_client():
    """Rivierenland in Q2 2024: PNTs started in Mechelen (12), Lier (9) and Putte (3, which
    the region table protects by hiding Lier too); offer in Mechelen and Putte."""
    for nis, count in (("12025", 12), ("12021", 9), ("12029", 3)):
        for _ in range(count):
            trajectory(nis, opened=D(2024, 4, 1), started=D(2024, 5, 1))
    activity(type="conversation_table", capacity=10)
    activity("12029", type="samen_doen", capacity=8)
    client = Client()
    client.force_login(user_with_role("coordinator", region=region("rivierenland")))
    return client


def _xlsx(client, url):
    from openpyxl import load_workbook

    response = client.get(url + QUARTER)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _row(sheet, label):
    return next(row for row in sheet.iter_rows(values_only=True) if row[0] == label)


def test_xlsx_has_one_sheet_per_table(coordinator_client):
    book = _xlsx(coordinator_client, "/reports/regions/rivierenland/export.xlsx")
    assert {"Trajectories", "The offer", "Days until the PNT started"} <= set(book.sheetnames)


def test_xlsx_holds_numbers_not_strings(coordinator_client):
    book = _xlsx(coordinator_client, "/reports/regions/rivierenland/export.xlsx")
    assert _row(book["Trajectories"], "PNT started")[1:] == (24, 0, 0)
    assert _row(book["The offer"], "Places on offer")[1] == 18


def test_xlsx_is_suppressed_even_for_the_coordinator_of_the_region(coordinator_client):
    book = _xlsx(coordinator_client, "/reports/regions/rivierenland/export.xlsx")
    sheet = book[next(name for name in book.sheetnames if name.startswith("By municipality"))]
    assert _row(sheet, "Putte")[2] == "<5"


def test_csv_lists_every_figure_with_its_indicator(coordinator_client):
    response = coordinator_client.get("/reports/regions/rivierenland/export.csv" + QUARTER)
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["scope", "Rivierenland"]
    started = [row for row in rows[2:] if row[4] == "started" and row[0] == "Trajectories"]
    assert [row[3] for row in started] == ["24", "0", "0"]


def test_council_decision_docx_has_the_municipality_and_the_region(coordinator_client):
    from docx import Document

    url = "/reports/municipalities/12025/council-decision.docx" + QUARTER
    response = coordinator_client.get(url)
    document = Document(io.BytesIO(response.content))
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header[1:] == ["Mechelen", "Rivierenland"]
    started = next(r for r in document.tables[0].rows if r.cells[0].text == "PNT started")
    assert [cell.text for cell in started.cells[1:]] == ["12", "24"]


def test_every_council_decision_has_the_same_structure(coordinator_client):
    from docx import Document

    def headings(nis):
        url = f"/reports/municipalities/{nis}/council-decision.docx{QUARTER}"
        document = Document(io.BytesIO(coordinator_client.get(url).content))
        return [p.style.name for p in document.paragraphs], len(document.tables[0].rows)

    assert headings("12025") == headings("12029")


def _pages(pdf: bytes, tmp_path) -> list:
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    command = [shutil.which("pdftoppm"), "-r", "40", "-png", str(source), str(tmp_path / "page")]
    subprocess.run(command, check=True)  # noqa: S603 — our own file, a fixed program
    return sorted(tmp_path.glob("page-*.png"))


def test_pdf_report_renders_to_pages(coordinator_client, tmp_path):
    response = coordinator_client.get("/reports/regions/rivierenland/export.pdf" + QUARTER)
    assert response["Content-Type"] == "application/pdf"
    assert len(_pages(response.content, tmp_path)) >= 2


def test_pdf_report_shows_the_figures(coordinator_client):
    from pypdf import PdfReader

    response = coordinator_client.get("/reports/regions/rivierenland/export.pdf" + QUARTER)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Rivierenland" in text and "24" in text


def test_slides_have_a_title_the_key_figures_and_one_chart_each(coordinator_client, tmp_path):
    response = coordinator_client.get("/reports/regions/rivierenland/slides.pdf" + QUARTER)
    assert len(_pages(response.content, tmp_path)) >= 4
