"""A copy of everything about one person (JSON, PDF), and who accessed the record (CSV):
scoped to admins and the region's coordinator, and written in the audit log."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pnt.accounts.models import AuditEntry, Role
from tests.factories import VolunteerFactory, municipality, region, user_with_role
from tests.privacy.helpers import newcomer_with_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = user_with_role(Role.COORDINATOR, region=region("rivierenland"))
    client.force_login(user)
    return user


def _url(person, fmt: str, kind: str = "newcomers") -> str:
    return reverse("privacy_export", kwargs={"kind": kind, "pk": person.pk, "fmt": fmt})


def test_json_export_holds_every_part_of_the_file(client, coordinator):
    newcomer = newcomer_with_history()
    document = client.get(_url(newcomer, "json")).json()
    sections = document["sections"]
    assert sections["person"]["rows"][0]["email"] == "yasmina@example.org"
    assert sections["intake"]["rows"][0]["notes"] == "Vertelt over haar zoon Omar."
    assert len(sections["attendance"]["rows"]) == 3
    assert sections["notes"]["rows"][0]["text"].startswith("Gebeld met Yasmina")
    assert sections["meetings"]["rows"][0]["what"] == "Samen naar de markt in Mechelen."
    assert sections["emails"]["rows"][0]["to"] == "yasmina@example.org"


def test_json_export_names_the_buddy_by_first_name_only(client, coordinator):
    newcomer = newcomer_with_history()
    text = client.get(_url(newcomer, "json")).content.decode()
    assert '"buddy": "Veerle"' in text
    assert "Mertens" not in text


def test_pdf_export_is_a_readable_document(client, coordinator):
    newcomer = newcomer_with_history()
    response = client.get(_url(newcomer, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Yasmina" in text and "yasmina@example.org" in text


def test_each_export_is_audited(client, coordinator):
    newcomer = newcomer_with_history()
    for fmt in ("json", "pdf", "csv"):
        client.get(_url(newcomer, fmt))
    details = list(
        AuditEntry.objects.filter(action="export", object_id=str(newcomer.pk))
        .order_by("pk")
        .values_list("user_id", "detail")
    )
    assert details == [
        (coordinator.pk, "privacy json"), (coordinator.pk, "privacy pdf"),
        (coordinator.pk, "privacy csv"),
    ]  # fmt: skip


def test_access_log_csv_lists_who_saw_the_record(client, coordinator):
    newcomer = newcomer_with_history()
    coach = user_with_role(Role.COACH, region=region("rivierenland"))
    client.force_login(coach)
    client.get(reverse("newcomer_detail", args=[newcomer.pk]))
    client.force_login(coordinator)
    rows = client.get(_url(newcomer, "csv")).content.decode().splitlines()
    assert rows[0] == "at,user,action,object_type,object_id,via,detail"
    assert any(f",{coach.username},view,trajectories.newcomer," in row for row in rows)


def test_volunteer_export_holds_the_consent(client, coordinator):
    from pnt.privacy.consent import record_consent

    volunteer = VolunteerFactory(first_name="Veerle")
    record_consent(subject=volunteer, purpose="buddy_volunteer")
    from django.utils import translation

    from pnt.privacy.models import Consent

    document = client.get(_url(volunteer, "json", kind="volunteers")).json()
    with translation.override("nl"):  # the export is written in Dutch
        label = str(Consent.Purpose.BUDDY_VOLUNTEER.label)
    assert document["sections"]["consents"]["rows"][0]["purpose"] == label


def test_coordinator_of_another_region_gets_404(client):
    newcomer = newcomer_with_history()
    client.force_login(user_with_role(Role.COORDINATOR, region=region("kempen")))
    assert client.get(_url(newcomer, "json")).status_code == 404
    assert not AuditEntry.objects.filter(action="export").exists()


def test_coach_gets_404_even_for_own_region(client):
    newcomer = newcomer_with_history()
    client.force_login(user_with_role(Role.COACH, region=region("rivierenland")))
    assert client.get(_url(newcomer, "pdf")).status_code == 404


def test_api_export_is_scoped_and_audited(client, coordinator):
    newcomer = newcomer_with_history()
    elsewhere = newcomer_with_history(municipality=municipality("13040"))
    response = client.get(f"/api/privacy/newcomers/{newcomer.pk}/export")
    assert response.status_code == 200
    assert response.json()["sections"]["person"]["rows"][0]["first_name"] == "Yasmina"
    assert client.get(f"/api/privacy/newcomers/{elsewhere.pk}/export").status_code == 404
    entry = AuditEntry.objects.get(action="export")
    assert (entry.object_id, entry.via) == (str(newcomer.pk), "api")


def test_unknown_format_is_404(client, coordinator):
    newcomer = newcomer_with_history()
    assert client.get(_url(newcomer, "xlsx")).status_code == 404


def test_export_document_is_valid_json_with_the_subject(client, coordinator):
    newcomer = newcomer_with_history()
    document = json.loads(client.get(_url(newcomer, "json")).content)
    assert document["subject"] == {
        "type": "trajectories.newcomer", "id": newcomer.pk, "name": "Yasmina Haddad"
    }  # fmt: skip
