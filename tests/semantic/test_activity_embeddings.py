"""Activity descriptions are embedded when published or changed, and kept in step."""

from __future__ import annotations

import pytest

from pnt.matching import embedding
from pnt.offer import services as offer_services
from pnt.offer.models import Activity
from pnt.ownwords import services
from pnt.ownwords.models import ActivityEmbedding
from tests.factories import ActivityFactory
from tests.semantic.conftest import requires_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(coordinator):
    return coordinator


@requires_model
def test_publishing_an_activity_embeds_its_description(manager, django_capture_on_commit_callbacks):
    activity = ActivityFactory(
        status=Activity.Status.DRAFT, description="Samen koken. Daarna eten."
    )
    with django_capture_on_commit_callbacks(execute=True):
        offer_services.publish_activity(user=manager, activity=activity)
    stored = ActivityEmbedding.objects.get(activity=activity)
    assert stored.sentences == ["Samen koken.", "Daarna eten."]
    assert stored.passage().vectors.shape == (3, embedding.DIM)


@requires_model
def test_a_draft_is_not_embedded(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        activity = ActivityFactory(status=Activity.Status.DRAFT)
    assert not ActivityEmbedding.objects.filter(activity=activity).exists()


@requires_model
def test_changing_the_description_refreshes_the_embedding(
    manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        activity = ActivityFactory(description="Samen koken in het buurthuis.")
    before = ActivityEmbedding.objects.get(activity=activity)
    with django_capture_on_commit_callbacks(execute=True):
        offer_services.update_activity(
            user=manager,
            activity=activity,
            data={"description": "Wij spelen voetbal. Iedereen is welkom."},
        )
    after = ActivityEmbedding.objects.get(activity=activity)
    assert after.sentences == ["Wij spelen voetbal.", "Iedereen is welkom."]
    assert after.text_hash != before.text_hash
    assert bytes(after.vectors) != bytes(before.vectors)


@requires_model
def test_an_unchanged_text_is_not_embedded_again(monkeypatch):
    activity = ActivityFactory(description="Samen wandelen langs de rivier.")
    assert services.refresh_activity_embeddings(activity_ids=[activity.pk]) == 1

    def fail(*args, **kwargs):
        raise AssertionError("embedded again")

    monkeypatch.setattr(embedding, "embed", fail)
    assert services.refresh_activity_embeddings(activity_ids=[activity.pk]) == 0


@requires_model
def test_the_catch_up_embeds_activities_changed_without_a_signal():
    activity = ActivityFactory(description="Samen zingen in het koor.")
    Activity.objects.filter(pk=activity.pk).update(description="Samen dansen op maandag.")
    assert services.refresh_stale_activities() == 1
    assert ActivityEmbedding.objects.get(activity=activity).sentences == [
        "Samen dansen op maandag."
    ]


def test_without_the_extra_publishing_works_and_embeds_nothing(
    without_extra, manager, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(status=Activity.Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        offer_services.publish_activity(user=manager, activity=activity)
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED
    assert callbacks == []
    assert not ActivityEmbedding.objects.exists()
