"""Live measures: the figures an indicator of the action plan can follow.

A measure is a named function from a set of municipalities (the action's municipalities,
or the whole region) to a number, computed in SQL from the data pnt already holds — the
offer, the trajectories, the buddy project — so progress is never typed twice.

The registry is deliberately small and open: another app (reporting) adds its indicators
with :func:`register` from its ``AppConfig.ready()``; an indicator stores only the key.

    register(Measure("key", _("label"), _("unit"), compute))
    value("buddy_places", municipality_ids)  → Decimal | None
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Compute = Callable[[Sequence[int]], "int | Decimal | None"]


@dataclass(frozen=True)
class Measure:
    key: str
    label: str | Promise
    unit: str | Promise
    compute: Compute
    # A count of people: suppressed below the threshold for viewers outside the region.
    counts_people: bool = False
    description: str | Promise = ""


_REGISTRY: dict[str, Measure] = {}


def register(measure: Measure) -> Measure:
    """Add a measure; a key can be registered once (a second app must choose its own)."""
    if measure.key in _REGISTRY and _REGISTRY[measure.key] is not measure:
        raise ValueError(f"A live measure {measure.key!r} is already registered.")
    _REGISTRY[measure.key] = measure
    return measure


def live_measure(key: str, label, unit, *, counts_people: bool = False, description=""):
    """Decorator form of :func:`register` for a compute function."""

    def wrap(compute: Compute) -> Compute:
        register(Measure(key, label, unit, compute, counts_people, description))
        return compute

    return wrap


def get(key: str) -> Measure | None:
    return _REGISTRY.get(key)


def all_measures() -> list[Measure]:
    return list(_REGISTRY.values())


def choices() -> list[tuple[str, str]]:
    return [(m.key, str(m.label)) for m in _REGISTRY.values()]


def value(key: str, municipality_ids: Sequence[int]) -> Decimal | None:
    """The measure's current value over the municipalities (None for an unknown key)."""
    measure = _REGISTRY.get(key)
    if measure is None:
        return None
    result = measure.compute(list(municipality_ids))
    return None if result is None else Decimal(result)


# --- the built-in measures ----------------------------------------------------------------


def _published(municipality_ids: Sequence[int]):
    from pnt.offer.models import Activity

    return Activity.objects.published().filter(municipality__in=municipality_ids)


def _places(municipality_ids: Sequence[int], activity_type: str) -> int:
    total = _published(municipality_ids).filter(type=activity_type).aggregate(n=Sum("capacity"))
    return total["n"] or 0


@live_measure("buddy_places", _("places in buddy projects"), _("places"))
def buddy_places(municipality_ids: Sequence[int]) -> int:
    return _places(municipality_ids, "buddy")


@live_measure("conversation_table_places", _("places at conversation tables"), _("places"))
def conversation_table_places(municipality_ids: Sequence[int]) -> int:
    return _places(municipality_ids, "conversation_table")


@live_measure("samen_doen_places", _("places in Samen Doen activities"), _("places"))
def samen_doen_places(municipality_ids: Sequence[int]) -> int:
    return _places(municipality_ids, "samen_doen")


@live_measure("pnt_places", _("places in activities that count for the PNT"), _("places"))
def pnt_places(municipality_ids: Sequence[int]) -> int:
    counted = _published(municipality_ids).filter(
        validated_at__isnull=False,
        dutch_context=True,
        with_others=True,
        meets_new_people=True,
        lasting_contacts=True,
        is_formal_lesson=False,
    )
    return counted.aggregate(n=Sum("capacity"))["n"] or 0


@live_measure(
    "municipalities_with_family_activity",
    _("municipalities with a family activity"),
    _("municipalities"),
)
def municipalities_with_family_activity(municipality_ids: Sequence[int]) -> int:
    family = _published(municipality_ids).filter(Q(type="family") | Q(family_friendly=True))
    return family.aggregate(n=Count("municipality", distinct=True))["n"] or 0


@live_measure(
    "municipalities_with_conversation_table",
    _("municipalities with a conversation table"),
    _("municipalities"),
)
def municipalities_with_conversation_table(municipality_ids: Sequence[int]) -> int:
    tables = _published(municipality_ids).filter(type="conversation_table")
    return tables.aggregate(n=Count("municipality", distinct=True))["n"] or 0


@live_measure("providers_with_offer", _("organisations with published offer"), _("organisations"))
def providers_with_offer(municipality_ids: Sequence[int]) -> int:
    return _published(municipality_ids).aggregate(n=Count("provider", distinct=True))["n"] or 0


@live_measure("active_buddy_pairs", _("active buddy pairs"), _("pairs"), counts_people=True)
def active_buddy_pairs(municipality_ids: Sequence[int]) -> int:
    from pnt.buddies.models import Pair

    return Pair.objects.filter(
        status=Pair.Status.ACTIVE, newcomer__municipality__in=municipality_ids
    ).count()


@live_measure(
    "newcomers_in_trajectory",
    _("newcomers in a trajectory"),
    _("newcomers"),
    counts_people=True,
)
def newcomers_in_trajectory(municipality_ids: Sequence[int]) -> int:
    from pnt.trajectories.models import Trajectory

    return Trajectory.objects.filter(
        status__in=["intake", "searching", "active"], newcomer__municipality__in=municipality_ids
    ).count()


@live_measure(
    "trajectories_completed", _("trajectories completed"), _("newcomers"), counts_people=True
)
def trajectories_completed(municipality_ids: Sequence[int]) -> int:
    from pnt.trajectories.models import Trajectory

    return Trajectory.objects.filter(
        status="completed", newcomer__municipality__in=municipality_ids
    ).count()


@live_measure(
    "newcomers_volunteering",
    _("newcomers volunteering"),
    _("newcomers"),
    counts_people=True,
)
def newcomers_volunteering(municipality_ids: Sequence[int]) -> int:
    from pnt.trajectories.models import Enrolment

    return (
        Enrolment.objects.filter(
            activity__type="volunteering",
            status__in=["confirmed", "attending", "finished"],
            newcomer__municipality__in=municipality_ids,
        )
        .values("newcomer")
        .distinct()
        .count()
    )
