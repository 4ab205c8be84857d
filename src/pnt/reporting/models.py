"""Feedback: the short questionnaires newcomers (at the end of their trajectory or buddy pair)
and providers answer through a secret link, without an account."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class Feedback(models.Model):
    """One invitation to a questionnaire and, once answered, its answers.

    Only a hash of the link's key is kept; the link is shown or mailed once. Reports use
    the answers only as aggregates.
    """

    class Kind(models.TextChoices):
        TRAJECTORY = "trajectory", _("newcomer, end of the trajectory")
        PAIR = "pair", _("newcomer, end of the buddy pair")
        PROVIDER = "provider", _("provider")

    class Answer(models.TextChoices):
        YES = "yes", _("yes")
        SOMEWHAT = "somewhat", _("a little")
        NO = "no", _("no")

    NEWCOMER_KINDS = (Kind.TRAJECTORY, Kind.PAIR)

    kind = models.CharField(_("questionnaire"), max_length=12, choices=Kind.choices)
    newcomer = models.ForeignKey(
        "trajectories.Newcomer",
        verbose_name=_("newcomer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    pair = models.ForeignKey(
        "buddies.Pair",
        verbose_name=_("pair"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    provider = models.ForeignKey(
        "offer.Provider",
        verbose_name=_("provider"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Where the newcomer lived (or the provider sat) when invited: reports count by it.
    municipality = models.ForeignKey(
        "geo.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    language = models.CharField(_("language"), max_length=8, default="nl")
    key_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("invited at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    sent_at = models.DateTimeField(_("mailed at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, db_index=True)
    # The newcomer's questions.
    helpful = models.CharField(
        _("helped to find one's way here"), max_length=8, choices=Answer.choices, blank=True
    )
    enjoyed = models.CharField(_("liked it"), max_length=8, choices=Answer.choices, blank=True)
    met_people = models.CharField(
        _("met new people"), max_length=8, choices=Answer.choices, blank=True
    )
    continues = models.CharField(
        _("will keep going to an activity or club"),
        max_length=8,
        choices=Answer.choices,
        blank=True,
    )
    # The provider's questions.
    went_well = models.CharField(
        _("the newcomers took part well"), max_length=8, choices=Answer.choices, blank=True
    )
    welcome_again = models.CharField(
        _("will welcome newcomers again"), max_length=8, choices=Answer.choices, blank=True
    )
    needs_support = models.CharField(
        _("would like support from the network"), max_length=8, choices=Answer.choices,
        blank=True,
    )  # fmt: skip
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback questionnaire")
        verbose_name_plural = _("feedback questionnaires")
        indexes = [models.Index(fields=["kind", "answered_at"])]
        constraints = [
            models.CheckConstraint(
                name="feedback_subject_matches_kind",
                condition=(
                    models.Q(kind="trajectory", newcomer__isnull=False, provider__isnull=True)
                    | models.Q(
                        kind="pair",
                        newcomer__isnull=False,
                        pair__isnull=False,
                        provider__isnull=True,
                    )
                    | models.Q(kind="provider", provider__isnull=False, newcomer__isnull=True)
                ),
            ),
            models.UniqueConstraint(
                fields=["newcomer"],
                condition=models.Q(kind="trajectory"),
                name="feedback_once_per_trajectory",
            ),
            models.UniqueConstraint(
                fields=["pair"], condition=models.Q(kind="pair"), name="feedback_once_per_pair"
            ),
        ]

    def __str__(self) -> str:
        subject = self.provider or self.newcomer
        return f"{self.get_kind_display()} — {subject}"

    @property
    def is_for_newcomer(self) -> bool:
        return self.kind in self.NEWCOMER_KINDS

    def new_key(self) -> str:
        """A new secret link key (an older link stops working); returns the raw key."""
        raw = secrets.token_urlsafe(24)
        self.key_hash = _hash(raw)
        return raw

    @classmethod
    def by_key(cls, raw: str) -> Feedback | None:
        return cls.objects.filter(key_hash=_hash(raw)).first() if raw else None
