"""Newcomers and trajectories in the API: always scoped, every read of a record audited.

Thin: handlers turn JSON into typed values and call the same services and queries as the
pages. A domain error answers 400 with its message; anything outside the caller's scope 404.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from pnt.accounts.audit import record_access
from pnt.accounts.scoping import scope_for
from pnt.geo.models import Municipality
from pnt.offer.models import Activity
from pnt.offer.vocabulary import Goal, Theme
from pnt.trajectories import queries, services
from pnt.trajectories.errors import DuplicateNewcomer, TrajectoryError
from pnt.trajectories.models import (
    WEEKLY_SLOTS,
    ActivitySession,
    Attendance,
    CoachNote,
    Enrolment,
    Mobility,
    Newcomer,
    ParticipationProof,
    Trajectory,
)

router = Router(tags=["trajectories"])


def _first_name_only(context) -> bool:
    """Provider staff see first name and contact only (least privilege), as on the web."""
    return queries.is_provider_only(context["request"].user)


class NewcomerOut(Schema):
    id: int
    first_name: str
    municipality_nis_code: str | None
    trajectory_status: str | None

    @staticmethod
    def resolve_municipality_nis_code(obj: Newcomer, context) -> str | None:
        return None if _first_name_only(context) else obj.municipality.nis_code

    @staticmethod
    def resolve_trajectory_status(obj: Newcomer, context) -> str | None:
        trajectory = getattr(obj, "trajectory", None)
        if trajectory is None or _first_name_only(context):
            return None
        return trajectory.status


def _newcomers(user):
    return Newcomer.objects.visible_to(user).select_related("municipality", "trajectory")


def _full_newcomer(request: HttpRequest, newcomer_id: int) -> Newcomer:
    """A newcomer whose file the caller may read and change (not provider-only staff)."""
    if queries.is_provider_only(request.user):
        raise Http404
    return get_object_or_404(_newcomers(request.user), pk=newcomer_id)


def _domain(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except TrajectoryError as exc:
        raise HttpError(400, str(exc)) from None


@router.get("/newcomers", response=list[NewcomerOut])
def list_newcomers(request: HttpRequest, limit: int = 100, offset: int = 0):
    limit = max(1, min(limit, 500))
    return list(_newcomers(request.user).order_by("pk")[offset : offset + limit])


@router.get("/newcomers/{newcomer_id}", response=NewcomerOut)
def get_newcomer(request: HttpRequest, newcomer_id: int):
    newcomer = get_object_or_404(_newcomers(request.user), pk=newcomer_id)
    record_access(user=request.user, action="view", obj=newcomer, via="api")
    return newcomer


# --- intake ---------------------------------------------------------------------------------


class IntakeIn(Schema):
    first_name: str = Field(min_length=1, max_length=80)
    last_name: str = Field(min_length=1, max_length=80)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    municipality_nis_code: str
    birth_year: int | None = Field(None, ge=1900, le=2100)
    gender: str = Field("", max_length=20)
    languages: list[str] = []
    preferred_language: Literal["nl", "en", "fr", "ar", "uk"] = "nl"
    dutch_level: int = Field(0, ge=0, le=4)
    obliged: bool = True
    working_or_studying: bool = False
    obligation_start: dt.date | None = None
    deadline: dt.date | None = None
    interests: list[Theme] = []
    talents: list[Theme] = []
    goals: list[Goal] = []
    availability: list[str] = []
    mobility: Mobility = Mobility.PUBLIC_TRANSPORT
    max_km: int = Field(10, ge=0, le=200)
    childcare_needed: bool = False
    cost_barrier: bool = False
    confidence_barrier: bool = False
    language_barrier: bool = False
    notes: str = ""
    allow_duplicate: bool = False


class DuplicateOut(Schema):
    detail: str
    matches: list[int]


SLOT_CODES = {code for code, _label in WEEKLY_SLOTS}


@router.post("/newcomers", response={201: NewcomerOut, 409: DuplicateOut})
def create_newcomer(request: HttpRequest, payload: IntakeIn):
    """The intake: a newcomer, the intake record and an open trajectory. 409 when the
    person seems to be on record already (same name, birth year and municipality, or the
    same e-mail); send `allow_duplicate: true` once checked."""
    scope = scope_for(request.user)
    if queries.is_provider_only(request.user) or not (scope.is_admin or scope.roles):
        raise HttpError(404, "Not Found")
    municipality = Municipality.objects.filter(nis_code=payload.municipality_nis_code).first()
    if municipality is None:
        raise HttpError(400, f"Unknown municipality {payload.municipality_nis_code}.")
    bad = set(payload.availability) - SLOT_CODES
    if bad:
        raise HttpError(400, f"Unknown availability slots: {', '.join(sorted(bad))}.")
    data = payload.dict()
    details = {k: data[k] for k in (
        "first_name", "last_name", "email", "phone", "birth_year", "gender", "languages",
        "preferred_language", "dutch_level", "obliged", "working_or_studying",
        "obligation_start", "interests", "goals",
    )}  # fmt: skip
    details["municipality"] = municipality
    if scope.is_counsellor:
        details["counsellor"] = request.user
    answers = {k: data[k] for k in services.INTAKE_FIELDS if k in data}
    try:
        newcomer = services.register_newcomer(
            by=request.user, details=details, answers=answers, deadline=payload.deadline,
            allow_duplicate=payload.allow_duplicate, via="api",
        )  # fmt: skip
    except DuplicateNewcomer as exc:
        return 409, {"detail": str(exc), "matches": [m.pk for m in exc.matches]}
    except TrajectoryError as exc:
        raise HttpError(400, str(exc)) from None
    return 201, newcomer


# --- the trajectory ---------------------------------------------------------------------------


class TrajectoryOut(Schema):
    newcomer_id: int
    status: str
    compulsory: bool
    opened_on: dt.date
    obligation_start: dt.date | None
    pnt_started_on: dt.date | None
    completed_on: dt.date | None
    deadline: dt.date | None
    days_until_start: int | None
    hours: Decimal
    hours_remaining: Decimal
    last_attended_on: dt.date | None
    next_action: str
    next_action_on: dt.date | None

    @staticmethod
    def resolve_obligation_start(obj: Trajectory) -> dt.date | None:
        return obj.newcomer.obligation_start


class NewcomerTrajectoryOut(Schema):
    id: int
    first_name: str
    trajectory: TrajectoryOut


@router.get("/newcomers/{newcomer_id}/trajectory", response=NewcomerTrajectoryOut)
def get_trajectory(request: HttpRequest, newcomer_id: int):
    """The newcomer's trajectory: status, key dates, days until the PNT started, hours."""
    newcomer = _full_newcomer(request, newcomer_id)
    record_access(user=request.user, action="view", obj=newcomer, via="api", detail="trajectory")
    return newcomer


class MoveIn(Schema):
    municipality_nis_code: str
    moved_on: dt.date
    note: str = Field("", max_length=255)


class MoveOut(Schema):
    id: int
    moved_on: dt.date
    from_nis_code: str
    to_nis_code: str
    still_visible: bool


@router.post("/newcomers/{newcomer_id}/move", response=MoveOut)
def move_newcomer(request: HttpRequest, newcomer_id: int, payload: MoveIn):
    newcomer = _full_newcomer(request, newcomer_id)
    to = Municipality.objects.filter(nis_code=payload.municipality_nis_code).first()
    if to is None:
        raise HttpError(400, f"Unknown municipality {payload.municipality_nis_code}.")
    move = _domain(
        services.move_newcomer, newcomer=newcomer, to_municipality=to,
        moved_on=payload.moved_on, by=request.user, note=payload.note,
    )  # fmt: skip
    return {
        "id": move.pk, "moved_on": move.moved_on,
        "from_nis_code": move.from_municipality.nis_code, "to_nis_code": to.nis_code,
        "still_visible": _newcomers(request.user).filter(pk=newcomer_id).exists(),
    }  # fmt: skip


class NoteIn(Schema):
    text: str = Field(min_length=1, max_length=5000)


class NoteOut(Schema):
    id: int
    text: str
    author: str
    created_at: dt.datetime

    @staticmethod
    def resolve_author(obj: CoachNote) -> str:
        return str(obj.author) if obj.author else ""


class NotesOut(Schema):
    id: int
    notes: list[NoteOut]


@router.get("/newcomers/{newcomer_id}/notes", response=NotesOut)
def list_notes(request: HttpRequest, newcomer_id: int):
    """The notes in the newcomer's file (`id` is the newcomer's), newest first."""
    newcomer = _full_newcomer(request, newcomer_id)
    return {"id": newcomer.pk, "notes": list(newcomer.notes.select_related("author"))}


@router.post("/newcomers/{newcomer_id}/notes", response={201: NoteOut})
def add_note(request: HttpRequest, newcomer_id: int, payload: NoteIn):
    newcomer = _full_newcomer(request, newcomer_id)
    return 201, _domain(
        services.add_note, newcomer=newcomer, author=request.user, text=payload.text
    )


# --- enrolments ---------------------------------------------------------------------------


class EnrolmentOut(Schema):
    id: int
    newcomer_id: int
    first_name: str
    activity_id: int
    status: str
    priority: int
    requested_at: dt.datetime
    confirmed_at: dt.datetime | None
    waiting_since: dt.datetime | None
    offer_expires_at: dt.datetime | None

    @staticmethod
    def resolve_first_name(obj: Enrolment) -> str:
        return obj.newcomer.first_name


class EnrolmentsOut(Schema):
    id: int
    enrolments: list[EnrolmentOut]


@router.get("/newcomers/{newcomer_id}/enrolments", response=EnrolmentsOut)
def list_newcomer_enrolments(request: HttpRequest, newcomer_id: int):
    """The newcomer's enrolments (`id` is the newcomer's); provider staff see their own."""
    newcomer = get_object_or_404(_newcomers(request.user), pk=newcomer_id)
    rows = queries.enrolments(request.user).filter(newcomer=newcomer).select_related("newcomer")
    return {"id": newcomer.pk, "enrolments": list(rows)}


class EnrolIn(Schema):
    newcomer_id: int
    activity_id: int
    confirm: bool = False


@router.post("/enrolments", response={201: EnrolmentOut})
def request_enrolment(request: HttpRequest, payload: EnrolIn):
    """Ask for a place (and with `confirm: true` give it, or queue on the waiting list)."""
    newcomer = _full_newcomer(request, payload.newcomer_id)
    activity = get_object_or_404(Activity.objects.visible_to(request.user), pk=payload.activity_id)
    enrolment = _domain(
        services.request_enrolment, newcomer=newcomer, activity=activity, by=request.user
    )
    if payload.confirm:
        enrolment = _domain(services.confirm_enrolment, enrolment=enrolment, by=request.user)
    return 201, enrolment


EnrolmentAction = Literal["confirm", "cancel", "accept-offer", "decline-offer", "no-show", "finish"]
ACTIONS = {
    "confirm": services.confirm_enrolment,
    "cancel": services.cancel_enrolment,
    "accept-offer": services.accept_offer,
    "decline-offer": services.decline_offer,
    "no-show": services.mark_no_show,
    "finish": services.finish_enrolment,
}


@router.post("/enrolments/{enrolment_id}/{action}", response=EnrolmentOut)
def change_enrolment(request: HttpRequest, enrolment_id: int, action: EnrolmentAction):
    """Move an enrolment through its states: confirm (or waiting list), cancel, accept or
    decline an offered place, mark as not come, finish."""
    enrolment = get_object_or_404(queries.enrolments(request.user), pk=enrolment_id)
    return _domain(ACTIONS[action], enrolment=enrolment, by=request.user)


def _participants_activity(request: HttpRequest, activity_id: int) -> Activity:
    return get_object_or_404(queries.activities_for_participants(request.user), pk=activity_id)


@router.get("/activities/{activity_id}/enrolments", response=EnrolmentsOut)
def list_activity_enrolments(request: HttpRequest, activity_id: int):
    """The provider's list: everyone enrolled, the waiting list in the order of offers."""
    activity = _participants_activity(request, activity_id)
    rows = (
        Enrolment.objects.filter(activity=activity)
        .select_related("newcomer")
        .order_by("priority", "waiting_since", "requested_at")
    )
    return {"id": activity.pk, "enrolments": list(rows)}


# --- sessions and attendance ---------------------------------------------------------------


class SessionIn(Schema):
    date: dt.date
    start: dt.time
    end: dt.time


class SessionOut(Schema):
    id: int
    activity_id: int
    date: dt.date
    start: dt.time
    end: dt.time
    length_hours: Decimal


class SessionsOut(Schema):
    id: int
    sessions: list[SessionOut]


@router.get("/activities/{activity_id}/sessions", response=SessionsOut)
def list_sessions(request: HttpRequest, activity_id: int):
    """The activity's sessions (`id` is the activity's)."""
    activity = _participants_activity(request, activity_id)
    return {"id": activity.pk, "sessions": list(activity.sessions.all())}


@router.post("/activities/{activity_id}/sessions", response={201: SessionOut})
def add_session(request: HttpRequest, activity_id: int, payload: SessionIn):
    activity = _participants_activity(request, activity_id)
    return 201, _domain(services.add_session, activity=activity, by=request.user, **payload.dict())


class MarkIn(Schema):
    enrolment_id: int
    status: Attendance.Status
    hours: Decimal | None = Field(None, ge=0, le=24)


class AttendanceOut(Schema):
    enrolment_id: int
    newcomer_id: int
    status: str
    hours: Decimal

    @staticmethod
    def resolve_newcomer_id(obj: Attendance) -> int:
        return obj.enrolment.newcomer_id


def _session(request: HttpRequest, session_id: int) -> ActivitySession:
    return get_object_or_404(queries.sessions(request.user), pk=session_id)


class SheetOut(Schema):
    id: int
    activity_id: int
    date: dt.date
    length_hours: Decimal
    lines: list[AttendanceOut]


class SheetIn(Schema):
    marks: list[MarkIn]


def _sheet(session: ActivitySession) -> dict:
    lines = session.attendances.select_related("enrolment").order_by("pk")
    return {"id": session.pk, "activity_id": session.activity_id, "date": session.date,
            "length_hours": session.length_hours, "lines": list(lines)}  # fmt: skip


@router.get("/sessions/{session_id}/attendance", response=SheetOut)
def list_attendance(request: HttpRequest, session_id: int):
    """The attendance sheet of one session (`id` is the session's)."""
    return _sheet(_session(request, session_id))


@router.post("/sessions/{session_id}/attendance", response=SheetOut)
def record_attendance(request: HttpRequest, session_id: int, payload: SheetIn):
    """Fill in the attendance sheet: one mark per participant. Hours default to the
    session's length and may not exceed it; one bad mark stores nothing."""
    session = _session(request, session_id)
    marks = [services.Mark(enrolment_id=m.enrolment_id, status=m.status, hours=m.hours)
             for m in payload.marks]  # fmt: skip
    _domain(services.record_attendance, session=session, marks=marks, by=request.user)
    return _sheet(session)


# --- the coach's caseload ------------------------------------------------------------------


class CaseOut(Schema):
    id: int
    first_name: str
    last_name: str
    municipality_nis_code: str
    status: str
    hours: Decimal
    deadline: dt.date | None
    flags: list[str]

    @staticmethod
    def resolve_municipality_nis_code(obj: Newcomer) -> str:
        return obj.municipality.nis_code

    @staticmethod
    def resolve_status(obj: Newcomer) -> str:
        return obj.trajectory.status

    @staticmethod
    def resolve_hours(obj: Newcomer) -> Decimal:
        return obj.trajectory.hours

    @staticmethod
    def resolve_deadline(obj: Newcomer) -> dt.date | None:
        return obj.trajectory.deadline

    @staticmethod
    def resolve_flags(obj: Newcomer) -> list[str]:
        return [kind for kind in queries.STUCK_KINDS if getattr(obj, f"flag_{kind}", False)]


@router.get("/caseload", response=list[CaseOut])
def caseload(
    request: HttpRequest,
    stuck: Literal["", "no_activity", "no_hours", "waiting_only", "deadline"] = "",
    status: str = "",
    mine: bool = False,
    no_activity_days: int = 30,
    no_hours_weeks: int = 4,
    deadline_days: int = 30,
    limit: int = 100,
    offset: int = 0,
):
    """The caseload with the same filters and stuck rules as the coach dashboard."""
    if queries.is_provider_only(request.user):
        raise Http404
    rules = queries.StuckRules(
        no_activity_days=max(1, min(no_activity_days, 365)),
        no_hours_weeks=max(1, min(no_hours_weeks, 52)),
        deadline_days=max(1, min(deadline_days, 365)),
    )
    rows = queries.filter_caseload(
        queries.caseload(request.user, rules=rules), stuck=stuck, status=status,
        mine_of=request.user if mine else None,
    ).order_by("pk")  # fmt: skip
    limit = max(1, min(limit, 500))
    return list(rows[offset : offset + limit])


# --- proofs of participation --------------------------------------------------------------


class ProofOut(Schema):
    id: int
    newcomer_id: int
    activity_id: int
    hours: Decimal
    first_date: dt.date | None
    last_date: dt.date | None
    state: str
    confirmed_by_name: str
    confirmed_at: dt.datetime | None
    accepted_at: dt.datetime | None


class ProofRequestIn(Schema):
    activity_id: int


@router.post("/newcomers/{newcomer_id}/proofs", response={201: ProofOut})
def request_proof(request: HttpRequest, newcomer_id: int, payload: ProofRequestIn):
    newcomer = _full_newcomer(request, newcomer_id)
    activity = get_object_or_404(Activity.objects.all(), pk=payload.activity_id)
    return 201, _domain(
        services.request_proof, newcomer=newcomer, activity=activity, by=request.user
    )


def _proof(request: HttpRequest, proof_id: int) -> ParticipationProof:
    return get_object_or_404(
        queries.proofs(request.user).select_related("newcomer", "activity"), pk=proof_id
    )


@router.get("/proofs/{proof_id}", response=ProofOut)
def get_proof(request: HttpRequest, proof_id: int):
    return _proof(request, proof_id)


class ProofConfirmIn(Schema):
    name: str = Field(min_length=1, max_length=120)


@router.post("/proofs/{proof_id}/confirm", response=ProofOut)
def confirm_proof(request: HttpRequest, proof_id: int, payload: ProofConfirmIn):
    """The provider's contact confirms participation (name and time are recorded)."""
    proof = _proof(request, proof_id)
    if not queries.can_confirm_proof(request.user, proof):
        raise Http404
    return _domain(services.confirm_proof, proof=proof, by=request.user, name=payload.name)


@router.post("/proofs/{proof_id}/accept", response=ProofOut)
def accept_proof(request: HttpRequest, proof_id: int):
    """The newcomer's counsellor accepts a confirmed proof."""
    proof = _proof(request, proof_id)
    if not queries.can_accept_proof(request.user, proof):
        raise Http404
    return _domain(services.accept_proof, proof=proof, by=request.user)
