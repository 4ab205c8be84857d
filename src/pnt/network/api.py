"""JSON API of pnt.network, scoped like the pages: core partners see the region's whole
network space, others only what they take part in; anything else answers 404."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from pnt.accounts.audit import record_access
from pnt.network import measures, progress, queries, services
from pnt.network.errors import NetworkError
from pnt.network.models import ActionPoint, Partner

router = Router(tags=["network"])


def _fail(error: NetworkError):
    raise HttpError(400, str(error))


class ContactOut(Schema):
    name: str
    function: str
    email: str
    phone: str


class PartnerOut(Schema):
    id: int
    region: str = Field(..., alias="region.slug")
    name: str
    tier: str
    sector: str
    municipality_nis_code: str | None = Field(None, alias="municipality.nis_code")
    provider_id: int | None
    role: str
    active: bool


class PartnerDetailOut(PartnerOut):
    contacts: list[ContactOut]

    @staticmethod
    def resolve_contacts(obj: Partner) -> list:
        return list(obj.contacts.all())


class AgreementOut(Schema):
    id: int
    region: str = Field(..., alias="region.slug")
    kind: str
    title: str
    party_ids: list[int]
    starts_on: dt.date
    ends_on: dt.date | None
    renewal_due_on: dt.date | None
    state: str
    has_document: bool

    @staticmethod
    def resolve_party_ids(obj) -> list[int]:
        return [p.pk for p in obj.parties.all()]

    @staticmethod
    def resolve_state(obj) -> str:
        return obj.state()

    @staticmethod
    def resolve_has_document(obj) -> bool:
        return bool(obj.document)


class NetworkMeetingOut(Schema):
    id: int
    group_id: int
    group: str = Field(..., alias="group.name")
    group_kind: str = Field(..., alias="group.kind")
    title: str
    starts_at: dt.datetime
    place: str
    status: str


class AgendaItemOut(Schema):
    position: int
    title: str
    notes: str
    action_point_ids: list[int]
    action_id: int | None

    @staticmethod
    def resolve_action_point_ids(obj) -> list[int]:
        return [p.pk for p in obj.action_points.all()]


class ActionPointOut(Schema):
    id: int
    meeting_id: int
    decision_id: int | None
    action_id: int | None
    title: str
    owner_id: int | None
    owner_partner_id: int | None
    due_on: dt.date | None
    status: str
    done_on: dt.date | None


class DecisionOut(Schema):
    id: int
    text: str
    agenda_item_id: int | None


class CaseDiscussionOut(Schema):
    id: int
    reference: str
    question: str
    advice: str


class MeetingDetailOut(NetworkMeetingOut):
    minutes: str
    agenda: list[AgendaItemOut]
    decisions: list[DecisionOut]
    action_points: list[ActionPointOut]
    case_discussions: list[CaseDiscussionOut]


class StatusIn(Schema):
    status: str
    note: str = ""


class ActionPointIn(Schema):
    title: str
    owner_id: int | None = None
    owner_partner_id: int | None = None
    due_on: dt.date | None = None


class DecisionIn(Schema):
    text: str
    agenda_item_id: int | None = None
    action_points: list[ActionPointIn] = []


class PlanIndicatorOut(Schema):
    id: int
    name: str
    measure: str
    live: bool
    target: Decimal
    value: Decimal | None
    suppressed: bool
    percent: int | None


class ActionOut(Schema):
    id: int
    title: str
    status: str
    owner_id: int | None
    owner_partner_id: int | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    municipality_nis_codes: list[str]
    indicators: list[PlanIndicatorOut]


class PillarOut(Schema):
    number: int
    title: str
    actions: list[ActionOut]


class ActionPlanOut(Schema):
    id: int
    region: str = Field(..., alias="region.slug")
    title: str
    starts_on: dt.date
    ends_on: dt.date


class PlanStatusOut(Schema):
    id: int
    region: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    pillars: list[PillarOut]


class MeasureOut(Schema):
    key: str
    label: str
    unit: str
    counts_people: bool


class PracticeOut(Schema):
    id: int
    region: str = Field(..., alias="region.slug")
    title: str
    summary: str
    where: str
    contact: str
    effort: str
    results: str
    themes: list[str]
    shared: bool
    activity_ids: list[int]

    @staticmethod
    def resolve_activity_ids(obj) -> list[int]:
        return [a.pk for a in obj.activities.all()]


class DeliverableOut(Schema):
    id: int
    title: str
    due_on: dt.date
    status: str
    submitted_on: dt.date | None
    has_document: bool

    @staticmethod
    def resolve_has_document(obj) -> bool:
        return bool(obj.document)


class ApplicationOut(Schema):
    id: int
    region: str = Field(..., alias="region.slug")
    programme: str = Field(..., alias="programme.name")
    funder: str = Field(..., alias="programme.funder")
    title: str
    amount_requested: Decimal
    amount_granted: Decimal | None
    starts_on: dt.date
    ends_on: dt.date
    submit_by: dt.date | None
    status: str
    deliverables: list[DeliverableOut]

    @staticmethod
    def resolve_deliverables(obj) -> list:
        return list(obj.deliverables.all())


# --- partners and agreements ---------------------------------------------------------------


@router.get("/partners", response=list[PartnerOut])
def list_partners(request: HttpRequest):
    return list(queries.partners(request.user).select_related("municipality")[:1000])


@router.get("/partners/{partner_id}", response=PartnerDetailOut)
def get_partner(request: HttpRequest, partner_id: int):
    return get_object_or_404(queries.partners(request.user), pk=partner_id)


@router.get("/agreements", response=list[AgreementOut])
def list_agreements(request: HttpRequest):
    return list(queries.agreements(request.user).prefetch_related("parties")[:1000])


@router.get("/agreements/{agreement_id}", response=AgreementOut)
def get_agreement(request: HttpRequest, agreement_id: int):
    return get_object_or_404(queries.agreements(request.user), pk=agreement_id)


# --- meetings and action points ------------------------------------------------------------


@router.get("/meetings", response=list[NetworkMeetingOut])
def list_meetings(request: HttpRequest):
    return list(queries.meetings(request.user).order_by("-starts_at")[:500])


@router.get("/meetings/{meeting_id}", response=MeetingDetailOut)
def get_meeting(request: HttpRequest, meeting_id: int):
    """The meeting; its case discussions only about trajectories the caller may open."""
    meeting = get_object_or_404(queries.meetings(request.user), pk=meeting_id)
    cases = list(queries.case_discussions(request.user, meeting))
    for case in cases:
        record_access(user=request.user, action="view", obj=case, via="api")
    meeting.case_discussions = cases
    return meeting


@router.post("/meetings/{meeting_id}/decisions", response={201: DecisionOut})
def record_decision(request: HttpRequest, meeting_id: int, payload: DecisionIn):
    """A decision with its action points (the region's staff)."""
    meeting = get_object_or_404(queries.meetings(request.user), pk=meeting_id)
    if not queries.manages(request.user, meeting.group.region_id):
        raise HttpError(404, "Not Found")
    region = meeting.group.region
    agenda_item = None
    if payload.agenda_item_id is not None:
        agenda_item = get_object_or_404(meeting.agenda, pk=payload.agenda_item_id)
    points = []
    for row in payload.action_points:
        owner = partner = None
        if row.owner_id is not None:
            owner = get_object_or_404(queries.people_of(region), pk=row.owner_id)
        if row.owner_partner_id is not None:
            partner = get_object_or_404(
                Partner.objects.filter(region=region), pk=row.owner_partner_id
            )
        points.append({"title": row.title, "owner": owner, "owner_partner": partner,
                       "due_on": row.due_on})  # fmt: skip
    try:
        decision = services.record_decision(
            meeting=meeting, by=request.user, text=payload.text, agenda_item=agenda_item,
            action_points=points,
        )  # fmt: skip
    except NetworkError as error:
        _fail(error)
    return 201, decision


@router.get("/action-points", response=list[ActionPointOut])
def list_action_points(request: HttpRequest, status: str = ""):
    points = queries.action_points(request.user)
    if status:
        points = points.filter(status=status)
    return list(points.order_by("due_on", "pk")[:1000])


@router.post("/action-points/{point_id}/status", response=ActionPointOut)
def change_action_point(request: HttpRequest, point_id: int, payload: StatusIn):
    """Move an action point along its lifecycle (its owner, or the region's staff)."""
    point = get_object_or_404(queries.changeable_action_points(request.user), pk=point_id)
    if payload.status not in ActionPoint.Status.values:
        raise HttpError(400, "Unknown status.")
    try:
        return services.change_action_point(
            action_point=point, by=request.user, status=payload.status, note=payload.note
        )
    except NetworkError as error:
        _fail(error)


# --- the plan ------------------------------------------------------------------------------


@router.get("/measures", response=list[MeasureOut])
def list_measures(request: HttpRequest):
    """The live figures an indicator can follow."""
    return [
        {"key": m.key, "label": str(m.label), "unit": str(m.unit), "counts_people": m.counts_people}
        for m in measures.all_measures()
    ]


@router.get("/plans", response=list[ActionPlanOut])
def list_plans(request: HttpRequest):
    return list(queries.plans(request.user))


@router.get("/plans/{plan_id}", response=PlanStatusOut)
def get_plan(request: HttpRequest, plan_id: int):
    """The plan with every action and its indicators' live values."""
    plan = get_object_or_404(queries.plans(request.user), pk=plan_id)
    pillars = []
    for row in progress.plan_status(plan, request.user):
        actions = []
        for item in row.actions:
            action = item.action
            actions.append({
                "id": action.pk, "title": action.title, "status": action.status,
                "owner_id": action.owner_id, "owner_partner_id": action.owner_partner_id,
                "starts_on": action.starts_on, "ends_on": action.ends_on,
                "municipality_nis_codes": [m.nis_code for m in action.municipalities.all()],
                "indicators": [_indicator(s) for s in item.indicators],
            })  # fmt: skip
        pillars.append({"number": row.pillar.number, "title": row.pillar.title, "actions": actions})
    return {"id": plan.pk, "region": plan.region.slug, "title": plan.title,
            "starts_on": plan.starts_on, "ends_on": plan.ends_on, "pillars": pillars}  # fmt: skip


def _indicator(status: progress.IndicatorStatus) -> dict:
    indicator = status.indicator
    return {"id": indicator.pk, "name": indicator.name, "measure": indicator.measure,
            "live": status.live, "target": indicator.target, "value": status.value,
            "suppressed": status.suppressed, "percent": status.percent}  # fmt: skip


# --- good practices and funding ------------------------------------------------------------


@router.get("/practices", response=list[PracticeOut])
def list_practices(request: HttpRequest, q: str = "", theme: str = ""):
    practices = queries.search_practices(queries.practices(request.user), q, theme)
    return list(practices.prefetch_related("activities")[:500])


@router.get("/practices/{practice_id}", response=PracticeOut)
def get_practice(request: HttpRequest, practice_id: int):
    return get_object_or_404(queries.practices(request.user), pk=practice_id)


@router.get("/funding/applications", response=list[ApplicationOut])
def list_applications(request: HttpRequest):
    return list(queries.applications(request.user).prefetch_related("deliverables")[:500])


@router.get("/funding/applications/{application_id}", response=ApplicationOut)
def get_application(request: HttpRequest, application_id: int):
    return get_object_or_404(queries.applications(request.user), pk=application_id)
