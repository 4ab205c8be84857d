"""The action plan: plans, pillars, actions and indicators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.accounts.models import User
from pnt.geo.models import Municipality, Region
from pnt.network import measures
from pnt.network.errors import NetworkError
from pnt.network.models import Action, Indicator, Partner, Pillar, Plan

ACTION_FIELDS = ("title", "description", "owner", "owner_partner", "starts_on", "ends_on",
                 "status")  # fmt: skip


@transaction.atomic
def create_plan(
    *,
    region: Region,
    by: User,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    vision: str = "",
) -> Plan:
    if ends_on < starts_on:
        raise NetworkError(_("The plan cannot end before it starts."))
    return Plan.objects.create(
        region=region, title=title, vision=vision, starts_on=starts_on, ends_on=ends_on
    )


@transaction.atomic
def add_pillar(*, plan: Plan, by: User, title: str, description: str = "") -> Pillar:
    """The next pillar of the plan, numbered after the last one."""
    last = plan.pillars.aggregate(n=Max("number"))["n"] or 0
    return Pillar.objects.create(plan=plan, number=last + 1, title=title, description=description)


def _check_action(region: Region, fields: dict, municipalities: list[Municipality]) -> None:
    starts_on, ends_on = fields.get("starts_on"), fields.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        raise NetworkError(_("The action cannot end before it starts."))
    partner: Partner | None = fields.get("owner_partner")
    if partner is not None and partner.region_id != region.pk:
        raise NetworkError(_("The lead partner must be a partner of this network."))
    outside = {m.pk for m in municipalities} - set(
        region.municipalities.values_list("pk", flat=True)
    )
    if outside:
        raise NetworkError(_("Every municipality concerned must be part of the network."))


@transaction.atomic
def create_action(
    *, pillar: Pillar, by: User, municipalities: Iterable[Municipality] = (), **fields
) -> Action:
    municipalities = list(municipalities)
    _check_action(pillar.plan.region, fields, municipalities)
    action = Action.objects.create(
        pillar=pillar, **{k: v for k, v in fields.items() if k in ACTION_FIELDS}
    )
    action.municipalities.set(municipalities)
    return action


@transaction.atomic
def update_action(
    *, action: Action, by: User, municipalities: Iterable[Municipality] | None = None, **fields
) -> Action:
    """Change an action (its status, planning, owner); indicators stay live."""
    chosen = list(municipalities) if municipalities is not None else []
    _check_action(action.pillar.plan.region, fields, chosen)
    for name, value in fields.items():
        if name in ACTION_FIELDS:
            setattr(action, name, value)
    action.updated_at = timezone.now()
    action.save()
    if municipalities is not None:
        action.municipalities.set(chosen)
    return action


@transaction.atomic
def add_indicator(
    *,
    action: Action,
    by: User,
    name: str,
    target: Decimal,
    measure: str = "",
    baseline: Decimal | None = None,
    manual_value: Decimal | None = None,
) -> Indicator:
    """An indicator follows a live measure (its value is computed, never typed) or, when
    no live figure exists for it, holds a typed value."""
    if measure and measures.get(measure) is None:
        raise NetworkError(_("There is no live figure with this name."))
    if measure and manual_value is not None:
        raise NetworkError(_("A live figure is computed; do not type its value."))
    if target <= 0:
        raise NetworkError(_("The target must be more than zero."))
    return Indicator.objects.create(
        action=action, name=name or str(measures.get(measure).label), measure=measure,
        target=target, baseline=baseline, manual_value=manual_value,
    )  # fmt: skip
