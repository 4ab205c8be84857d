"""The buddy project in the API, scoped to the caller's regions (outside scope: 404)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from pnt.accounts.audit import record_access
from pnt.buddies import queries, services
from pnt.buddies.errors import BuddyError
from pnt.buddies.models import Pair, Volunteer

router = Router(tags=["buddies"])


class VolunteerOut(Schema):
    id: int
    first_name: str
    status: str
    municipality_nis_code: str
    interests: list[str]
    max_newcomers: int

    @staticmethod
    def resolve_municipality_nis_code(obj: Volunteer) -> str:
        return obj.municipality.nis_code


class RequestOut(Schema):
    id: int
    newcomer_id: int
    status: str
    priority: int
    requested_at: dt.datetime
    municipality_nis_code: str = Field(..., alias="newcomer.municipality.nis_code")


class BuddyReasonOut(Schema):
    code: str
    params: dict
    text: str


class ProposalOut(Schema):
    id: int
    request_id: int
    newcomer_id: int = Field(..., alias="request.newcomer_id")
    volunteer_id: int
    fit: float
    distance_km: float | None
    status: str
    reasons: list[BuddyReasonOut]


class BuddyRoundOut(Schema):
    id: int
    region: str = Field(..., alias="region.slug")
    status: str
    started_at: dt.datetime
    newcomers_count: int
    volunteers_count: int
    places_count: int
    total_fit: float
    parameters: dict


class BuddyRoundDetailOut(BuddyRoundOut):
    proposals: list[ProposalOut]

    @staticmethod
    def resolve_proposals(obj) -> list:
        return list(obj.proposals.select_related("request").order_by("-fit", "pk"))


class PairOut(Schema):
    id: int
    newcomer_id: int
    volunteer_id: int
    status: str
    started_on: dt.date | None
    ends_on: dt.date | None
    ended_on: dt.date | None
    hours: Decimal

    @staticmethod
    def resolve_hours(obj: Pair) -> Decimal:
        return sum((m.hours for m in obj.meetings.all()), Decimal("0"))


class BuddyRoundIn(Schema):
    region: str


class MeetingIn(Schema):
    date: dt.date
    hours: Decimal
    what: str


class BuddyMeetingOut(Schema):
    id: int
    date: dt.date
    hours: Decimal
    what: str


class ShortageRow(Schema):
    municipality_nis_code: str
    municipality: str
    waiting: int
    free_places: int
    shortage: int


class ShortageOut(Schema):
    id: int
    region: str
    municipalities: list[ShortageRow]


def _fail(error: BuddyError):
    raise HttpError(422, str(error))


@router.get("/volunteers", response=list[VolunteerOut])
def list_volunteers(request: HttpRequest):
    return list(queries.volunteers(request.user))


@router.get("/volunteers/{volunteer_id}", response=VolunteerOut)
def get_volunteer(request: HttpRequest, volunteer_id: int):
    volunteer = get_object_or_404(queries.volunteers(request.user), pk=volunteer_id)
    record_access(user=request.user, action="view", obj=volunteer, via="api")
    return volunteer


@router.get("/requests", response=list[RequestOut])
def list_requests(request: HttpRequest, status: str = "waiting"):
    return list(queries.requests(request.user).filter(status=status))


@router.get("/rounds", response=list[BuddyRoundOut])
def list_rounds(request: HttpRequest):
    return list(queries.rounds(request.user)[:100])


@router.get("/rounds/{round_id}", response=BuddyRoundDetailOut)
def get_round(request: HttpRequest, round_id: int):
    return get_object_or_404(queries.rounds(request.user), pk=round_id)


@router.post("/rounds", response={201: BuddyRoundDetailOut})
def start_round(request: HttpRequest, payload: BuddyRoundIn):
    region = get_object_or_404(queries.regions(request.user), slug=payload.region)
    try:
        return 201, services.start_matching_round(region=region, by=request.user)
    except BuddyError as error:
        _fail(error)


@router.post("/proposals/{proposal_id}/accept", response={201: PairOut})
def accept_proposal(request: HttpRequest, proposal_id: int):
    proposal = get_object_or_404(queries.proposals(request.user), pk=proposal_id)
    try:
        return 201, services.accept_proposal(proposal=proposal, by=request.user)
    except BuddyError as error:
        _fail(error)


@router.post("/proposals/{proposal_id}/reject", response=ProposalOut)
def reject_proposal(request: HttpRequest, proposal_id: int):
    proposal = get_object_or_404(queries.proposals(request.user), pk=proposal_id)
    try:
        return services.reject_proposal(proposal=proposal, by=request.user)
    except BuddyError as error:
        _fail(error)


@router.get("/pairs", response=list[PairOut])
def list_pairs(request: HttpRequest):
    return list(queries.pairs(request.user).prefetch_related("meetings")[:500])


@router.get("/pairs/{pair_id}", response=PairOut)
def get_pair(request: HttpRequest, pair_id: int):
    pair = get_object_or_404(queries.pairs(request.user), pk=pair_id)
    record_access(user=request.user, action="view", obj=pair, via="api")
    return pair


@router.post("/pairs/{pair_id}/meetings", response={201: BuddyMeetingOut})
def log_meeting(request: HttpRequest, pair_id: int, payload: MeetingIn):
    pair = get_object_or_404(queries.pairs(request.user), pk=pair_id)
    try:
        return 201, services.log_meeting(pair=pair, by=request.user, via="coach", **payload.dict())
    except BuddyError as error:
        _fail(error)


@router.get("/shortage/{slug}", response=ShortageOut)
def shortage(request: HttpRequest, slug: str):
    """Newcomers waiting for a buddy against free volunteer places, per municipality."""
    region = get_object_or_404(queries.regions(request.user), slug=slug)
    rows = [
        {
            "municipality_nis_code": row.municipality.nis_code,
            "municipality": row.municipality.name,
            "waiting": row.waiting,
            "free_places": row.free_places,
            "shortage": row.shortage,
        }
        for row in queries.shortage_by_municipality(region)
    ]
    return {"id": region.pk, "region": region.slug, "municipalities": rows}
