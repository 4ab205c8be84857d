"""A deliverable carries reports of pnt.reporting: the coordinator picks the kind, the quarter
(by default the last full quarter before the due date) and, for a council decision, the
municipality; the file is made by reporting's own exports, suppressed, kept with the
deliverable, downloaded only by the region's staff, and audited. A failure stores nothing.

Rivierenland in Q2 2024 (as in tests/reporting/test_exports.py): PNTs started in Mechelen
(12), Lier (9) and Putte (3, which the region table hides as "<5").
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pnt.accounts.models import AuditEntry
from pnt.network import deliverable_reports, services
from pnt.network.errors import NetworkError
from pnt.network.models import Deliverable, DeliverableReport
from pnt.reporting.periods import Quarter
from tests.factories import municipality, region, user_with_role
from tests.network.factories import ApplicationFactory, DeliverableFactory
from tests.reporting.helpers import D, trajectory

pytestmark = pytest.mark.django_db
Q2 = Quarter(2024, 2)
PDF, XLSX, DOCX = (DeliverableReport.Kind.REPORT_PDF, DeliverableReport.Kind.REPORT_XLSX,
                   DeliverableReport.Kind.COUNCIL_DOCX)  # fmt: skip


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def figures(db):
    for nis, count in (("12025", 12), ("12021", 9), ("12029", 3)):
        for _ in range(count):
            trajectory(nis, opened=D(2024, 4, 1), started=D(2024, 5, 1))


@pytest.fixture
def deliverable(db):
    """The AMIF interim report of Rivierenland, due at the end of July 2024."""
    application = ApplicationFactory(starts_on=dt.date(2024, 1, 1), ends_on=dt.date(2026, 12, 31))
    return DeliverableFactory(
        application=application, title="Tussentijds rapport AMIF", due_on=dt.date(2024, 7, 31)
    )


@pytest.fixture
def as_coordinator(coordinator) -> Client:
    client = Client()
    client.force_login(coordinator)
    return client


def _stored_files(settings) -> list:
    folder = settings.MEDIA_ROOT / "network" / "deliverable-reports"
    return sorted(folder.iterdir()) if folder.exists() else []


def _attach(deliverable, by, kind=XLSX, **extra) -> DeliverableReport:
    return services.attach_report(deliverable=deliverable, by=by, kind=kind, quarter=Q2, **extra)


# --- the files ---------------------------------------------------------------------------------


def test_attaching_a_pdf_stores_a_report_that_renders_to_pages(
    as_coordinator, deliverable, figures, tmp_path
):
    url = reverse("deliverable_report_add", args=[deliverable.pk])
    response = as_coordinator.post(url, {"kind": PDF, "quarter": "2024-Q2"})
    assert response.status_code == 302
    report = deliverable.reports.get()
    content = report.file.read()
    assert content.startswith(b"%PDF")
    source = tmp_path / "report.pdf"
    source.write_bytes(content)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run([pdftoppm, "-r", "30", "-png", str(source), str(tmp_path / "page")], check=True)  # noqa: S603
    assert len(list(tmp_path.glob("page-*.png"))) >= 2


def test_the_attached_spreadsheet_shows_the_quarter_and_the_region(coordinator, deliverable):
    from openpyxl import load_workbook

    report = _attach(deliverable, coordinator)
    book = load_workbook(io.BytesIO(report.file.read()))
    about = [row[0] for row in book["About"].iter_rows(values_only=True)]
    assert about[0] == "Quarterly report: Rivierenland, Q2 2024"
    assert (report.quarter, report.scope_label, report.file_name) == (
        "2024-Q2", "Rivierenland", "pnt-rivierenland-2024-Q2.xlsx"
    )  # fmt: skip


def test_the_attached_spreadsheet_is_suppressed_even_for_the_regions_coordinator(
    coordinator, deliverable, figures
):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(_attach(deliverable, coordinator).file.read()))
    sheet = book[next(name for name in book.sheetnames if name.startswith("By municipality"))]
    putte = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Putte")
    assert putte[2] == "<5"


def test_the_council_decision_is_made_for_a_municipality_of_the_region(
    coordinator, deliverable, figures
):
    from docx import Document

    report = _attach(deliverable, coordinator, kind=DOCX, municipality=municipality("12025"))
    document = Document(io.BytesIO(report.file.read()))
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header[1:] == ["Mechelen", "Rivierenland"]
    assert report.scope_label == "Mechelen"


def test_a_council_decision_for_a_municipality_outside_the_region_is_refused(
    coordinator, deliverable
):
    with pytest.raises(NetworkError):
        _attach(deliverable, coordinator, kind=DOCX, municipality=municipality("13040"))
    assert not DeliverableReport.objects.exists()


def test_a_quarter_that_has_not_ended_is_refused(coordinator, deliverable):
    this_quarter = Quarter.of(timezone.localdate())
    with pytest.raises(NetworkError):
        services.attach_report(
            deliverable=deliverable, by=coordinator, kind=XLSX, quarter=this_quarter
        )


# --- the quarter -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due_on", "quarter"),
    [
        (dt.date(2024, 7, 31), Quarter(2024, 2)),
        (dt.date(2024, 7, 1), Quarter(2024, 2)),
        # Q2 ends on the day it is due: the last quarter that ended before it is Q1.
        (dt.date(2024, 6, 30), Quarter(2024, 1)),
    ],
)
def test_the_default_quarter_is_the_last_full_quarter_before_the_due_date(due_on, quarter):
    assert deliverable_reports.default_quarter(due_on, today=dt.date(2025, 5, 1)) == quarter


def test_the_default_quarter_is_never_one_that_has_not_ended(db):
    due_later = dt.date(2026, 3, 31)
    assert deliverable_reports.default_quarter(due_later, today=dt.date(2025, 5, 1)) == Quarter(
        2025, 1
    )


def test_the_form_proposes_the_default_quarter(as_coordinator, deliverable):
    html = as_coordinator.get(reverse("deliverable_detail", args=[deliverable.pk])).content.decode()
    assert '<option value="2024-Q2" selected>' in html


# --- handing in --------------------------------------------------------------------------------


def test_attaching_hands_the_deliverable_in_only_when_ticked(coordinator, deliverable):
    _attach(deliverable, coordinator)
    deliverable.refresh_from_db()
    assert deliverable.status == Deliverable.Status.OPEN
    _attach(deliverable, coordinator, hand_in=True)
    deliverable.refresh_from_db()
    assert deliverable.status == Deliverable.Status.SUBMITTED
    assert deliverable.submitted_on == timezone.localdate()


# --- all or nothing ----------------------------------------------------------------------------


def test_a_failure_in_making_the_report_stores_nothing(
    as_coordinator, deliverable, monkeypatch, settings
):
    def broken(view):
        raise RuntimeError("pango is missing")

    monkeypatch.setattr("pnt.reporting.exports.to_pdf", broken)
    url = reverse("deliverable_report_add", args=[deliverable.pk])
    response = as_coordinator.post(url, {"kind": PDF, "quarter": "2024-Q2", "hand_in": "on"})
    assert response.status_code == 200
    assert "nothing was attached" in response.content.decode()
    assert not DeliverableReport.objects.exists()
    assert _stored_files(settings) == []
    deliverable.refresh_from_db()
    assert deliverable.status == Deliverable.Status.OPEN
    assert not AuditEntry.objects.filter(object_type="network.deliverablereport").exists()


def test_a_failure_after_the_file_was_written_removes_the_file(
    coordinator, deliverable, monkeypatch, settings
):
    def broken(**kwargs):
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr("pnt.network.services.funding.record_access", broken)
    with pytest.raises(NetworkError):
        _attach(deliverable, coordinator)
    assert not DeliverableReport.objects.exists()
    assert _stored_files(settings) == []


# --- download and audit ------------------------------------------------------------------------


def test_the_coordinator_downloads_the_report_as_a_private_attachment(
    coordinator, as_coordinator, deliverable
):
    report = _attach(deliverable, coordinator)
    response = as_coordinator.get(reverse("deliverable_report", args=[report.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"PK")
    assert 'attachment; filename="pnt-rivierenland-2024-Q2.xlsx"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_the_deliverable_page_lists_the_report_with_its_link(
    coordinator, as_coordinator, deliverable
):
    report = _attach(deliverable, coordinator)
    html = as_coordinator.get(reverse("deliverable_detail", args=[deliverable.pk])).content.decode()
    assert reverse("deliverable_report", args=[report.pk]) in html
    assert "pnt-rivierenland-2024-Q2.xlsx" in html


def test_making_and_downloading_a_report_are_audited(coordinator, as_coordinator, deliverable):
    report = _attach(deliverable, coordinator)
    as_coordinator.get(reverse("deliverable_report", args=[report.pk]))
    entries = AuditEntry.objects.filter(
        object_type="network.deliverablereport", object_id=str(report.pk), user=coordinator
    )
    assert sorted(entries.values_list("action", flat=True)) == ["create", "export"]


def test_a_coach_of_the_region_may_attach_a_report(deliverable):
    coach = user_with_role("coach", region=region("rivierenland"))
    client = Client()
    client.force_login(coach)
    url = reverse("deliverable_report_add", args=[deliverable.pk])
    assert client.post(url, {"kind": XLSX, "quarter": "2024-Q2"}).status_code == 302
    assert deliverable.reports.get().made_by == coach


# --- scoping -----------------------------------------------------------------------------------

OUTSIDERS = ["coordinator_kempen", "aster_staff", "coach_kempen", "officer_putte"]


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_others_cannot_attach_a_report(request, outsider, deliverable):
    client = Client()
    client.force_login(request.getfixturevalue(outsider))
    url = reverse("deliverable_report_add", args=[deliverable.pk])
    assert client.post(url, {"kind": XLSX, "quarter": "2024-Q2"}).status_code == 404
    assert not DeliverableReport.objects.exists()


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_others_cannot_download_a_report(request, outsider, coordinator, deliverable):
    report = _attach(deliverable, coordinator)
    client = Client()
    client.force_login(request.getfixturevalue(outsider))
    assert client.get(reverse("deliverable_report", args=[report.pk])).status_code == 404


def test_a_core_partner_sees_the_deliverable_but_not_its_reports(
    officer_putte, coordinator, deliverable
):
    _attach(deliverable, coordinator)
    client = Client()
    client.force_login(officer_putte)
    response = client.get(reverse("deliverable_detail", args=[deliverable.pk]))
    assert response.status_code == 200
    assert "pnt-rivierenland-2024-Q2.xlsx" not in response.content.decode()


def test_the_quarters_offered_run_from_the_applications_start_to_the_last_ended_one(deliverable):
    quarters = deliverable_reports.quarter_choices(
        deliverable.application, deliverable.due_on, today=dt.date(2025, 5, 1)
    )
    assert quarters[0] == Quarter(2025, 1)
    assert quarters[-1] == Quarter(2023, 2)  # two years back reach further than the start
    assert Quarter(2024, 2) in quarters
