"""Uploaded files are checked: the content must be of an accepted kind (not just the
name), and the size is bounded; a refused file writes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pnt.accounts.models import Role
from pnt.privacy import uploads
from pnt.trajectories.models import ParticipationProof
from tests.factories import ActivityFactory, NewcomerFactory, user_with_role

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


@pytest.mark.parametrize(
    ("name", "content"),
    [("paper.pdf", PDF), ("paper.png", PNG), ("paper.JPG", b"\xff\xd8\xff\xe0rest")],
)
def test_signed_papers_of_accepted_kinds_pass(name, content):
    uploads.signed_paper(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("paper.pdf", b"<html><script>alert(1)</script></html>"),  # name lies
        ("paper.exe", PDF),  # content fine, name not accepted
        ("paper.svg", b"<svg onload='alert(1)'/>"),
        ("paper", PDF),
    ],
    ids=["html named pdf", "exe", "svg", "no extension"],
)
def test_other_files_are_refused(name, content):
    with pytest.raises(ValidationError, match="not accepted"):
        uploads.signed_paper(SimpleUploadedFile(name, content))


def test_files_over_the_limit_are_refused(settings):
    settings.PNT_UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("paper.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError, match="too large"):
        uploads.signed_paper(big)


def test_import_files_must_be_text():
    uploads.import_file(SimpleUploadedFile("offer.csv", b"titel;gemeente\nPraattafel;12025\n"))
    uploads.import_file(SimpleUploadedFile("offer.jsonld", b'{"@graph": []}'))
    with pytest.raises(ValidationError):
        uploads.import_file(SimpleUploadedFile("offer.csv", b"PK\x03\x04\x00\x00binary"))
    with pytest.raises(ValidationError):
        uploads.import_file(SimpleUploadedFile("offer.csv", b"\xff\xfe\xfa not utf-8 at all " * 5))


def test_the_check_leaves_the_file_readable_from_the_start():
    upload = SimpleUploadedFile("paper.pdf", PDF)
    uploads.signed_paper(upload)
    assert upload.read() == PDF


@pytest.mark.django_db
def test_a_refused_paper_is_not_stored(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    activity = ActivityFactory()
    staff = user_with_role(Role.PROVIDER_STAFF, provider=activity.provider)
    from tests.factories import EnrolmentFactory

    newcomer = NewcomerFactory()
    EnrolmentFactory(newcomer=newcomer, activity=activity)
    proof = ParticipationProof.objects.create(newcomer=newcomer, activity=activity, hours=2)
    client.force_login(staff)
    response = client.post(
        reverse("proof_detail", args=[proof.pk]),
        {"name": "An Peeters", "paper": SimpleUploadedFile("scan.pdf", b"<html></html>")},
    )
    assert response.status_code == 200
    assert "paper" in response.context["form"].errors
    proof.refresh_from_db()
    assert proof.confirmed_at is None and not proof.signed_paper
    assert not any(tmp_path.rglob("*"))
