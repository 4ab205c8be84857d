"""Every write of own-words matching: embed activity texts and newcomers' words, confirm tags.

The embeddings are derived data: each function makes them again only when the text or the
model changed (a fingerprint and the model name are stored), and does nothing at all
without the optional extra ``pnt[semantic]`` (see :mod:`pnt.matching.embedding`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.matching import embedding
from pnt.offer.models import Activity
from pnt.offer.vocabulary import Theme
from pnt.ownwords import queries
from pnt.ownwords.models import ActivityEmbedding, WordsEmbedding, to_bytes
from pnt.trajectories.models import Intake, Newcomer

# Activities newcomers can see; a draft is embedded when it is published.
EMBEDDED_STATES = (Activity.Status.PUBLISHED, Activity.Status.FULL)


class OwnWordsError(Exception):
    """A rule of own-words matching was broken; the message is fit to show."""


def activity_fingerprint(activity: Activity) -> str:
    return embedding.text_hash(f"{activity.title}\n{activity.description}")


def refresh_activity_embeddings(*, activity_ids: Iterable[int]) -> int:
    """(Re)embed the published activities among ``activity_ids`` whose title or description
    changed since they were embedded (or that were embedded by another model), in one batch.

    Returns how many were embedded; 0 without the extra. Activities without a description
    lose their embedding.
    """
    if not embedding.available():
        return 0
    model = embedding.model_name()
    activities = list(
        Activity.objects.filter(pk__in=list(activity_ids), status__in=EMBEDDED_STATES)
        .select_related("embedding")
        .only("pk", "title", "description", "embedding")
    )
    ActivityEmbedding.objects.filter(
        activity__in=[a for a in activities if not a.description.strip()]
    ).delete()
    stale = [a for a in activities if a.description.strip() and _stale(a, model)]
    if not stale:
        return 0
    passages = embedding.embed_passages(
        [a.description for a in stale], headings=[a.title for a in stale]
    )
    with transaction.atomic():
        for activity, passage in zip(stale, passages, strict=True):
            ActivityEmbedding.objects.update_or_create(
                activity=activity,
                defaults={
                    "model": model,
                    "text_hash": activity_fingerprint(activity),
                    "sentences": passage.sentences,
                    "vectors": to_bytes(passage.vectors),
                },
            )
    return len(stale)


def _stale(activity: Activity, model: str) -> bool:
    stored = getattr(activity, "embedding", None)
    return (
        stored is None
        or stored.model != model
        or stored.text_hash != activity_fingerprint(activity)
    )


def refresh_stale_activities(*, batch: int = 200) -> int:
    """Embed every published activity that is missing or out of date (``pnt own_words``)."""
    if not embedding.available():
        return 0
    ids = list(
        Activity.objects.filter(status__in=EMBEDDED_STATES)
        .exclude(description="")
        .values_list("pk", flat=True)
    )
    return sum(
        refresh_activity_embeddings(activity_ids=ids[i : i + batch])
        for i in range(0, len(ids), batch)
    )


def refresh_words_embedding(*, newcomer_id: int) -> WordsEmbedding | None:
    """Embed the newcomer's own words from the intake and store the interest tags they
    suggest; drops the stored vector when the words were emptied. ``None`` when there are
    no words or no extra."""
    words = (
        Intake.objects.filter(newcomer_id=newcomer_id).values_list("own_words", flat=True).first()
    )
    if not (words or "").strip():
        WordsEmbedding.objects.filter(newcomer_id=newcomer_id).delete()
        return None
    if not embedding.available():
        return None
    model, fingerprint = embedding.model_name(), embedding.text_hash(words)
    stored = WordsEmbedding.objects.filter(newcomer_id=newcomer_id).first()
    if stored is not None and stored.model == model and stored.text_hash == fingerprint:
        return stored
    vector = embedding.embed([words], query=True)[0]
    tags = queries.suggest_tags_for_vector(vector)
    stored, _created = WordsEmbedding.objects.update_or_create(
        newcomer_id=newcomer_id,
        defaults={
            "model": model,
            "text_hash": fingerprint,
            "vector": to_bytes(vector),
            "suggested_tags": tags,
        },
    )
    return stored


@transaction.atomic
def confirm_interests(*, newcomer: Newcomer, by, tags: Iterable[str]) -> Newcomer:
    """The coach confirms suggested interests: they join the newcomer's structured profile.

    Raises :class:`OwnWordsError` for a tag outside the controlled vocabulary.
    """
    tags = list(dict.fromkeys(tags))
    unknown = [t for t in tags if t not in Theme.values]
    if unknown:
        raise OwnWordsError(_("Unknown interest: %(tags)s") % {"tags": ", ".join(unknown)})
    newcomer = Newcomer.objects.select_for_update().get(pk=newcomer.pk)
    added = [t for t in tags if t not in newcomer.interests]
    if added:
        newcomer.interests = [*newcomer.interests, *added]
        newcomer.save(update_fields=["interests"])
        record_access(user=by, action="change", obj=newcomer, detail="interests from own words")
    return newcomer
