"""Steering and working groups, their meetings, agenda, decisions, action points and
case discussions (a pseudonymised reference to a trajectory, never a name)."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Group(models.Model):
    """A steering group or a working group of a regional network, with its members."""

    class Kind(models.TextChoices):
        STEERING = "steering", _("steering group")
        WORKING = "working", _("working group")

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("regional network"),
        on_delete=models.CASCADE,
        related_name="network_groups",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="network_groups",
    )
    partners = models.ManyToManyField(
        "network.Partner", verbose_name=_("partners represented"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    """One meeting of a group: agenda, minutes, decisions and action points."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    minutes = models.TextField(_("minutes"), blank=True)
    guests = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("guests"),
        blank=True,
        related_name="network_meetings_as_guest",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title


class AgendaItem(models.Model):
    """A point on the agenda; it may review open action points or an action of the plan."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    action = models.ForeignKey(
        "network.Action",
        verbose_name=_("action of the plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    """What the group decided at a meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="decisions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    text = models.TextField(_("decision"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]


class ActionPoint(models.Model):
    """Something someone agreed to do by a date: open → in progress → done (or cancelled);
    a done or cancelled point can be reopened."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    OPEN_STATES = (Status.OPEN, Status.IN_PROGRESS)
    TRANSITIONS = {
        "open": {"in_progress", "done", "cancelled"},
        "in_progress": {"open", "done", "cancelled"},
        "done": {"open"},
        "cancelled": {"open"},
    }

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("agreed at"),
        on_delete=models.CASCADE,
        related_name="action_points",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    action = models.ForeignKey(
        "network.Action",
        verbose_name=_("action of the plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    # The agenda items that review this point (`item.action_points` from the other side).
    # Declared here, not on AgendaItem, so that the tables can be emptied in one order:
    # agenda items ← decisions ← action points, with no cycle back.
    agenda_items = models.ManyToManyField(
        AgendaItem, verbose_name=_("on the agenda of"), blank=True, related_name="action_points"
    )
    title = models.CharField(_("what"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_action_points",
    )
    owner_partner = models.ForeignKey(
        "network.Partner",
        verbose_name=_("owner (partner)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Set when the due-date reminder went out; cleared when the due date moves.
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        constraints = [
            models.CheckConstraint(
                name="action_point_done_has_date",
                condition=~models.Q(status="done") | models.Q(done_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATES

    @property
    def owner_label(self) -> str:
        if self.owner is not None:
            return str(self.owner)
        return str(self.owner_partner or "")


def case_reference(trajectory_id: int) -> str:
    """A stable pseudonym for a trajectory: the same case gets the same reference in every
    meeting, and nobody can turn it back into a name without the server's secret."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"case:{trajectory_id}".encode(), hashlib.sha256
    ).hexdigest()
    return f"C-{digest[:6].upper()}"


class CaseDiscussion(models.Model):
    """A case brought to a group without a name: only those who may see the trajectory
    see the discussion at all."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="cases"
    )
    trajectory = models.ForeignKey(
        "trajectories.Trajectory",
        verbose_name=_("trajectory"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reference = models.CharField(_("reference"), max_length=16)
    question = models.TextField(_("question to the group"))
    advice = models.TextField(_("advice of the group"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("case discussion")
        verbose_name_plural = _("case discussions")

    def __str__(self) -> str:
        return self.reference
