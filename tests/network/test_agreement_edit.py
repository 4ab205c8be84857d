"""Correcting a cooperation agreement: type, title, parties, dates, renewal reminder and
document. For the region's coordinator and coaches (and admins); anyone else gets 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from pnt.accounts.models import AuditEntry
from pnt.network import services
from pnt.network.errors import NetworkError
from pnt.network.models import Agreement
from tests.factories import region
from tests.network.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def mechelen(db):
    return PartnerFactory(name="Stad Mechelen", sector="local_government")


@pytest.fixture
def agreement(coordinator, rivierenland, mechelen):
    return services.create_agreement(
        region=rivierenland,
        by=coordinator,
        kind=Agreement.Kind.COOPERATION,
        title="Samenwerking Rivo",
        parties=[mechelen],
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2027, 12, 31),
        document=SimpleUploadedFile("overeenkomst.pdf", PDF, "application/pdf"),
    )


def _form(agreement: Agreement, **changes) -> dict:
    data = {
        "kind": agreement.kind,
        "title": agreement.title,
        "parties": [party.pk for party in agreement.parties.all()],
        "starts_on": agreement.starts_on.isoformat(),
        "ends_on": agreement.ends_on.isoformat() if agreement.ends_on else "",
        "notice_days": agreement.notice_days,
        "notes": agreement.notes,
    }
    data.update(changes)
    return data


def _post(client, user, agreement, **changes):
    client.force_login(user)
    return client.post(reverse("agreement_edit", args=[agreement.pk]), _form(agreement, **changes))


def test_the_coordinator_corrects_type_parties_and_dates(client, coordinator, mechelen, agreement):
    putte = PartnerFactory(name="Gemeente Putte", sector="local_government")
    response = _post(client, coordinator, agreement, kind="covenant",
                     parties=[mechelen.pk, putte.pk], starts_on="2025-02-01",
                     ends_on="2028-01-31", notice_days=120)  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == reverse("agreement_detail", args=[agreement.pk])
    agreement.refresh_from_db()
    assert (agreement.kind, agreement.notice_days) == ("covenant", 120)
    assert (agreement.starts_on, agreement.ends_on) == (dt.date(2025, 2, 1), dt.date(2028, 1, 31))
    assert set(agreement.parties.all()) == {mechelen, putte}


def test_the_form_starts_from_the_agreement(client, coordinator, agreement):
    client.force_login(coordinator)
    html = client.get(reverse("agreement_edit", args=[agreement.pk])).content.decode()
    assert 'value="Samenwerking Rivo"' in html and 'value="2027-12-31"' in html
    assert "Leave empty to keep overeenkomst.pdf" in html


def test_an_end_before_the_start_is_a_field_error(client, coordinator, agreement):
    response = _post(client, coordinator, agreement, ends_on="2024-12-31")
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "The agreement cannot end before it starts."
    ]
    agreement.refresh_from_db()
    assert agreement.ends_on == dt.date(2027, 12, 31)


def test_an_agreement_keeps_a_party(client, coordinator, agreement):
    response = _post(client, coordinator, agreement, parties=[])
    assert response.context["form"].has_error("parties")


def test_the_service_refuses_a_party_of_another_network(coordinator, agreement):
    elsewhere = PartnerFactory(region=region("kempen"))
    with pytest.raises(NetworkError):
        services.update_agreement(
            agreement=agreement, by=coordinator, kind=agreement.kind, title=agreement.title,
            parties=[elsewhere], starts_on=agreement.starts_on,
        )  # fmt: skip


def test_a_new_document_replaces_the_old_one(
    client, coordinator, agreement, django_capture_on_commit_callbacks
):
    old = agreement.document.name
    storage = agreement.document.storage
    upload = SimpleUploadedFile("addendum.pdf", PDF + b"%2", "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, coordinator, agreement, document=upload)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.document_name == "addendum.pdf"
    assert agreement.document.name != old
    assert not storage.exists(old)


def test_without_a_new_document_the_old_one_stays(client, coordinator, agreement):
    old = agreement.document.name
    _post(client, coordinator, agreement, title="Samenwerking Rivierenland")
    agreement.refresh_from_db()
    assert (agreement.document.name, agreement.document_name) == (old, "overeenkomst.pdf")


def test_a_bad_document_is_refused_next_to_the_field(client, coordinator, agreement):
    old = agreement.document.name
    upload = SimpleUploadedFile("x.exe", b"MZ", "application/octet-stream")
    response = _post(client, coordinator, agreement, title="Nieuw", document=upload)
    assert response.status_code == 200
    assert response.context["form"].has_error("document")
    agreement.refresh_from_db()
    assert (agreement.title, agreement.document.name) == ("Samenwerking Rivo", old)


def test_a_later_reminder_date_makes_the_reminder_go_out_again(client, coordinator, agreement):
    today = timezone.localdate()
    agreement.ends_on = today + dt.timedelta(days=60)
    agreement.reminded_for = agreement.ends_on  # the reminder went out (90 days' notice)
    agreement.save()
    _post(client, coordinator, agreement, notice_days=30)
    agreement.refresh_from_db()
    assert agreement.reminded_for is None
    assert services.remind_expiring_agreements(today=today + dt.timedelta(days=30)) == 1


def test_a_reminder_already_due_is_not_sent_twice(client, coordinator, agreement):
    agreement.ends_on = timezone.localdate() + dt.timedelta(days=60)
    agreement.reminded_for = agreement.ends_on
    agreement.save()
    _post(client, coordinator, agreement, notes="Verlenging wordt besproken.")
    agreement.refresh_from_db()
    assert agreement.reminded_for == agreement.ends_on


def test_the_correction_is_in_the_audit_log_without_the_values(client, coordinator, agreement):
    _post(client, coordinator, agreement, title="Samenwerking Rivierenland", notes="Vertrouwelijk")
    entry = AuditEntry.objects.get(object_type="network.agreement", object_id=str(agreement.pk))
    assert (entry.user, entry.action) == (coordinator, "change")
    assert entry.detail == "changed: title, notes"


def test_the_coordinator_of_another_region_gets_404(client, coordinator_kempen, agreement):
    client.force_login(coordinator_kempen)
    assert client.get(reverse("agreement_edit", args=[agreement.pk])).status_code == 404
    assert _post(client, coordinator_kempen, agreement, title="Overgenomen").status_code == 404


def test_a_provider_that_is_a_party_gets_404(client, aster, aster_staff, agreement):
    agreement.parties.add(PartnerFactory(name="Aster", provider=aster))
    client.force_login(aster_staff)
    assert client.get(reverse("agreement_detail", args=[agreement.pk])).status_code == 200
    assert _post(client, aster_staff, agreement, title="Overgenomen").status_code == 404
    agreement.refresh_from_db()
    assert agreement.title == "Samenwerking Rivo"


def test_the_agreement_page_links_to_the_edit_page_for_the_coordinator(
    client, coordinator, officer_putte, agreement
):
    edit = reverse("agreement_edit", args=[agreement.pk])
    client.force_login(coordinator)
    assert edit in client.get(reverse("agreement_detail", args=[agreement.pk])).content.decode()
    client.force_login(officer_putte)
    assert edit not in client.get(reverse("agreement_detail", args=[agreement.pk])).content.decode()
