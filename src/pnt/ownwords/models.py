"""Stored embeddings: each activity's Dutch text and each newcomer's own words, as vectors.

A row remembers the model that made it and a hash of the text it was made from, so it is
made again only when the text (or the model) changes (see :mod:`pnt.ownwords.services`).
Vectors are L2-normalised ``float32`` rows stored as bytes; 384 numbers each.
"""

from __future__ import annotations

import numpy as np
from django.db import models
from django.utils.translation import gettext_lazy as _

from pnt.matching import embedding


def to_bytes(vectors: np.ndarray) -> bytes:
    return np.ascontiguousarray(vectors, dtype=np.float32).tobytes()


def from_bytes(data: bytes | memoryview, rows: int) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float32).reshape(rows, -1)


class ActivityEmbedding(models.Model):
    """An activity's title and description as vectors: the whole text, then each sentence."""

    activity = models.OneToOneField(
        "offer.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="embedding",
    )
    model = models.CharField(_("model"), max_length=100)
    text_hash = models.CharField(_("text fingerprint"), max_length=32)
    sentences = models.JSONField(_("sentences"), default=list)
    vectors = models.BinaryField(_("vectors"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("activity embedding")
        verbose_name_plural = _("activity embeddings")

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.model}"

    def passage(self) -> embedding.Passage:
        rows = 1 + len(self.sentences)
        return embedding.Passage(
            sentences=list(self.sentences), vectors=from_bytes(self.vectors, rows)
        )


class WordsEmbedding(models.Model):
    """A newcomer's own words (from the intake) as a vector, and the tags they suggest.

    Derived personal data: it goes with the newcomer (cascade) and is dropped when the
    words are emptied.
    """

    newcomer = models.OneToOneField(
        "trajectories.Newcomer",
        verbose_name=_("newcomer"),
        on_delete=models.CASCADE,
        related_name="words_embedding",
    )
    model = models.CharField(_("model"), max_length=100)
    text_hash = models.CharField(_("text fingerprint"), max_length=32)
    vector = models.BinaryField(_("vector"))
    suggested_tags = models.JSONField(_("suggested interests"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("own words embedding")
        verbose_name_plural = _("own words embeddings")

    def __str__(self) -> str:
        return f"{self.newcomer_id}: {self.model}"

    @property
    def query(self) -> np.ndarray:
        return from_bytes(self.vector, 1)[0]
