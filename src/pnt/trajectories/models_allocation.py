"""Allocation rounds: the coordinator's run of the regional allocation of free places.

A round is stored with its parameters, its progress while the background worker computes
it, the proposed assignments (who gets which place, with the fit and the reasons) and the
comparison with first come, first served — so it can be previewed, adjusted, confirmed and
re-read later. Imported at the end of :mod:`pnt.trajectories.models`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.accounts.scoping import scope_for


class AllocationRoundQuerySet(models.QuerySet["AllocationRound"]):
    def visible_to(self, user) -> AllocationRoundQuerySet:
        """Rounds of the regions where the user is coordinator (everything for an admin)."""
        scope = scope_for(user)
        if scope.is_admin:
            return self.all()
        return self.filter(region__in=scope.coordinator_region_ids)


class AllocationRound(models.Model):
    """One run of the regional allocation, from start to confirmation."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting for the worker")
        RUNNING = "running", _("computing")
        READY = "ready", _("preview: to confirm")
        CONFIRMED = "confirmed", _("confirmed")
        DISCARDED = "discarded", _("discarded")
        FAILED = "failed", _("failed")

    # A round in one of these states blocks a new round in the same region.
    OPEN = (Status.QUEUED, Status.RUNNING, Status.READY)

    class Stage(models.TextChoices):
        QUEUED = "queued", _("waiting for the worker")
        READING = "reading", _("reading newcomers and activities")
        SCORING = "scoring", _("scoring who fits where")
        SOLVING = "solving", _("finding the best allocation")
        SAVING = "saving", _("saving the proposal")
        DONE = "done", _("done")

    region = models.ForeignKey(
        "geo.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("name of the round"), max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    # k per newcomer, fairness, priority weights (and any fit weight overridden).
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default="queued")
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error = models.CharField(_("error"), max_length=255, blank=True)
    newcomers_count = models.PositiveIntegerField(_("newcomers waiting"), default=0)
    activities_count = models.PositiveIntegerField(_("activities with free places"), default=0)
    places_count = models.PositiveIntegerField(_("free places"), default=0)
    candidates_count = models.PositiveIntegerField(_("candidate pairs"), default=0)
    placed_count = models.PositiveIntegerField(_("newcomers placed"), default=0)
    unplaced_count = models.PositiveIntegerField(_("newcomers not placed"), default=0)
    # Newcomers waiting who get nothing in this round (ids), for the preview.
    unplaced = models.JSONField(_("not placed"), default=list, blank=True)
    optimal_fit = models.FloatField(_("total fit as computed"), default=0)
    total_fit = models.FloatField(_("total fit after adjustments"), default=0)
    objective = models.FloatField(_("total priority-weighted fit"), default=0)
    fcfs_fit = models.FloatField(_("total fit first come, first served"), default=0)
    fcfs_placed = models.PositiveIntegerField(_("placed first come, first served"), default=0)
    seconds = models.FloatField(_("computing time (s)"), default=0)
    finished_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    offers_count = models.PositiveIntegerField(_("places offered"), default=0)

    objects = AllocationRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("allocation round")
        verbose_name_plural = _("allocation rounds")
        constraints = [
            models.CheckConstraint(
                name="allocation_round_progress_percent", condition=models.Q(progress__lte=100)
            ),
        ]

    def __str__(self) -> str:
        return self.note or f"{self.region} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def is_computing(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def gain_vs_fcfs(self) -> float | None:
        """How much more total fit than first come, first served (0.25 = 25 % more)."""
        if self.fcfs_fit <= 0:
            return None
        return self.total_fit / self.fcfs_fit - 1


class AllocationAssignment(models.Model):
    """One place the round gives: a newcomer in an activity, with the fit and its reasons."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        REMOVED = "removed", _("removed by the coordinator")
        OFFERED = "offered", _("place offered")
        SKIPPED = "skipped", _("not offered")

    round = models.ForeignKey(
        AllocationRound,
        verbose_name=_("allocation round"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    newcomer = models.ForeignKey(
        "trajectories.Newcomer",
        verbose_name=_("newcomer"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    activity = models.ForeignKey(
        "offer.Activity", verbose_name=_("activity"), on_delete=models.CASCADE, related_name="+"
    )
    fit = models.FloatField(_("fit"))
    priority = models.FloatField(_("priority"), default=1)
    distance_km = models.FloatField(_("distance (km)"), null=True, blank=True)
    # [{"code": …, "params": {…}, "points": …, "text": …}, …] as the core explained them.
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    enrolment = models.ForeignKey(
        "trajectories.Enrolment",
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-priority", "-fit", "pk"]
        verbose_name = _("allocation assignment")
        verbose_name_plural = _("allocation assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "newcomer", "activity"], name="allocation_assignment_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.newcomer_id} → {self.activity_id} ({self.status})"
