"""Users, their memberships (a role in a scope), API tokens and the audit log."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in: staff of a network, a municipality, a provider or the agency."""

    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="nl"
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("network coordinator")
    COACH = "coach", _("network coach")
    MUNICIPAL_OFFICER = "municipal_officer", _("municipal officer")
    PROVIDER_STAFF = "provider_staff", _("provider staff")
    COUNSELLOR = "counsellor", _("trajectory counsellor")
    ADMIN = "admin", _("administrator")


# Which scope object each role needs; the database enforces the same rule.
ROLE_SCOPE = {
    Role.COORDINATOR: "region",
    Role.COACH: "region",
    Role.MUNICIPAL_OFFICER: "municipality",
    Role.PROVIDER_STAFF: "provider",
    Role.COUNSELLOR: None,
    Role.ADMIN: None,
}


class Membership(models.Model):
    """A user's role in one scope: a region, a municipality or a provider organisation.

    A counsellor's scope is the newcomers assigned to them, an admin's everything; neither
    needs a scope object.
    """

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    region = models.ForeignKey(
        "geo.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.CASCADE
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    # The one reference from accounts up to a domain app: the organisation is the scope of
    # provider staff. Kept as a lazy reference so accounts imports nothing from offer.
    provider = models.ForeignKey(
        "offer.Provider",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    models.Q(
                        role__in=["coordinator", "coach"],
                        region__isnull=False,
                        municipality__isnull=True,
                        provider__isnull=True,
                    )
                    | models.Q(
                        role="municipal_officer",
                        region__isnull=True,
                        municipality__isnull=False,
                        provider__isnull=True,
                    )
                    | models.Q(
                        role="provider_staff",
                        region__isnull=True,
                        municipality__isnull=True,
                        provider__isnull=False,
                    )
                    | models.Q(
                        role__in=["counsellor", "admin"],
                        region__isnull=True,
                        municipality__isnull=True,
                        provider__isnull=True,
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        target = self.region or self.municipality or self.provider
        label = self.get_role_display()
        return f"{self.user} — {label}" + (f" ({target})" if target else "")


class ApiToken(models.Model):
    """A bearer token for integrations; it acts with its user's scope and can be revoked.

    Only a hash is stored: the token itself is shown once, when it is created.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    read_only = models.BooleanField(_("read only"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def generate() -> str:
        return "pnt_" + secrets.token_urlsafe(32)


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs):
        raise ValueError("Audit entries are append-only.")


class AuditEntry(models.Model):
    """Append-only record of who viewed, exported or changed which personal record."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CHANGE = "change", _("changed")
        CREATE = "create", _("created")
        EXPORT = "export", _("exported")
        DELETE = "delete", _("deleted")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=16, choices=Action.choices)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    via = models.CharField(max_length=16, default="web")  # web, api, cli, task
    detail = models.CharField(max_length=255, blank=True)
    # Where the person the record is about lived at the time: scopes the log for a region's
    # coordinator (pnt.privacy.audit_log). Empty for records without a place.
    municipality = models.ForeignKey(
        "geo.Municipality", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        when = f"{self.at:%Y-%m-%d %H:%M}"
        return f"{when} {self.user} {self.action} {self.object_type}#{self.object_id}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)
