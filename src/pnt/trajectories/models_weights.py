"""Matching weights per region: a coordinator tunes the fit of newcomers and activities.

The weights themselves are the matching core's :class:`pnt.matching.Weights`; a region
stores only the ones it changes (``values``: weight name → number), so a weight it never
touched follows the core's default. Recommendations, the 40-hour plan and allocation rounds
of the region start from these (see :func:`pnt.trajectories.matching_adapter.weights_for_region`).
Imported at the end of :mod:`pnt.trajectories.models`.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pnt.accounts.scoping import scope_for
from pnt.matching.scoring import Weights

WEIGHT_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Weights))
DEFAULT_WEIGHTS: dict[str, float] = dataclasses.asdict(Weights())
# Points of one part stay within this, so no single part drowns all the others by accident.
MAX_POINTS = 20.0


@dataclasses.dataclass(frozen=True)
class Bound:
    """The range a weight may take; ``whole`` for counts."""

    low: float = 0.0
    high: float = MAX_POINTS
    whole: bool = False


# Ranges of the weights that are not points of a part (those take the default Bound()).
BOUNDS: dict[str, Bound] = {
    "interests_cap": Bound(1, 10, whole=True),
    "distance_per_km": Bound(0, 5),
    "uitpas_price_factor": Bound(0, 1),
    "places_cap": Bound(1, 50, whole=True),
    "own_words_floor": Bound(0, 1),
    "own_words_full": Bound(0, 1),
}


def bound_of(name: str) -> Bound:
    """The range of a weight: its own in :data:`BOUNDS`, else 0 to :data:`MAX_POINTS`
    (1 to 50 for a count)."""
    if name in BOUNDS:
        return BOUNDS[name]
    return Bound(1, 50, whole=True) if isinstance(DEFAULT_WEIGHTS.get(name), int) else Bound()


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _error(name: str, value: Any) -> str | None:
    """What is wrong with one weight's value (None when nothing is)."""
    if name not in DEFAULT_WEIGHTS:
        return _("Unknown weight.")
    number = _number(value)
    if number is None:
        return _("Not a number.")
    bound = bound_of(name)
    if bound.whole and not number.is_integer():
        return _("A whole number is needed.")
    if number < 0:
        return _("Cannot be negative.")
    if number < bound.low:
        return _("At least %(low)s.") % {"low": _plain(bound.low)}
    if number > bound.high:
        return _("At most %(high)s.") % {"high": _plain(bound.high)}
    return None


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def weight_errors(values: Any) -> dict[str, str]:
    """Every problem of a region's weights, by weight name (empty when they are fine).

    Known names only, numbers only, none negative, each within its :data:`BOUNDS`
    (points at most :data:`MAX_POINTS`), and the own-words floor below its "full" mark.
    """
    if not isinstance(values, Mapping):
        return {"values": _("The weights must be a mapping of weight names to numbers.")}
    errors = {str(name): e for name, value in values.items() if (e := _error(name, value))}
    if "own_words_floor" not in errors and "own_words_full" not in errors:
        merged = {**DEFAULT_WEIGHTS, **values}
        if float(merged["own_words_floor"]) >= float(merged["own_words_full"]):
            errors["own_words_full"] = _("Must be above the lowest similarity.")
    return errors


def normalised(values: Mapping[str, Any]) -> dict[str, float | int]:
    """``values`` as stored: only the weights that differ from the core's default, counts
    as whole numbers. An entry that is not valid is left out, so a bad row can never break
    the matching (the service and the form refuse such entries anyway)."""
    out: dict[str, float | int] = {}
    for name in WEIGHT_NAMES:
        if name not in values or _error(name, values[name]):
            continue
        number = float(values[name])
        value = int(number) if bound_of(name).whole else number
        if value != DEFAULT_WEIGHTS[name]:
            out[name] = value
    return out


class RegionWeightsQuerySet(models.QuerySet["RegionWeights"]):
    def visible_to(self, user) -> RegionWeightsQuerySet:
        """Weights of the regions where the user is coordinator (everything for an admin)."""
        scope = scope_for(user)
        if scope.is_admin:
            return self.all()
        return self.filter(region__in=scope.coordinator_region_ids)


class RegionWeights(models.Model):
    """The fit weights a region sets for its matching: only those that differ from the
    defaults; an empty ``values`` means "the defaults"."""

    region = models.OneToOneField(
        "geo.Region",
        verbose_name=gettext_lazy("region"),
        on_delete=models.CASCADE,
        related_name="matching_weights",
    )
    # {"interests": 4.0, "distance_per_km": 0.2, …}: names of pnt.matching.Weights.
    values = models.JSONField(gettext_lazy("weights"), default=dict, blank=True)
    changed_at = models.DateTimeField(gettext_lazy("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RegionWeightsQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("matching weights of a region")
        verbose_name_plural = gettext_lazy("matching weights of regions")

    def __str__(self) -> str:
        return f"{self.region}: {len(self.values or {})}"

    def clean(self) -> None:
        errors = weight_errors(self.values)
        if errors:
            raise ValidationError(
                {"values": [f"{name}: {message}" for name, message in errors.items()]}
            )

    def weights(self) -> Weights:
        """The core's weights with this region's values."""
        return Weights(**{**DEFAULT_WEIGHTS, **normalised(self.values or {})})
