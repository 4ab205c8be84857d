"""Partners of a regional network, their contact persons and cooperation agreements."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def private_path(folder: str, filename: str) -> str:
    """A random file name under ``network/<folder>/``: the original name is kept in the
    row, never in the path, and files are only ever served through a scoped view."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"network/{folder}/{uuid.uuid4().hex}{suffix}"


def agreement_path(instance, filename: str) -> str:
    return private_path("agreements", filename)


class Partner(models.Model):
    """An organisation in the network: a core partner (the local governments, the agency)
    or a wider partner (providers, welfare, sport, culture, education, companies…)."""

    class Tier(models.TextChoices):
        CORE = "core", _("core partner")
        WIDER = "wider", _("wider partner")

    class Sector(models.TextChoices):
        LOCAL_GOVERNMENT = "local_government", _("local government")
        INTEGRATION_AGENCY = "integration_agency", _("integration agency")
        PROVIDER = "provider", _("provider of activities")
        WELFARE = "welfare", _("welfare")
        SPORT = "sport", _("sport")
        CULTURE = "culture", _("culture")
        EDUCATION = "education", _("education")
        CHILDCARE = "childcare", _("childcare")
        COMPANY = "company", _("company")
        VOLUNTEERING = "volunteering", _("volunteer organisation")
        OTHER = "other", _("other")

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("regional network"),
        on_delete=models.CASCADE,
        related_name="network_partners",
    )
    name = models.CharField(_("name"), max_length=200)
    tier = models.CharField(_("place in the network"), max_length=8, choices=Tier.choices)
    sector = models.CharField(_("sector"), max_length=24, choices=Sector.choices)
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("local government"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only for a local government: which municipality it is."),
    )
    provider = models.ForeignKey(
        "offer.Provider",
        verbose_name=_("organisation in the offer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_partners",
        help_text=_("Its staff then see what this partner takes part in."),
    )
    role = models.TextField(_("role in the network"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["tier", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="partner_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class PartnerContact(models.Model):
    """A contact person of a partner; with a pnt account, they see what the partner takes
    part in (a core partner's contact sees the whole network space of the region)."""

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=120)
    function = models.CharField(_("function"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pnt account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_contacts",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return f"{self.name} ({self.partner})"


class Agreement(models.Model):
    """A cooperation agreement between partners, with its document and renewal date."""

    class Kind(models.TextChoices):
        COOPERATION = "cooperation", _("cooperation agreement")
        COVENANT = "covenant", _("covenant")
        SUBSIDY = "subsidy", _("subsidy agreement")
        DATA_PROCESSING = "data_processing", _("data processing agreement")
        SERVICE = "service", _("service agreement")
        OTHER = "other", _("other agreement")

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("regional network"),
        on_delete=models.CASCADE,
        related_name="network_agreements",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    parties = models.ManyToManyField(Partner, verbose_name=_("parties"), related_name="agreements")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    notice_days = models.PositiveSmallIntegerField(
        _("remind this many days before the end"), default=90
    )
    document = models.FileField(_("document"), upload_to=agreement_path, blank=True)
    document_name = models.CharField(_("file name"), max_length=200, blank=True)
    document_type = models.CharField(max_length=100, blank=True)
    # The end date for which the renewal reminder went out: a new end date (a renewal)
    # makes the agreement due for a reminder again.
    reminded_for = models.DateField(null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["ends_on", "title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                name="agreement_dates_ordered",
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def renewal_due_on(self) -> dt.date | None:
        """The day the renewal reminder is due (``notice_days`` before the end)."""
        if self.ends_on is None:
            return None
        return self.ends_on - dt.timedelta(days=self.notice_days)

    def state(self, today: dt.date | None = None) -> str:
        """'upcoming', 'active', 'expiring' (within the notice period) or 'expired'."""
        today = today or timezone.localdate()
        if self.starts_on > today:
            return "upcoming"
        if self.ends_on is None:
            return "active"
        if self.ends_on < today:
            return "expired"
        return "expiring" if today >= self.renewal_due_on else "active"
