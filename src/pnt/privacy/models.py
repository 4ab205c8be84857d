"""Records of data protection: consents given (and withdrawn) and anonymisations done.

Both point at the person by model label and id rather than a foreign key: they must outlive
the personal data they are about (an anonymised volunteer keeps their row, without name).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Consent(models.Model):
    """Consent a person gave to one purpose, with the words they agreed to and when; a
    withdrawal is recorded, never deleted."""

    class Purpose(models.TextChoices):
        BUDDY_VOLUNTEER = "buddy_volunteer", _("volunteering as a buddy")
        PUBLIC_REQUEST = "public_request", _("a request made on a public page")
        CONTACT = "contact", _("being contacted by the network")

    subject_type = models.CharField(_("about"), max_length=64)
    subject_id = models.CharField(max_length=64)
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    statement = models.TextField(_("text agreed to"))
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    source = models.CharField(_("given through"), max_length=64, default="web")
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_note = models.CharField(_("how it was withdrawn"), max_length=200, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["subject_type", "subject_id"])]
        constraints = [
            models.CheckConstraint(
                name="consent_withdrawn_after_given",
                condition=models.Q(withdrawn_at__isnull=True)
                | models.Q(withdrawn_at__gte=models.F("given_at")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_type}#{self.subject_id} {self.purpose}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class Anonymisation(models.Model):
    """That one person's record was anonymised, when, why and by whom. At most once."""

    class Reason(models.TextChoices):
        REQUEST = "request", _("at the person's request")
        RETENTION = "retention", _("retention period over")

    subject_type = models.CharField(max_length=64)
    subject_id = models.CharField(max_length=64)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    done_at = models.DateTimeField(_("done at"), default=timezone.now)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-done_at"]
        verbose_name = _("anonymisation")
        verbose_name_plural = _("anonymisations")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id"], name="anonymisation_once_per_subject"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_type}#{self.subject_id} ({self.reason})"
