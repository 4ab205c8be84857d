"""Funding: subsidy programmes, the network's applications and their deliverables."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.network.models.partners import private_path


def deliverable_path(instance, filename: str) -> str:
    return private_path("deliverables", filename)


def deliverable_report_path(instance, filename: str) -> str:
    return private_path("deliverable-reports", filename)


class FundingProgramme(models.Model):
    """A subsidy programme (Flanders' regional programme, AMIF, a province, a foundation)."""

    class Funder(models.TextChoices):
        FLANDERS = "flanders", _("Flanders")
        EUROPE = "europe", _("Europe (AMIF, ESF)")
        PROVINCE = "province", _("province")
        FEDERAL = "federal", _("federal government")
        FOUNDATION = "foundation", _("foundation")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    funder = models.CharField(_("funder"), max_length=12, choices=Funder.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")

    def __str__(self) -> str:
        return self.name


class FundingApplication(models.Model):
    """The network's application to a programme: amount, period, status, deliverables."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("being prepared")
        SUBMITTED = "submitted", _("submitted")
        GRANTED = "granted", _("granted")
        REJECTED = "rejected", _("rejected")
        CLOSED = "closed", _("closed")

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("regional network"),
        on_delete=models.CASCADE,
        related_name="network_applications",
    )
    programme = models.ForeignKey(
        FundingProgramme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    title = models.CharField(_("title"), max_length=200)
    amount_requested = models.DecimalField(
        _("amount requested (€)"), max_digits=12, decimal_places=2
    )
    amount_granted = models.DecimalField(
        _("amount granted (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period until"))
    submit_by = models.DateField(_("submit by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREPARING
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")
        constraints = [
            models.CheckConstraint(
                name="application_period_ordered",
                condition=models.Q(ends_on__gte=models.F("starts_on")),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Deliverable(models.Model):
    """Something owed to the funder by a date: a report, a financial statement…"""

    class Status(models.TextChoices):
        OPEN = "open", _("to do")
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")

    TRANSITIONS = {"open": {"submitted"}, "submitted": {"accepted", "open"}, "accepted": set()}

    application = models.ForeignKey(
        FundingApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="deliverables",
    )
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due on"))
    remind_days = models.PositiveSmallIntegerField(_("remind this many days before"), default=21)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    # A report (from reporting, or uploaded) attached when it is handed in.
    document = models.FileField(_("document"), upload_to=deliverable_path, blank=True)
    document_name = models.CharField(_("file name"), max_length=200, blank=True)
    document_type = models.CharField(max_length=100, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")

    def __str__(self) -> str:
        return self.title

    @property
    def remind_on(self) -> dt.date:
        return self.due_on - dt.timedelta(days=self.remind_days)


class DeliverableReport(models.Model):
    """A report of pnt.reporting made for a deliverable: a quarterly report of the
    application's region, or the council decision draft of one of its municipalities.

    Made once and kept as it was made (the figures behind it move on). Always suppressed, as
    every file of pnt.reporting is: it is meant to be sent to the funder."""

    class Kind(models.TextChoices):
        REPORT_PDF = "report_pdf", _("quarterly report (PDF)")
        REPORT_XLSX = "report_xlsx", _("quarterly report (XLSX)")
        COUNCIL_DOCX = "council_docx", _("council decision draft of a municipality (DOCX)")

    deliverable = models.ForeignKey(
        Deliverable,
        verbose_name=_("deliverable"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    kind = models.CharField(_("kind of report"), max_length=16, choices=Kind.choices)
    quarter = models.CharField(_("quarter"), max_length=7)  # "2025-Q1"
    # What the report is about, as it was named when it was made.
    scope_label = models.CharField(_("about"), max_length=200)
    # The council decision draft is about one municipality; the quarterly reports are not.
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    file = models.FileField(_("file"), upload_to=deliverable_report_path)
    file_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    made_at = models.DateTimeField(_("made"), default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-made_at", "-pk"]
        verbose_name = _("report of a deliverable")
        verbose_name_plural = _("reports of deliverables")
        constraints = [
            models.CheckConstraint(
                name="deliverable_report_municipality_iff_council",
                condition=(
                    models.Q(kind="council_docx", municipality__isnull=False)
                    | (~models.Q(kind="council_docx") & models.Q(municipality__isnull=True))
                ),
            ),
            models.CheckConstraint(
                name="deliverable_report_known_kind",
                condition=models.Q(kind__in=["report_pdf", "report_xlsx", "council_docx"]),
            ),
        ]

    def __str__(self) -> str:
        return self.file_name
