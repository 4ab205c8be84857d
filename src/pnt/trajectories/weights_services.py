"""Every write of a region's matching weights: set them, or go back to the defaults.

Keyword-only functions, one transaction each, each change in the audit log. Faces (the
coordinator's page, the API) check who may act and validate what was typed; these functions
refuse values that are not valid weights with a :class:`WeightsError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.geo.models import Region
from pnt.trajectories.errors import TrajectoryError
from pnt.trajectories.models_weights import (
    DEFAULT_WEIGHTS,
    RegionWeights,
    normalised,
    weight_errors,
)


class WeightsError(TrajectoryError):
    """The weights given are not valid; ``errors`` holds the message per weight name."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(
            _("These weights are not valid: %(errors)s")
            % {"errors": "; ".join(f"{name}: {message}" for name, message in errors.items())}
        )
        self.errors = errors


def set_region_weights(
    *, region: Region, values: Mapping[str, Any], by, via: str = "web"
) -> RegionWeights:
    """Store the region's weights: ``values`` (weight name → number) replace what the
    region set before; a weight left out, or equal to its default, follows the default.

    Raises :class:`WeightsError` for an unknown name, a value that is not a number, a
    negative one or one above its bound. Audited ("change"), with what changed.
    """
    errors = weight_errors(values)
    if errors:
        raise WeightsError(errors)
    return _store(region=region, values=normalised(values), by=by, via=via)


def reset_region_weights(*, region: Region, by, via: str = "web") -> RegionWeights:
    """Let the region's matching use the core's default weights again. Audited."""
    return _store(region=region, values={}, by=by, via=via)


def _store(*, region: Region, values: dict, by, via: str) -> RegionWeights:
    with transaction.atomic():
        row, _created = RegionWeights.objects.select_for_update().get_or_create(region=region)
        before = normalised(row.values or {})
        row.values = values
        row.changed_at = timezone.now()
        row.changed_by = by if getattr(by, "is_authenticated", False) else None
        row.save()
        record_access(
            user=by, action="change", obj=row, via=via, detail=change_summary(before, values)
        )
    return row


def change_summary(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """One line for the audit log: ``"weights: interests 3 → 4, distance_per_km 0.1 → 0.2"``."""
    if before and not after:
        return "weights: reset to defaults"

    def value(values: Mapping[str, Any], name: str) -> float:
        return float(values.get(name, DEFAULT_WEIGHTS[name]))

    changes = [
        f"{name} {value(before, name):g} → {value(after, name):g}"
        for name in DEFAULT_WEIGHTS
        if value(before, name) != value(after, name)
    ]
    return "weights: " + (", ".join(changes) if changes else "unchanged")
