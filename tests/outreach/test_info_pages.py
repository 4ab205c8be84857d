"""Information pages: seeded in five languages, each save a new version, publishing, the
public reading with its Dutch fallback, the plain-text format, and the flyer."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pnt.outreach import services
from pnt.outreach.flyer import flyer_html
from pnt.outreach.infopages import render_body, seed_pages
from pnt.outreach.models import InfoPage, InfoPageVersion
from tests.factories import municipality

pytestmark = pytest.mark.django_db


def test_the_newcomer_pages_exist_in_five_languages():
    page = InfoPage.objects.get(slug="wat-is-het-pnt")
    languages = set(page.versions.filter(is_published=True).values_list("language", flat=True))
    assert languages == {"nl", "en", "fr", "ar", "uk"}


def test_the_provider_pages_include_the_welcome_checklist():
    assert InfoPage.objects.get(slug="onthaalfiguur").audience == "providers"


def test_seeding_again_changes_nothing():
    before = InfoPageVersion.objects.count()
    assert seed_pages() == 0
    assert InfoPageVersion.objects.count() == before


def test_a_save_is_a_new_version_and_not_yet_published(coordinator):
    page = InfoPage.objects.get(slug="wat-telt-mee")
    version = services.save_page_version(
        page=page, language="nl", title="Wat telt?", body="Nieuwe tekst.", by=coordinator
    )
    assert version.number == 2
    assert page.versions.get(language="nl", is_published=True).number == 1


def test_publishing_makes_that_version_the_one_visitors_read(coordinator):
    page = InfoPage.objects.get(slug="wat-telt-mee")
    version = services.save_page_version(
        page=page, language="nl", title="Wat telt er mee?", body="Nieuw.", by=coordinator
    )
    services.publish_version(version=version, by=coordinator)
    html = Client(HTTP_ACCEPT_LANGUAGE="nl").get(reverse("info_page", args=[page.slug]))
    assert "Wat telt er mee?" in html.content.decode()


def test_the_coordinator_edits_on_the_page(coordinator):
    client = Client()
    client.force_login(coordinator)
    url = reverse("info_edit", args=["wat-is-het-pnt", "fr"])
    client.post(url, {"title": "Le PNT", "body": "Texte.", "publish": "on"})
    published = InfoPageVersion.objects.get(page__slug="wat-is-het-pnt", language="fr",
                                            is_published=True)  # fmt: skip
    assert (published.number, published.title) == (2, "Le PNT")


def test_a_coach_may_not_edit(coach):
    client = Client()
    client.force_login(coach)
    assert client.get(reverse("info_edit", args=["wat-is-het-pnt", "nl"])).status_code == 404


def test_a_page_is_read_in_arabic_right_to_left():
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    html = client.get(reverse("info_page", args=["wat-is-het-pnt"])).content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "ما هو مسار المشاركة والشبكة؟" in html


def test_a_provider_page_falls_back_to_dutch():
    client = Client(HTTP_ACCEPT_LANGUAGE="uk")
    html = client.get(reverse("info_page", args=["onthaalfiguur"])).content.decode()
    assert "Checklist voor de onthaalfiguur" in html


def test_the_text_format_is_escaped():
    html = render_body("## Kop\n\n<script>x</script>\n- een\n- twee")
    assert html == (
        "<h2>Kop</h2>\n<p>&lt;script&gt;x&lt;/script&gt;</p>\n<ul><li>een</li><li>twee</li></ul>"
    )


def test_the_flyer_has_a_qr_code_to_the_municipalitys_catalogue():
    url = "https://pnt.example/catalogus/?municipality=12029"
    html = flyer_html(municipality("12029"), url)
    assert "Doe mee in Putte!" in html
    assert 'src="data:image/svg+xml' in html
    assert "شارك في Putte!" in html


def test_the_flyer_is_a_pdf(coordinator):
    client = Client()
    client.force_login(coordinator)
    response = client.get(reverse("municipality_flyer", args=["12029"]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_no_flyer_outside_ones_regions(coordinator):
    client = Client()
    client.force_login(coordinator)
    assert client.get(reverse("municipality_flyer", args=["13040"])).status_code == 404
