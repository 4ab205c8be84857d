"""Keeps stored embeddings in step with the texts they were made from.

An activity saved while published (published now, or its title or description changed)
and an intake saved with own words enqueue a background task once the transaction commits;
the task itself skips texts that did not change. Nothing is enqueued without the optional
extra, so the offer and the intake work the same without it. Connected in
:meth:`pnt.ownwords.apps.OwnWordsConfig.ready`: :mod:`pnt.offer` and
:mod:`pnt.trajectories` do not know about this module.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save

from pnt.matching import embedding
from pnt.offer.models import Activity
from pnt.trajectories.models import Intake

DISPATCH = "pnt.ownwords"


def activity_saved(sender, instance: Activity, raw: bool = False, **kwargs) -> None:
    if raw or instance.status not in (Activity.Status.PUBLISHED, Activity.Status.FULL):
        return
    fields = kwargs.get("update_fields")
    # A save of other fields only (places, validation) cannot change the text; a status
    # change can (a draft edited and then published).
    if fields is not None and not set(fields) & {"title", "description", "status"}:
        return
    if not embedding.available():
        return
    from pnt.ownwords.tasks import embed_activities

    pk = instance.pk
    transaction.on_commit(lambda: embed_activities.enqueue([pk]))


def intake_saved(sender, instance: Intake, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    fields = kwargs.get("update_fields")
    if fields is not None and "own_words" not in fields:
        return
    from pnt.ownwords.models import WordsEmbedding
    from pnt.ownwords.tasks import embed_own_words

    newcomer_id = instance.newcomer_id
    if not instance.own_words.strip():
        # Emptied words: drop the derived vector now (no extra needed to forget).
        WordsEmbedding.objects.filter(newcomer_id=newcomer_id).delete()
        return
    if not embedding.available():
        return
    transaction.on_commit(lambda: embed_own_words.enqueue(newcomer_id))


def connect() -> None:
    post_save.connect(activity_saved, sender=Activity, dispatch_uid=f"{DISPATCH}.activity")
    post_save.connect(intake_saved, sender=Intake, dispatch_uid=f"{DISPATCH}.intake")
