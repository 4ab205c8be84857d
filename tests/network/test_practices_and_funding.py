"""Good practices are searchable by theme and shared on purpose; deliverables of funding
applications are reminded before they are due and carry the report handed in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from pnt.network import queries, services
from pnt.network.errors import NetworkError
from pnt.network.models import Deliverable
from tests.network.factories import ApplicationFactory, DeliverableFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_practices_are_found_by_theme(coordinator):
    PracticeFactory(title="Compagnons", themes=["buddy", "volunteering"])
    PracticeFactory(title="Gezinsuitstap", themes=["family"])
    found = queries.search_practices(queries.practices(coordinator), theme="buddy")
    assert [p.title for p in found] == ["Compagnons"]


def test_practices_are_found_by_words_in_their_results(coordinator):
    PracticeFactory(title="Praattafel in de bib", results="Veertig deelnemers per maand")
    PracticeFactory(title="Wandelclub")
    found = queries.search_practices(queries.practices(coordinator), text="deelnemers")
    assert [p.title for p in found] == ["Praattafel in de bib"]


def test_another_network_sees_only_shared_practices(coach_kempen):
    PracticeFactory(title="Gedeeld", shared=True)
    PracticeFactory(title="Intern")
    assert [p.title for p in queries.practices(coach_kempen)] == ["Gedeeld"]


def test_the_search_page_answers_htmx_with_the_results_only(client, coordinator):
    PracticeFactory(title="Compagnons", themes=["buddy"])
    client.force_login(coordinator)
    response = client.get(reverse("practice_list"), {"theme": "buddy"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Compagnons" in html
    assert "<html" not in html


def test_an_attachment_is_checked_and_served_to_readers(coordinator, coach_kempen):
    practice = PracticeFactory(shared=True)
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 20
    attachment = services.add_attachment(
        practice=practice, by=coordinator, upload=SimpleUploadedFile("foto.png", png)
    )
    client = Client()
    client.force_login(coach_kempen)
    response = client.get(reverse("practice_attachment", args=[attachment.pk]))
    assert response.status_code == 200
    with pytest.raises(NetworkError):
        services.add_attachment(
            practice=practice, by=coordinator, upload=SimpleUploadedFile("x.svg", b"<svg/>")
        )


def test_a_deliverable_is_reminded_before_it_is_due(coordinator):
    deliverable = DeliverableFactory(title="Jaarrapport AMIF", due_on=dt.date(2026, 5, 31))
    deliverable.application.owner = coordinator
    deliverable.application.save()
    assert services.remind_deliverables(today=dt.date(2026, 5, 1)) == 0
    assert services.remind_deliverables(today=dt.date(2026, 5, 10)) == 1
    assert services.remind_deliverables(today=dt.date(2026, 5, 11)) == 0
    assert "Jaarrapport AMIF" in mail.outbox[0].subject


def test_handing_in_a_deliverable_keeps_the_report(coordinator):
    deliverable = DeliverableFactory()
    report = SimpleUploadedFile("rapport.pdf", b"%PDF-1.7\n%%EOF", "application/pdf")
    services.hand_in_deliverable(deliverable=deliverable, by=coordinator, document=report)
    deliverable.refresh_from_db()
    assert deliverable.status == Deliverable.Status.SUBMITTED
    assert deliverable.document_name == "rapport.pdf"
    assert services.remind_deliverables(today=deliverable.due_on) == 0


def test_a_granted_application_needs_the_amount(coordinator):
    application = ApplicationFactory(status="submitted")
    with pytest.raises(NetworkError, match="amount granted"):
        services.change_application_status(
            application=application, by=coordinator, status="granted"
        )


def test_funding_is_for_core_partners_only(client, aster_staff):
    application = ApplicationFactory()
    client.force_login(aster_staff)
    assert client.get(reverse("application_detail", args=[application.pk])).status_code == 404
