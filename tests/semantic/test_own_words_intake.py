"""The newcomer's own words at intake: embedded, suggesting interests the coach confirms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.accounts.models import AuditEntry
from pnt.ownwords.models import WordsEmbedding
from pnt.trajectories.models import Intake
from tests.factories import TEST_PASSWORD, NewcomerFactory
from tests.semantic.conftest import requires_model

pytestmark = pytest.mark.django_db


def _words(newcomer, text: str, capture) -> None:
    with capture(execute=True):
        intake, _created = Intake.objects.get_or_create(newcomer=newcomer)
        intake.own_words = text
        intake.save()


@requires_model
def test_own_words_at_intake_are_embedded_with_suggested_interests(
    django_capture_on_commit_callbacks,
):
    newcomer = NewcomerFactory(interests=[])
    _words(newcomer, "كنت خياطًا وأحب كرة القدم", django_capture_on_commit_callbacks)
    stored = WordsEmbedding.objects.get(newcomer=newcomer)
    assert {"sewing", "football"} & set(stored.suggested_tags)


@requires_model
def test_emptied_words_drop_the_stored_vector(django_capture_on_commit_callbacks):
    newcomer = NewcomerFactory()
    _words(newcomer, "I love football", django_capture_on_commit_callbacks)
    _words(newcomer, "", django_capture_on_commit_callbacks)
    assert not WordsEmbedding.objects.filter(newcomer=newcomer).exists()


def test_without_the_extra_the_words_suggest_interests_by_keyword(
    without_extra, client, coach, django_capture_on_commit_callbacks
):
    newcomer = NewcomerFactory(interests=[])
    _words(newcomer, "Ik speel graag voetbal", django_capture_on_commit_callbacks)
    assert not WordsEmbedding.objects.exists()
    client.login(username=coach.username, password=TEST_PASSWORD)
    page = client.get(reverse("newcomer_own_words", args=[newcomer.pk]))
    assert page.status_code == 200
    assert 'value="football"' in page.content.decode()


def test_the_coach_confirms_suggested_interests_into_the_profile(client, coach):
    newcomer = NewcomerFactory(interests=["cooking"])
    client.login(username=coach.username, password=TEST_PASSWORD)
    url = reverse("newcomer_own_words_confirm", args=[newcomer.pk])
    response = client.post(url, {"tags": ["sewing", "cooking"]})
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.interests == ["cooking", "sewing"]
    assert AuditEntry.objects.filter(
        object_id=str(newcomer.pk), detail="interests from own words"
    ).exists()


def test_a_tag_outside_the_vocabulary_is_refused(client, coach):
    newcomer = NewcomerFactory(interests=[])
    client.login(username=coach.username, password=TEST_PASSWORD)
    url = reverse("newcomer_own_words_confirm", args=[newcomer.pk])
    client.post(url, {"tags": ["astrology"]})
    newcomer.refresh_from_db()
    assert newcomer.interests == []


def test_the_intake_form_saves_the_own_words(client, coach):
    newcomer = NewcomerFactory()
    client.login(username=coach.username, password=TEST_PASSWORD)
    url = reverse("intake_edit", args=[newcomer.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        municipality=newcomer.municipality.pk,
        own_words="Я люблю співати",
        mobility="bike",
        max_km=10,
        counsellor="",
        coach="",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert Intake.objects.get(newcomer=newcomer).own_words == "Я люблю співати"
