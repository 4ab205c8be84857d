"""A newcomer's own request for a place, sent from the public catalogue without an account.

The request is personal data of someone who may not be known yet: it is kept minimal (a
first name, one way to reach them, their municipality and language), shown only to the
staff of the activity's area, and handled by a coach who registers or finds the newcomer
and enrols them. The visitor's consent to be contacted is recorded with the request.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PlaceRequestQuerySet(models.QuerySet["PlaceRequest"]):
    def visible_to(self, user) -> PlaceRequestQuerySet:
        """Requests for activities in the user's area (coaches, coordinators, officers)."""
        from pnt.accounts.scoping import scope_for

        scope = scope_for(user)
        if scope.is_admin:
            return self.all()
        if not scope.area_municipality_ids:
            return self.none()
        return self.filter(activity__municipality__in=scope.area_municipality_ids)


class PlaceRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        HANDLED = "handled", _("handled")
        DECLINED = "declined", _("declined")

    activity = models.ForeignKey(
        "offer.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="place_requests",
    )
    first_name = models.CharField(_("first name"), max_length=80)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, default="nl")
    message = models.TextField(_("message"), blank=True, max_length=1000)
    consent_at = models.DateTimeField(_("consent to be contacted given at"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    newcomer = models.ForeignKey(
        "trajectories.Newcomer",
        verbose_name=_("newcomer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="place_requests",
    )

    objects = PlaceRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request for a place")
        verbose_name_plural = _("requests for a place")
        constraints = [
            models.CheckConstraint(
                name="place_request_reachable",
                condition=~models.Q(email="") | ~models.Q(phone=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} → {self.activity_id}"
