"""Agreement documents are checked for type and size on upload, and served only to those
who see the agreement (others: 404)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pnt.network import services
from pnt.network.documents import MAX_BYTES
from pnt.network.errors import NetworkError
from pnt.network.models import Agreement
from tests.network.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _agreement(coordinator, rivierenland, upload, parties=None):
    return services.create_agreement(
        region=rivierenland,
        by=coordinator,
        kind=Agreement.Kind.COOPERATION,
        title="Samenwerking Rivo",
        parties=parties or [PartnerFactory()],
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2027, 12, 31),
        document=upload,
    )


def test_a_pdf_is_stored_under_a_random_name(coordinator, rivierenland):
    agreement = _agreement(
        coordinator, rivierenland, SimpleUploadedFile("overeenkomst.pdf", PDF, "application/pdf")
    )
    assert agreement.document_name == "overeenkomst.pdf"
    assert agreement.document_type == "application/pdf"
    assert "overeenkomst" not in agreement.document.name


def test_a_file_of_another_type_is_refused(coordinator, rivierenland):
    upload = SimpleUploadedFile("script.html", b"<script>", "application/pdf")
    with pytest.raises(NetworkError, match="not accepted"):
        _agreement(coordinator, rivierenland, upload)


def test_a_file_that_is_not_what_its_name_says_is_refused(coordinator, rivierenland):
    upload = SimpleUploadedFile("overeenkomst.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(NetworkError, match="not a real PDF"):
        _agreement(coordinator, rivierenland, upload)


def test_a_file_over_ten_megabytes_is_refused(coordinator, rivierenland):
    upload = SimpleUploadedFile("groot.pdf", PDF + b"0" * MAX_BYTES, "application/pdf")
    with pytest.raises(NetworkError, match="larger than 10 MB"):
        _agreement(coordinator, rivierenland, upload)


def test_the_form_shows_the_refusal_next_to_the_file(client, coordinator):
    partner = PartnerFactory()
    client.force_login(coordinator)
    response = client.post(
        reverse("agreement_new"),
        {
            "kind": "cooperation",
            "title": "Samenwerking",
            "parties": [partner.pk],
            "starts_on": "2025-01-01",
            "notice_days": 90,
            "document": SimpleUploadedFile("x.exe", b"MZ", "application/octet-stream"),
        },
    )
    assert response.status_code == 200
    assert "not accepted" in response.content.decode()
    assert not Agreement.objects.exists()


def test_a_party_downloads_the_document_as_an_attachment(
    client, coordinator, rivierenland, aster, aster_staff
):
    partner = PartnerFactory(name="Aster", provider=aster)
    agreement = _agreement(
        coordinator,
        rivierenland,
        SimpleUploadedFile("overeenkomst.pdf", PDF, "application/pdf"),
        parties=[partner],
    )
    client.force_login(aster_staff)
    response = client.get(reverse("agreement_document", args=[agreement.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF


def test_someone_outside_the_agreement_gets_404(client, coordinator, rivierenland, coach_kempen):
    agreement = _agreement(
        coordinator, rivierenland, SimpleUploadedFile("o.pdf", PDF, "application/pdf")
    )
    client.force_login(coach_kempen)
    response = client.get(reverse("agreement_document", args=[agreement.pk]))
    assert response.status_code == 404
