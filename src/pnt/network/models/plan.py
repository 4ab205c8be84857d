"""The action plan of a network: strategic pillars, actions and their indicators.

An indicator names a *live measure* (``pnt.network.measures``): its current value is
computed from the offer, the trajectories and the buddy project whenever it is shown, so
progress is never typed twice. Only an indicator without a measure holds a typed value.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Plan(models.Model):
    """A network's action plan for a period (the six-year programme, or a part of it)."""

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("regional network"),
        on_delete=models.CASCADE,
        related_name="network_plans",
    )
    title = models.CharField(_("title"), max_length=200)
    vision = models.TextField(_("vision"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.CheckConstraint(
                name="plan_dates_ordered", condition=models.Q(ends_on__gte=models.F("starts_on"))
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Pillar(models.Model):
    """A strategic pillar (objective) of the plan."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="pillars"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="pillar_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Action(models.Model):
    """An action of the plan, e.g. "start a regional buddy project"."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DELAYED = "delayed", _("delayed")
        DONE = "done", _("done")
        STOPPED = "stopped", _("stopped")

    OPEN_STATES = (Status.PLANNED, Status.IN_PROGRESS, Status.DELAYED)

    pillar = models.ForeignKey(
        Pillar, verbose_name=_("pillar"), on_delete=models.CASCADE, related_name="actions"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_actions",
    )
    owner_partner = models.ForeignKey(
        "network.Partner",
        verbose_name=_("lead partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_actions",
    )
    municipalities = models.ManyToManyField(
        "geo.Municipality",
        verbose_name=_("municipalities concerned"),
        blank=True,
        related_name="+",
        help_text=_("Live figures count in these municipalities; none means the whole region."),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        ordering = ["pillar__number", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(
                name="action_dates_ordered",
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATES


class Indicator(models.Model):
    """A target for an action: "places in buddy projects: target 50". With a live measure
    the current value is computed; without one it is typed (``manual_value``)."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("name"), max_length=200)
    measure = models.CharField(_("live figure"), max_length=64, blank=True)
    target = models.DecimalField(_("target"), max_digits=10, decimal_places=1)
    baseline = models.DecimalField(
        _("starting value"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    manual_value = models.DecimalField(
        _("current value (typed)"), max_digits=10, decimal_places=1, null=True, blank=True
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                name="indicator_target_positive", condition=models.Q(target__gt=0)
            ),
        ]

    def __str__(self) -> str:
        return self.name
