"""The library of good practices, from the region and beyond."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.network.models.partners import private_path


class PracticeTheme(models.TextChoices):
    """What a practice is about, in the words of the network's action plans."""

    PROMOTION = "promotion", _("promoting the trajectory")
    WELCOME = "welcome", _("welcome policy and welcome figures")
    IKDOEMEE = "ikdoemee", _("publishing on ikdoemee.be")
    BUDDY = "buddy", _("buddy projects")
    CONVERSATION = "conversation", _("conversation tables")
    SAMEN_DOEN = "samen_doen", _("Samen Doen")
    REFERRAL = "referral", _("targeted referral")
    FAMILY = "family", _("family-friendly activities")
    VOLUNTEERING = "volunteering", _("volunteering by newcomers")
    PLACEMENT = "placement", _("introductory placements")
    BARRIERS = "barriers", _("lowering barriers (cost, transport, childcare)")
    VOICE = "voice", _("the newcomer's voice")
    FOLLOW_ON = "follow_on", _("follow-on to the regular offer")
    COOPERATION = "cooperation", _("cooperation between municipalities")


def attachment_path(instance, filename: str) -> str:
    return private_path("practices", filename)


class Practice(models.Model):
    """A good practice: what, where, contact, what it took, results."""

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("kept by the network"),
        on_delete=models.CASCADE,
        related_name="network_practices",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("what"))
    where = models.CharField(_("where"), max_length=200, help_text=_("Organisation and place."))
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    effort = models.TextField(_("what it took"), blank=True)
    results = models.TextField(_("results"), blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    activities = models.ManyToManyField(
        "offer.Activity", verbose_name=_("activities"), blank=True, related_name="+"
    )
    actions = models.ManyToManyField(
        "network.Action",
        verbose_name=_("actions of the plan"),
        blank=True,
        related_name="practices",
    )
    shared = models.BooleanField(
        _("share with everyone in pnt"),
        default=False,
        help_text=_("Other networks and all partners can then read it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["title"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def __str__(self) -> str:
        return self.title

    def theme_labels(self) -> list[str]:
        labels = dict(PracticeTheme.choices)
        return [str(labels[t]) for t in self.themes if t in labels]


class PracticeAttachment(models.Model):
    """A file with a practice (a flyer, a manual, an evaluation)."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name
