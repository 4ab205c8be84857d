"""The matching in the API: recommendations and a 40-hour plan for one newcomer, the
coordinator's allocation rounds (start, read, confirm) and the matching weights of their
region. Mounted under /api/trajectories.

Thin: the same adapter and services as the pages. Outside the caller's scope is 404; a
domain error answers 400 with its message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from pnt.accounts.audit import record_access
from pnt.accounts.scoping import scope_for
from pnt.geo.models import Region
from pnt.trajectories import allocation_services, matching_adapter, queries, weights_services
from pnt.trajectories.allocation_services import DEFAULT_PARAMETERS
from pnt.trajectories.errors import TrajectoryError
from pnt.trajectories.matching_reasons import reason_text
from pnt.trajectories.models import Newcomer
from pnt.trajectories.models_allocation import AllocationRound
from pnt.trajectories.models_weights import DEFAULT_WEIGHTS

router = Router(tags=["matching"])


def _newcomer(request: HttpRequest, newcomer_id: int) -> Newcomer:
    """A newcomer whose file the caller may read and change (never provider-only staff)."""
    if queries.is_provider_only(request.user):
        raise Http404
    if not queries.newcomers(request.user).filter(pk=newcomer_id).exists():
        raise Http404
    newcomer = matching_adapter.load_newcomer(newcomer_id)
    record_access(user=request.user, action="view", obj=newcomer, via="api", detail="matching")
    return newcomer


class MatchReasonOut(Schema):
    code: str
    params: dict
    points: float = 0.0
    text: str  # in the language of the request (Accept-Language)


def _reasons(reasons: list[dict]) -> list[dict]:
    return [
        {
            "code": r["code"],
            "params": r.get("params", {}),
            "points": r.get("points", 0.0),
            "text": reason_text(r),
        }
        for r in reasons
    ]


class MatchActivityOut(Schema):
    id: int
    title: str
    type: str
    municipality_nis_code: str


def _activity(activity) -> dict:
    return {
        "id": activity.pk,
        "title": activity.title,
        "type": activity.type,
        "municipality_nis_code": activity.municipality.nis_code,
    }


class MatchRecommendationOut(Schema):
    activity: MatchActivityOut
    fit: float
    distance_km: float | None
    reasons: list[MatchReasonOut]


class MatchLeftOutOut(Schema):
    activity: MatchActivityOut
    reasons: list[MatchReasonOut]


class MatchRecommendationsOut(Schema):
    id: int = Field(description="the newcomer")
    considered: int
    recommendations: list[MatchRecommendationOut]
    left_out: list[MatchLeftOutOut]
    left_out_total: int


@router.get("/newcomers/{newcomer_id}/recommendations", response=MatchRecommendationsOut)
def recommendations(request: HttpRequest, newcomer_id: int, n: int = 6):
    """The best-fitting activities in reach with their reasons, and the most fitting ones a
    hard rule leaves out (with every rule they break)."""
    newcomer = _newcomer(request, newcomer_id)
    found = matching_adapter.recommendations(newcomer, n=max(1, min(n, 50)), left_out=20)
    return {
        "id": newcomer.pk,
        "considered": found.considered,
        "recommendations": [
            {
                "activity": _activity(s.activity),
                "fit": round(s.fit, 3),
                "distance_km": s.km,
                "reasons": _reasons(s.reasons),
            }
            for s in found.top
        ],
        "left_out": [
            {"activity": _activity(x.activity), "reasons": _reasons(x.reasons)}
            for x in found.left_out
        ],
        "left_out_total": found.left_out_total,
    }


class MatchPlannedOut(Schema):
    activity: MatchActivityOut
    hours: float
    fit: float


class MatchPlanChoiceOut(Schema):
    activities: list[MatchPlannedOut]
    hours: float
    fit: float
    reaches_target: bool


class MatchPlanOut(Schema):
    id: int = Field(description="the newcomer")
    target_hours: float
    weeks: int
    best: MatchPlanChoiceOut | None
    alternatives: list[MatchPlanChoiceOut]


def _choice(choice) -> dict:
    return {
        "activities": [
            {"activity": _activity(p.activity), "hours": p.hours, "fit": round(p.fit, 3)}
            for p in choice.activities
        ],
        "hours": choice.hours,
        "fit": round(choice.fit, 3),
        "reaches_target": choice.reaches_target,
    }


@router.get("/newcomers/{newcomer_id}/plan", response=MatchPlanOut)
def plan(request: HttpRequest, newcomer_id: int, weeks: int = 13):
    """Activities that do not clash in the week and reach the hours still to go within
    ``weeks``, with the highest total fit (exact), and up to two alternatives."""
    newcomer = _newcomer(request, newcomer_id)
    proposal = matching_adapter.plan(newcomer, weeks=max(1, min(weeks, 52)))
    return {
        "id": newcomer.pk,
        "target_hours": proposal.target_hours,
        "weeks": proposal.weeks,
        "best": _choice(proposal.best) if proposal.best else None,
        "alternatives": [_choice(c) for c in proposal.alternatives],
    }


# --- allocation rounds -----------------------------------------------------------------------


class AllocationRoundIn(Schema):
    region: str = Field(description="slug of the region")
    note: str = Field("", max_length=120)
    k: int = Field(DEFAULT_PARAMETERS["k"], ge=1, le=5)
    fairness: bool = DEFAULT_PARAMETERS["fairness"]
    compulsory_bonus: float = Field(DEFAULT_PARAMETERS["compulsory_bonus"], ge=0, le=10)
    per_month_waiting: float = Field(DEFAULT_PARAMETERS["per_month_waiting"], ge=0, le=10)
    deadline_bonus: float = Field(DEFAULT_PARAMETERS["deadline_bonus"], ge=0, le=10)


class AllocationRoundOut(Schema):
    id: int
    region: str = Field(..., alias="region.slug")
    note: str
    status: str
    stage: str
    progress: int
    created_at: dt.datetime
    parameters: dict
    newcomers_count: int
    activities_count: int
    places_count: int
    placed_count: int
    unplaced_count: int
    optimal_fit: float
    total_fit: float
    fcfs_fit: float
    fcfs_placed: int
    seconds: float
    confirmed_at: dt.datetime | None
    offers_count: int


class AllocationAssignmentOut(Schema):
    id: int
    newcomer_id: int
    activity_id: int
    fit: float
    priority: float
    distance_km: float | None
    status: Literal["proposed", "removed", "offered", "skipped"]
    enrolment_id: int | None
    note: str
    reasons: list[MatchReasonOut]

    @staticmethod
    def resolve_reasons(obj) -> list[dict]:
        return _reasons(obj.reasons)


class AllocationRoundDetailOut(AllocationRoundOut):
    unplaced: list[int]
    assignments: list[AllocationAssignmentOut]

    @staticmethod
    def resolve_assignments(obj) -> list:
        return list(obj.assignments.all())


def _rounds(request: HttpRequest):
    return AllocationRound.objects.visible_to(request.user).select_related("region")


@router.get("/allocation-rounds", response=list[AllocationRoundOut])
def list_allocation_rounds(request: HttpRequest):
    return list(_rounds(request)[:100])


@router.get("/allocation-rounds/{round_id}", response=AllocationRoundDetailOut)
def get_allocation_round(request: HttpRequest, round_id: int):
    round_ = get_object_or_404(_rounds(request), pk=round_id)
    record_access(user=request.user, action="view", obj=round_, via="api")
    return round_


@router.post("/allocation-rounds", response={201: AllocationRoundOut})
def start_allocation_round(request: HttpRequest, payload: AllocationRoundIn):
    """Start a round in a region one coordinates; the worker computes it (poll `status`
    and `progress`). 400 while another round of the region is open."""
    scope = scope_for(request.user)
    regions = Region.objects.all()
    if not scope.is_admin:
        regions = regions.filter(pk__in=scope.coordinator_region_ids)
    region = get_object_or_404(regions, slug=payload.region)
    data = payload.dict()
    parameters = {k: data[k] for k in DEFAULT_PARAMETERS}
    try:
        round_ = allocation_services.start_allocation_round(
            region=region, by=request.user, parameters=parameters, note=payload.note
        )
    except TrajectoryError as exc:
        raise HttpError(400, str(exc)) from None
    return 201, round_


@router.post("/allocation-rounds/{round_id}/confirm", response=AllocationRoundDetailOut)
def confirm_allocation_round(request: HttpRequest, round_id: int):
    """Offer every kept place of a preview (never beyond capacity; see `skipped`)."""
    round_ = get_object_or_404(_rounds(request), pk=round_id)
    try:
        round_ = allocation_services.confirm_allocation_round(round=round_, by=request.user)
    except TrajectoryError as exc:
        raise HttpError(400, str(exc)) from None
    return round_


# --- the matching weights of a region --------------------------------------------------------


class MatchingWeightsIn(Schema):
    weights: dict[str, float] = Field(
        description="weight name → value; the ones left out follow the defaults"
    )


class MatchingWeightsOut(Schema):
    id: int = Field(description="the region")
    region: str = Field(description="slug of the region")
    weights: dict[str, float] = Field(description="the weights the region's matching uses")
    own: dict[str, float] = Field(description="the weights the region set itself")
    defaults: dict[str, float]


def _weights_region(request: HttpRequest, slug: str) -> Region:
    """A region the caller coordinates (any for an admin); 404 otherwise."""
    scope = scope_for(request.user)
    regions = Region.objects.all()
    if not scope.is_admin:
        regions = regions.filter(pk__in=scope.coordinator_region_ids)
    return get_object_or_404(regions, slug=slug)


def _weights(region: Region) -> dict:
    own = matching_adapter.region_weight_values(region)
    return {
        "id": region.pk,
        "region": region.slug,
        "weights": dataclasses.asdict(matching_adapter.weights_for_region(region)),
        "own": own,
        "defaults": DEFAULT_WEIGHTS,
    }


@router.get("/regions/{slug}/matching-weights", response=MatchingWeightsOut)
def get_matching_weights(request: HttpRequest, slug: str):
    """The fit weights of a region one coordinates: those in use, its own, the defaults."""
    return _weights(_weights_region(request, slug))


@router.put("/regions/{slug}/matching-weights", response=MatchingWeightsOut)
def set_matching_weights(request: HttpRequest, slug: str, payload: MatchingWeightsIn):
    """Replace the weights the region sets itself (`{}`: back to the defaults). 400 for an
    unknown weight, a negative value or one above its bound."""
    region = _weights_region(request, slug)
    try:
        weights_services.set_region_weights(
            region=region, values=payload.weights, by=request.user, via="api"
        )
    except TrajectoryError as exc:
        raise HttpError(400, str(exc)) from None
    return _weights(region)
