"""The public catalogue's "describe what you like" box, and the reason phrase shown."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pnt.ownwords import services
from pnt.trajectories.models import Intake
from tests.factories import TEST_PASSWORD, ActivityFactory, NewcomerFactory
from tests.semantic.conftest import requires_model

pytestmark = pytest.mark.django_db

SEWING = "Naaicafé in het buurthuis"
FOOTBALL = "Zaalvoetbal op dinsdag"


@pytest.fixture
def offer(db):
    activities = [
        ActivityFactory(
            title=SEWING,
            themes=["sewing"],
            description="Het buurthuis is open op woensdag. Ervaren kleermakers helpen "
            "beginners met de naaimachine.",
        ),
        ActivityFactory(
            title=FOOTBALL,
            themes=["football"],
            description="Elke dinsdag spelen we zaalvoetbal in de sporthal. Daarna drinken we "
            "samen iets.",
        ),
    ]
    services.refresh_activity_embeddings(activity_ids=[a.pk for a in activities])
    return activities


def test_the_public_catalogue_has_the_box(client):
    page = client.get(reverse("public_catalogue"))
    assert 'name="words"' in page.content.decode()
    assert 'hx-get="{}"'.format(reverse("public_own_words")) in page.content.decode()


@requires_model
def test_words_in_another_language_rank_the_fitting_activity_first(client, offer):
    url = reverse("public_own_words")
    response = client.get(url, {"words": "Я кравчиня, шию одяг"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html  # the fragment only
    assert html.index(SEWING) < html.index(FOOTBALL)


@requires_model
def test_the_matching_phrase_is_shown_as_the_reason(client, offer):
    response = client.get(
        reverse("public_own_words"), {"words": "I was a tailor, I sew on a machine"}
    )
    assert "Ervaren kleermakers helpen beginners met de naaimachine." in response.content.decode()


def test_without_the_extra_the_box_matches_the_interests_named(without_extra, client, offer):
    response = client.get(reverse("public_own_words"), {"words": "Ik speel graag voetbal"})
    html = response.content.decode()
    assert FOOTBALL in html
    assert SEWING not in html


@requires_model
def test_the_coach_sees_the_phrase_close_to_the_newcomers_words(client, coach, offer):
    newcomer = NewcomerFactory(interests=[], dutch_level=2)
    Intake.objects.create(newcomer=newcomer, own_words="أحب كرة القدم مع الأصدقاء", max_km=20)
    services.refresh_words_embedding(newcomer_id=newcomer.pk)
    client.login(username=coach.username, password=TEST_PASSWORD)
    html = client.get(reverse("newcomer_own_words", args=[newcomer.pk])).content.decode()
    assert html.index(FOOTBALL) < html.index(SEWING)
    assert "Elke dinsdag spelen we zaalvoetbal in de sporthal." in html
