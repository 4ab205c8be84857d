"""Background work of own-words matching (django-tasks): embedding takes tens of
milliseconds a text, so it never runs inside a page request that saves an activity."""

from __future__ import annotations

from django_tasks import task


@task()
def embed_activities(activity_ids: list[int]) -> int:
    """Embed these activities if their text changed (idempotent: unchanged ones are kept)."""
    from pnt.ownwords import services

    return services.refresh_activity_embeddings(activity_ids=activity_ids)


@task()
def embed_own_words(newcomer_id: int) -> bool:
    """Embed a newcomer's own words and store the interest tags they suggest."""
    from pnt.ownwords import services

    return services.refresh_words_embedding(newcomer_id=newcomer_id) is not None


@task()
def embed_stale_activities() -> int:
    """Catch up with changes that sent no signal (bulk imports, demo data): periodic."""
    from pnt.ownwords import services

    return services.refresh_stale_activities()
