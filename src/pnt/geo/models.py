"""Reference geography: municipalities (with validity and mergers) and regional networks."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityQuerySet(models.QuerySet["Municipality"]):
    def current(self, on: dt.date | None = None) -> MunicipalityQuerySet:
        """Municipalities that exist on the given day (today by default)."""
        day = on or dt.date.today()
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day),
        )


class Municipality(models.Model):
    """A Flemish municipality as identified by its official NIS code.

    Municipalities merge over time: a merged one keeps its record (history stays
    reportable), gets a ``valid_until`` date and points to its ``successor``.
    """

    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    arrondissement_code = models.CharField(_("arrondissement"), max_length=5, blank=True)
    province_code = models.CharField(_("province"), max_length=5, blank=True)
    valid_from = models.DateField(_("exists from"), null=True, blank=True)
    valid_until = models.DateField(_("exists until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # Simplified outline as a list of polygons, each a list of rings of [lon, lat].
    outline = models.JSONField(_("outline"), default=list, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="municipality_validity_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name_nl

    @property
    def name(self) -> str:
        return self.name_nl

    def exists_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or self.valid_until >= day
        )

    def current_successor(self) -> Municipality:
        """Follow the merger chain to the municipality that exists now."""
        seen = {self.pk}
        node = self
        while node.successor_id is not None and node.successor_id not in seen:
            seen.add(node.successor_id)
            node = node.successor  # type: ignore[assignment]
        return node


class Region(models.Model):
    """A regional network: a named set of municipalities with a host municipality."""

    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    host = models.ForeignKey(
        Municipality,
        verbose_name=_("host municipality"),
        on_delete=models.PROTECT,
        related_name="hosted_regions",
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="regions"
    )
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("regional network")
        verbose_name_plural = _("regional networks")

    def __str__(self) -> str:
        return self.name
