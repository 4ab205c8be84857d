"""Where the action plan stands: live indicator values, with small counts of people hidden
for viewers outside the area they cover."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from pnt.accounts.scoping import scope_for
from pnt.network import measures
from pnt.network.models import Action, Indicator, Pillar, Plan


@dataclass
class IndicatorStatus:
    indicator: Indicator
    live: bool
    value: Decimal | None
    shown: str  # what the page says: the number, "< 5" when suppressed, "—" when unknown
    unit: str
    suppressed: bool = False
    percent: int | None = None

    @property
    def reached(self) -> bool:
        return self.percent is not None and self.percent >= 100


@dataclass
class ActionStatus:
    action: Action
    indicators: list[IndicatorStatus] = field(default_factory=list)


@dataclass
class PillarStatus:
    pillar: Pillar
    actions: list[ActionStatus] = field(default_factory=list)


def _number(value: Decimal) -> str:
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value:.1f}"


def _percent(value: Decimal, target: Decimal, baseline: Decimal | None) -> int:
    start = baseline if baseline is not None and baseline < target else Decimal(0)
    done = (value - start) / (target - start) * 100
    return max(0, min(100, int(done)))


class Evaluator:
    """Computes indicators for one viewer; the municipalities of each region are read once."""

    def __init__(self, user) -> None:
        self.scope = scope_for(user)
        self._regions: dict[int, list[int]] = {}

    def municipality_ids(self, action: Action, region) -> list[int]:
        chosen = [m.pk for m in action.municipalities.all()]
        if chosen:
            return chosen
        if region.pk not in self._regions:
            self._regions[region.pk] = list(region.municipalities.values_list("pk", flat=True))
        return self._regions[region.pk]

    def _covers(self, municipality_ids: list[int]) -> bool:
        return self.scope.is_admin or set(municipality_ids) <= self.scope.area_municipality_ids

    def indicator(self, indicator: Indicator, action: Action, region) -> IndicatorStatus:
        measure = measures.get(indicator.measure) if indicator.measure else None
        if measure is None:
            value = indicator.manual_value
            status = IndicatorStatus(indicator, False, value, "—" if value is None else "", "")
        else:
            ids = self.municipality_ids(action, region)
            value = measures.value(measure.key, ids)
            status = IndicatorStatus(indicator, True, value, "", str(measure.unit))
            threshold = settings.PNT_SUPPRESSION_THRESHOLD
            if measure.counts_people and value and value < threshold and not self._covers(ids):
                status.value, status.suppressed = None, True
                status.shown = _("fewer than %(n)s") % {"n": threshold}
        if status.value is not None:
            status.shown = _number(status.value)
            status.percent = _percent(status.value, indicator.target, indicator.baseline)
        return status


def plan_status(plan: Plan, user) -> list[PillarStatus]:
    """Every pillar, its actions and their indicators with live values."""
    evaluator = Evaluator(user)
    pillars = plan.pillars.prefetch_related(
        Prefetch(
            "actions",
            queryset=Action.objects.select_related("owner", "owner_partner").prefetch_related(
                "municipalities", "indicators"
            ),
        )
    )
    result = []
    for pillar in pillars:
        row = PillarStatus(pillar)
        for action in pillar.actions.all():
            indicators = [
                evaluator.indicator(i, action, plan.region) for i in action.indicators.all()
            ]
            row.actions.append(ActionStatus(action, indicators))
        result.append(row)
    return result


def indicator_status(indicator: Indicator, user) -> IndicatorStatus:
    action = indicator.action
    return Evaluator(user).indicator(indicator, action, action.pillar.plan.region)


def summary(statuses: list[PillarStatus]) -> dict[str, int]:
    """How many actions are in each state (for the head of the status page)."""
    counts: dict[str, int] = {value: 0 for value in Action.Status.values}
    for pillar in statuses:
        for row in pillar.actions:
            counts[row.action.status] += 1
    return counts
