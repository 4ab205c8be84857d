"""The adapter between the database and the matching core (:mod:`pnt.matching`) for
activities: recommendations and a 40-hour plan for one newcomer, and the input of a
regional allocation round.

It reads (in a few queries: the newcomer with intake and trajectory, their enrolments,
the activities in reach with their places taken), turns rows into the core's profiles,
calls the core and hands back plain results that carry the model objects again. It writes
nothing: :mod:`pnt.trajectories.allocation_services` stores allocation rounds.

The fit weights come from the region (:func:`weights_for_region`): the core's defaults,
overridden by what the region's coordinator set, overridden by a round's own parameters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from pnt import matching
from pnt.geo.distance import cross_km
from pnt.geo.models import Region
from pnt.matching.week import day_part, session
from pnt.offer.models import Activity
from pnt.offer.vocabulary import ActivityType
from pnt.trajectories.models import PNT_HOURS, Enrolment, Intake, Newcomer, Trajectory
from pnt.trajectories.models_weights import RegionWeights, normalised

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WOMAN_WORDS = {"woman", "female", "f", "v", "vrouw", "femme"}
DEFAULT_MAX_KM = 10.0
# Activities this much farther than the newcomer can go are still read, so the coach sees
# the nearly-fitting ones among the "left out" with the reason ("too far: 14 km > 8 km").
LEFT_OUT_MARGIN_KM = 15.0
HOLDS_PLACE = [s.value for s in Enrolment.HOLDS_PLACE]
OPEN = [s.value for s in Enrolment.OPEN]
OPEN_TRAJECTORY = [
    Trajectory.Status.INTAKE,
    Trajectory.Status.SEARCHING,
    Trajectory.Status.ACTIVE,
]


# --- rows → profiles -------------------------------------------------------------------------


def slots_mask(slots: Iterable[str]) -> int:
    """Availability slot codes such as ``"tue-evening"`` as the core's weekly hour mask."""
    mask = 0
    for slot in slots:
        day, _sep, part = str(slot).partition("-")
        if day in WEEKDAYS:
            try:
                mask |= day_part(WEEKDAYS.index(day), part)
            except ValueError:
                continue
    return mask


def _hour(value: dt.time) -> float:
    return value.hour + value.minute / 60


def activity_week(activity: Activity) -> int:
    """The weekly hours an activity takes (0 = by appointment or unknown: never clashes)."""
    if activity.schedule_kind == Activity.ScheduleKind.APPOINTMENT:
        return 0
    if activity.weekday is None or not (activity.start_time and activity.end_time):
        return 0
    try:
        return session(activity.weekday, _hour(activity.start_time), _hour(activity.end_time))
    except ValueError:
        return 0


def where(activity: Activity) -> tuple[float, float]:
    """The activity's own location, or else the centroid of its municipality."""
    if activity.latitude is not None and activity.longitude is not None:
        return activity.latitude, activity.longitude
    return activity.municipality.latitude or 0.0, activity.municipality.longitude or 0.0


def _price(activity: Activity) -> tuple[float, bool]:
    if activity.price_kind == Activity.PriceKind.FREE:
        return 0.0, False
    price = float(activity.price_eur or 0)
    return price, activity.price_kind == Activity.PriceKind.UITPAS


def activity_profile(activity: Activity, places_left: int) -> matching.Activity:
    """One activity as the core sees it; ``places_left`` comes from an annotated count."""
    cost, uitpas = _price(activity)
    hours = float(activity.hours_per_session)
    total = float(activity.total_hours) if activity.total_hours else None
    if activity.schedule_kind == Activity.ScheduleKind.SINGLE:
        total = min(total or hours, hours)
    lat, lon = where(activity)
    return matching.Activity(
        key=activity.pk,
        type=activity.type,
        themes=frozenset(activity.themes or ()),
        goals=frozenset(activity.goals or ()),
        dutch_level=int(activity.dutch_level),
        lat=lat or 0.0,
        lon=lon or 0.0,
        schedule=activity_week(activity),
        cost_eur=cost,
        uitpas=uitpas,
        childcare=activity.childcare,
        women_only=activity.women_only,
        places_left=max(0, int(places_left)),
        hours_per_session=hours,
        sessions_per_week=1.0,
        total_hours=total,
    )


def _intake(newcomer: Newcomer) -> Intake | None:
    try:
        return newcomer.intake
    except Intake.DoesNotExist:
        return None


def newcomer_profile(newcomer: Newcomer, types_done: Iterable[str] = ()) -> matching.Newcomer:
    """One newcomer as the core sees them: interests and talents, goals, Dutch level, home
    (the centroid of the municipality), reach and availability from the intake."""
    intake = _intake(newcomer)
    themes = set(newcomer.interests or ()) | set(intake.talents if intake else ())
    return matching.Newcomer(
        key=newcomer.pk,
        themes=frozenset(themes),
        goals=frozenset(newcomer.goals or ()),
        dutch_level=int(newcomer.dutch_level),
        lat=newcomer.municipality.latitude or 0.0,
        lon=newcomer.municipality.longitude or 0.0,
        max_km=float(intake.max_km) if intake else DEFAULT_MAX_KM,
        mobility=intake.mobility if intake else "",
        availability=slots_mask(intake.availability) if intake else 0,
        cost_barrier=bool(intake and intake.cost_barrier),
        needs_childcare=bool(intake and intake.childcare_needed),
        is_woman=(newcomer.gender or "").strip().lower() in WOMAN_WORDS,
        types_done=frozenset(types_done),
    )


def weights_from(parameters: dict | None) -> matching.Weights:
    """The fit weights: the core's defaults, overridden by known keys of ``parameters``."""
    known = {f.name for f in dataclasses.fields(matching.Weights)}
    given = {k: v for k, v in (parameters or {}).items() if k in known}
    return matching.Weights(**given)


def region_weight_values(region: Region | int | None) -> dict[str, float]:
    """The weights the region changed (name → value); empty when it keeps the defaults."""
    if region is None:
        return {}
    region_id = region if isinstance(region, int) else region.pk
    values = (
        RegionWeights.objects.filter(region_id=region_id).values_list("values", flat=True).first()
    )
    return normalised(values or {})


def weights_for_region(
    region: Region | int | None, parameters: dict | None = None
) -> matching.Weights:
    """The fit weights of a region: the core's defaults, overridden by the region's own
    (see :class:`RegionWeights`), overridden in turn by known keys of ``parameters`` (an
    allocation round's own). ``None`` for no region: the defaults."""
    return weights_from({**region_weight_values(region), **(parameters or {})})


def weights_for_newcomer(newcomer: Newcomer, parameters: dict | None = None) -> matching.Weights:
    """The fit weights for a newcomer: those of the region they live in. Where regions
    overlap, the first (by id) that set its own weights (one query)."""
    values = (
        RegionWeights.objects.filter(region__municipalities=newcomer.municipality_id)
        .exclude(values={})
        .order_by("region_id")
        .values_list("values", flat=True)
        .first()
    )
    return weights_from({**normalised(values or {}), **(parameters or {})})


# --- reads -----------------------------------------------------------------------------------


def counting_activities(today: dt.date | None = None) -> QuerySet[Activity]:
    """Published activities that meet the PNT conditions and have not ended, each with
    ``taken`` (places held) annotated: one query however many there are."""
    today = today or timezone.localdate()
    return (
        Activity.objects.published()
        .filter(
            dutch_context=True,
            with_others=True,
            meets_new_people=True,
            lasting_contacts=True,
            is_formal_lesson=False,
        )
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("provider", "municipality")
        .defer("municipality__outline", "description", "translations", "provider__description")
        .annotate(taken=Count("enrolments", filter=Q(enrolments__status__in=HOLDS_PLACE)))
    )


def _box(lat: float, lon: float, km: float) -> Q:
    """Activities whose location (or, lacking one, their municipality's) lies in the box."""
    dlat = km / 111.0
    dlon = km / (111.0 * max(0.2, math.cos(math.radians(lat))))

    def inside(prefix: str) -> Q:
        return Q(
            **{
                f"{prefix}latitude__gte": lat - dlat,
                f"{prefix}latitude__lte": lat + dlat,
                f"{prefix}longitude__gte": lon - dlon,
                f"{prefix}longitude__lte": lon + dlon,
            }
        )

    return inside("") | (Q(latitude__isnull=True) & inside("municipality__"))


def activities_in_reach(
    profile: matching.Newcomer,
    *,
    exclude: Iterable[int] = (),
    margin_km: float = LEFT_OUT_MARGIN_KM,
) -> list[Activity]:
    """Counting activities within the newcomer's reach plus ``margin_km``, nearest first.

    A bounding box in SQL, then the exact great-circle distance (:mod:`pnt.geo.distance`).
    """
    radius = profile.max_km + margin_km
    rows = list(
        counting_activities()
        .filter(_box(profile.lat, profile.lon, radius))
        .exclude(pk__in=list(exclude))
        .order_by("pk")
    )
    if not rows:
        return []
    places = [where(a) for a in rows]
    km = cross_km([profile.lat], [profile.lon], [p[0] for p in places], [p[1] for p in places])[0]
    order = np.argsort(km, kind="stable")
    return [rows[i] for i in order if km[i] <= radius]


def load_newcomer(newcomer_id: int) -> Newcomer:
    return (
        Newcomer.objects.select_related("municipality", "intake", "trajectory")
        .defer("municipality__outline")
        .get(pk=newcomer_id)
    )


@dataclass(frozen=True)
class NewcomerContext:
    """What matching needs about one newcomer besides the profile."""

    newcomer: Newcomer
    profile: matching.Newcomer
    open_activity_ids: frozenset[int]  # activities with an open enrolment: not proposed again
    hours_to_go: float


def newcomer_context(newcomer: Newcomer) -> NewcomerContext:
    """The newcomer's profile with the activity types already done (one query)."""
    rows = list(
        Enrolment.objects.filter(newcomer=newcomer).values_list(
            "activity_id", "activity__type", "status"
        )
    )
    done = {kind for _a, kind, status in rows if status in (*HOLDS_PLACE, "finished")}
    open_ids = frozenset(a for a, _k, status in rows if status in OPEN)
    trajectory = getattr(newcomer, "trajectory", None)
    hours = float(trajectory.hours) if trajectory else 0.0
    return NewcomerContext(
        newcomer=newcomer,
        profile=newcomer_profile(newcomer, done),
        open_activity_ids=open_ids,
        hours_to_go=max(0.0, PNT_HOURS - hours),
    )


# --- recommendations ---------------------------------------------------------------------


@dataclass(frozen=True)
class Suggested:
    """One recommended activity: the model object, its fit and the core's reasons."""

    activity: Activity
    fit: float
    reasons: list[dict[str, Any]]
    km: float | None


@dataclass(frozen=True)
class Excluded:
    """An activity a hard rule keeps out, with every rule it breaks."""

    activity: Activity
    reasons: list[dict[str, Any]]


@dataclass(frozen=True)
class RecommendationResult:
    newcomer: Newcomer
    top: list[Suggested]
    left_out: list[Excluded]
    left_out_total: int
    considered: int


def reason_dicts(reasons: Sequence[matching.Reason]) -> list[dict[str, Any]]:
    """The core's reasons as JSON-friendly dicts (stored with allocation assignments)."""
    return [
        {
            "code": r.code,
            "params": dict(r.params),
            "points": round(float(r.points), 3),
            "hard": r.hard,
            "text": r.text,
        }
        for r in reasons
    ]


def _km_of(reasons: Sequence[matching.Reason]) -> float | None:
    return next((float(r.params["km"]) for r in reasons if r.code in ("distance", "too_far")), None)


def recommendations(
    newcomer: Newcomer,
    *,
    n: int = 6,
    left_out: int = 5,
    parameters: dict | None = None,
) -> RecommendationResult:
    """The ``n`` best-fitting counting activities in reach, and the ``left_out`` most
    fitting ones a hard rule excludes (with why). Activities the newcomer already has an
    open enrolment in are not proposed again. Scored with the weights of the newcomer's
    region, overridden by ``parameters``."""
    ctx = newcomer_context(newcomer)
    rows = activities_in_reach(ctx.profile, exclude=ctx.open_activity_ids)
    if not rows:
        return RecommendationResult(newcomer, [], [], 0, 0)
    profiles = [activity_profile(a, a.capacity - a.taken) for a in rows]
    weights = weights_for_newcomer(newcomer, parameters)
    result = matching.recommend(ctx.profile, profiles, weights=weights, n=n)
    by_pk = {a.pk: a for a in rows}
    top = [
        Suggested(by_pk[r.activity], r.fit, reason_dicts(r.reasons), _km_of(r.reasons))
        for r in result.top
    ]
    # The most fitting excluded ones first: those are the ones a coach wonders about.
    fit = _fits(ctx.profile, profiles, weights)
    ranked = sorted(result.left_out, key=lambda o: -fit[o.activity])
    excluded = [Excluded(by_pk[o.activity], reason_dicts(o.reasons)) for o in ranked[:left_out]]
    return RecommendationResult(newcomer, top, excluded, len(result.left_out), len(rows))


def _fits(
    profile: matching.Newcomer, profiles: Sequence[matching.Activity], weights: matching.Weights
) -> dict[Any, float]:
    vocab = matching.Vocabularies.of([profile], profiles)
    scores = matching.score_newcomer(
        matching.NewcomerTable.of([profile], vocab),
        0,
        matching.ActivityTable.of(profiles, vocab),
        weights,
    )
    return {a.key: float(f) for a, f in zip(profiles, scores.total, strict=True)}


# --- the 40-hour plan --------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedActivity:
    activity: Activity
    hours: float
    fit: float


@dataclass(frozen=True)
class PlanChoice:
    activities: list[PlannedActivity]
    hours: float
    fit: float
    reaches_target: bool


@dataclass(frozen=True)
class PlanProposal:
    newcomer: Newcomer
    target_hours: float
    weeks: int
    best: PlanChoice | None
    alternatives: list[PlanChoice]


def plan(newcomer: Newcomer, *, weeks: int = 13, parameters: dict | None = None) -> PlanProposal:
    """The best set of counting activities in reach that do not clash in the week and
    reach the hours still to go within ``weeks`` (exact, CP-SAT), with alternatives.
    Scored with the weights of the newcomer's region, overridden by ``parameters``."""
    ctx = newcomer_context(newcomer)
    target = ctx.hours_to_go or float(PNT_HOURS)
    rows = activities_in_reach(ctx.profile, exclude=ctx.open_activity_ids, margin_km=0.0)
    if not rows:
        return PlanProposal(newcomer, target, weeks, None, [])
    profiles = [activity_profile(a, a.capacity - a.taken) for a in rows]
    weights = weights_for_newcomer(newcomer, parameters)
    result = _fewest_activities(ctx.profile, profiles, weights, target, weeks)
    by_pk = {a.pk: a for a in rows}
    hours = {
        p.key: matching.hours_in_period(
            p.hours_per_session, p.sessions_per_week, weeks, p.total_hours
        )
        for p in profiles
    }
    fit = _fits(ctx.profile, profiles, weights)

    def choice(p: matching.Plan) -> PlanChoice:
        items = [PlannedActivity(by_pk[k], hours[k], fit[k]) for k in p.activities]
        return PlanChoice(items, p.hours, p.fit, p.reaches_target)

    best = choice(result.best) if result.best else None
    return PlanProposal(newcomer, target, weeks, best, [choice(p) for p in result.alternatives])


def _fewest_activities(
    profile: matching.Newcomer,
    profiles: Sequence[matching.Activity],
    weights: matching.Weights,
    target: float,
    weeks: int,
) -> matching.PlanResult:
    """The core's plan with the fewest activities that reach the target, best fit among
    those. The core maximises the fit once the hours are reached, so without this a third
    activity with any fit would always be added to two that already make 40 hours."""
    defaults = matching.PlanOptions()
    result = matching.PlanResult(best=None, alternatives=[])
    for most in range(1, defaults.max_activities + 1):
        options = matching.PlanOptions(target_hours=target, weeks=weeks, max_activities=most)
        result = matching.plan_for(profile, profiles, weights=weights, options=options)
        if result.best is not None and result.best.reaches_target:
            break
    return result


# --- the input of a regional allocation round --------------------------------------------


@dataclass(frozen=True)
class AllocationInput:
    """Everything a round needs, as model rows and the core's problem (row ``i`` of the
    problem is ``newcomers[i]``, activity ``j`` is ``activities[j]``)."""

    newcomers: list[Newcomer]
    activities: list[Activity]
    problem: matching.AllocationProblem
    arrival: np.ndarray  # newcomer rows in the order they started waiting (for FCFS)
    context: matching.PairContext | None


def waiting_newcomers(region, k: int) -> list[Newcomer]:
    """Newcomers of the region with an open trajectory below 40 hours who hold fewer than
    ``k`` places (``held`` annotated), longest waiting first."""
    return list(
        Newcomer.objects.filter(
            municipality__regions=region,
            trajectory__status__in=OPEN_TRAJECTORY,
            trajectory__hours__lt=PNT_HOURS,
        )
        .select_related("municipality", "intake", "trajectory")
        .defer("municipality__outline")
        .annotate(held=Count("enrolments", filter=Q(enrolments__status__in=HOLDS_PLACE)))
        .filter(held__lt=k)
        .order_by(F("obligation_start").asc(nulls_last=True), "trajectory__opened_on", "pk")
    )


def region_activities(region) -> list[Activity]:
    """Counting activities held in the region with at least one free place. Buddy projects
    are left out: their places are the volunteers', given by the buddy matching rounds."""
    rows = (
        counting_activities()
        .filter(municipality__regions=region)
        .exclude(type=ActivityType.BUDDY)
        .order_by("pk")
    )
    return [a for a in rows if a.capacity > a.taken]


def _waiting_days(newcomer: Newcomer, today: dt.date) -> int:
    start = newcomer.obligation_start or newcomer.trajectory.opened_on
    return max(0, (today - start).days) if start else 0


def _deadline_days(newcomer: Newcomer, today: dt.date) -> float:
    deadline = newcomer.trajectory.deadline
    return float((deadline - today).days) if deadline else math.nan


def priority_of(newcomers: Sequence[Newcomer], parameters: dict, today: dt.date) -> np.ndarray:
    """Priority weights per newcomer: compulsory trajectory, waiting time, deadline near."""
    return matching.priority_weights(
        np.array([n.trajectory.compulsory for n in newcomers], dtype=bool),
        np.array([_waiting_days(n, today) for n in newcomers], dtype=float),
        np.array([_deadline_days(n, today) for n in newcomers], dtype=float),
        compulsory_bonus=float(parameters.get("compulsory_bonus", 0.5)),
        per_month_waiting=float(parameters.get("per_month_waiting", 0.05)),
        deadline_bonus=float(parameters.get("deadline_bonus", 0.5)),
    )


def allocation_input(
    region, parameters: dict, *, top_k: int = 30, on_read: Callable[[], None] | None = None
) -> AllocationInput:
    """The region's waiting newcomers against its activities with free places, as the
    core's sparse problem (top ``top_k`` allowed candidates per newcomer). Pairs where the
    newcomer already holds a place are never candidates. The fit uses the region's weights,
    overridden by the round's ``parameters``. Six queries in all."""
    today = timezone.localdate()
    k = int(parameters.get("k", 1))
    newcomers = waiting_newcomers(region, k)
    activities = region_activities(region)
    types_done, holding = _enrolment_facts([n.pk for n in newcomers])
    if on_read is not None:
        on_read()
    n_profiles = [newcomer_profile(n, types_done.get(n.pk, ())) for n in newcomers]
    a_profiles = [activity_profile(a, a.capacity - a.taken) for a in activities]
    arrival = np.arange(len(newcomers), dtype=np.int64)  # already ordered by waiting time
    empty = np.zeros(0, dtype=np.int64)
    if not newcomers or not activities:
        problem = matching.AllocationProblem(
            empty, empty, np.zeros(0), np.array([a.capacity - a.taken for a in activities]),
            priority=np.ones(len(newcomers)), max_per_newcomer=k, n_newcomers=len(newcomers),
        )  # fmt: skip
        return AllocationInput(newcomers, activities, problem, arrival, None)
    vocab = matching.Vocabularies.of(n_profiles, a_profiles)
    n_table = matching.NewcomerTable.of(n_profiles, vocab)
    a_table = matching.ActivityTable.of(a_profiles, vocab)
    weights = weights_for_region(region, parameters)
    graph = matching.candidate_graph(n_table, a_table, weights, top_k=top_k)
    keep = np.array(
        [
            activities[j].pk not in holding.get(newcomers[i].pk, ())
            for i, j in zip(graph.newcomer.tolist(), graph.activity.tolist(), strict=True)
        ],
        dtype=bool,
    )
    ni, ai = graph.newcomer[keep], graph.activity[keep]
    scores = matching.score_pairs(n_table, a_table, ni, ai, weights)
    limits = np.array([max(0, k - n.held) for n in newcomers], dtype=np.int64)
    problem = matching.AllocationProblem(
        newcomer=ni,
        activity=ai,
        fit=scores.total,
        capacity=a_table.places_left,
        priority=priority_of(newcomers, parameters, today),
        max_per_newcomer=limits,
        n_newcomers=len(newcomers),
    )
    context = matching.PairContext(n_table, a_table, vocab, scores, weights)
    return AllocationInput(newcomers, activities, problem, arrival, context)


def _enrolment_facts(newcomer_ids: list[int]) -> tuple[dict[int, set], dict[int, set]]:
    """Per newcomer: activity types done or under way, and activities where a place is held."""
    types: dict[int, set] = defaultdict(set)
    holding: dict[int, set] = defaultdict(set)
    rows = Enrolment.objects.filter(
        newcomer_id__in=newcomer_ids, status__in=[*HOLDS_PLACE, "finished"]
    ).values_list("newcomer_id", "activity_id", "activity__type", "status")
    for newcomer_id, activity_id, kind, status in rows:
        types[newcomer_id].add(kind)
        if status in HOLDS_PLACE:
            holding[newcomer_id].add(activity_id)
    return types, holding
