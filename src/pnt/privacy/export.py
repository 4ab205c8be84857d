"""Everything pnt holds about one newcomer or one volunteer (GDPR articles 15 and 20), as
JSON and as a readable PDF. Other people appear only as far as needed: a buddy by first
name, staff by name."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from pnt.privacy.audit_log import entries_about
from pnt.privacy.consent import consents_of


@dataclass
class Section:
    key: str
    title: str
    columns: list[tuple[str, str]] = field(default_factory=list)  # (key, label)
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [label for _key, label in self.columns]

    @property
    def record(self) -> list[tuple[str, str]]:
        """(label, text) of the first row: one person, one trajectory, one intake."""
        if not self.rows:
            return []
        return [(label, _human(self.rows[0].get(key))) for key, label in self.columns]

    @property
    def table(self) -> list[list[str]]:
        """The rows as texts in the order of the columns (for the PDF)."""
        return [[_human(row.get(key)) for key, _label in self.columns] for row in self.rows]


def _human(value: Any) -> str:
    """A value of the JSON export as a person reads it."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(_human(v) for v in value)
    if isinstance(value, str) and len(value) >= 16 and value[4] == "-" and value[10] == "T":
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        return moment.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return str(value)


def _section(key: str, title, objects, fields: list[str], extra=None) -> Section:
    """One table: a row per object, a column per field (choices shown by their label)."""
    objects = list(objects)
    columns: list[tuple[str, str]] = []
    model = objects[0].__class__ if objects else None
    for name in fields:
        label = name
        if model is not None:
            try:
                label = str(model._meta.get_field(name).verbose_name)
            except Exception:  # a computed column
                label = name.replace("_", " ")
        columns.append((name, label))
    for name, label in (extra or {}).get("columns", []):
        columns.append((name, str(label)))
    rows = []
    for obj in objects:
        row = {}
        for name in fields:
            display = getattr(obj, f"get_{name}_display", None)
            row[name] = _plain(display() if callable(display) else getattr(obj, name))
        if extra:
            row.update({k: _plain(v) for k, v in extra["values"](obj).items()})
        rows.append(row)
    return Section(key, str(title), columns, rows)


NEWCOMER_FIELDS = [
    "first_name", "last_name", "email", "phone", "municipality", "languages",
    "preferred_language", "dutch_level", "birth_year", "gender", "obliged",
    "working_or_studying", "obligation_start", "counsellor", "coach", "interests", "goals",
    "created_at",
]  # fmt: skip
VOLUNTEER_FIELDS = [
    "first_name", "last_name", "email", "phone", "municipality", "languages", "interests",
    "availability", "max_travel_km", "max_newcomers", "birth_year", "age_group", "gender",
    "same_gender_only", "motivation", "notes", "status", "screened_at", "consent_at",
    "created_at",
]  # fmt: skip


def _common(obj: models.Model) -> list[Section]:
    return [
        _section(
            "consents", _("Consents"), consents_of(obj),
            ["purpose", "statement", "given_at", "source", "withdrawn_at"],
        ),
        _section(
            "access_log", _("Who looked at or changed this record"),
            entries_about(obj).order_by("at"),
            ["at", "user", "action", "object_type", "via"],
        ),
    ]  # fmt: skip


def newcomer_sections(newcomer) -> list[Section]:
    from pnt.buddies.models import BuddyRequest, Meeting, Pair
    from pnt.trajectories.models import (
        Attendance,
        CoachNote,
        Enrolment,
        Intake,
        Move,
        Notification,
        ParticipationProof,
        Trajectory,
    )  # fmt: skip

    pairs = Pair.objects.filter(newcomer=newcomer).select_related("volunteer")
    buddy = {
        "columns": [("buddy", _("buddy"))],
        "values": lambda pair: {"buddy": pair.volunteer.first_name},
    }
    return [
        _section("person", _("Personal details"), [newcomer], NEWCOMER_FIELDS),
        _section(
            "trajectory", _("Trajectory"), Trajectory.objects.filter(newcomer=newcomer),
            ["status", "compulsory", "opened_on", "pnt_started_on", "completed_on", "deadline",
             "hours", "last_attended_on", "stopped_on", "next_action", "next_action_on"],
        ),
        _section(
            "intake", _("Intake"), Intake.objects.filter(newcomer=newcomer),
            ["held_on", "held_by", "talents", "availability", "mobility", "max_km",
             "childcare_needed", "cost_barrier", "confidence_barrier", "language_barrier",
             "notes"],
        ),
        _section(
            "enrolments", _("Enrolments"),
            Enrolment.objects.filter(newcomer=newcomer).select_related("activity"),
            ["activity", "status", "requested_at", "confirmed_at", "closed_at", "close_reason"],
        ),
        _section(
            "attendance", _("Attendance"),
            Attendance.objects.filter(enrolment__newcomer=newcomer)
            .select_related("session__activity").order_by("session__date"),
            ["session", "status", "hours", "recorded_at"],
        ),
        _section(
            "proofs", _("Proofs of participation"),
            ParticipationProof.objects.filter(newcomer=newcomer).select_related("activity"),
            ["activity", "hours", "first_date", "last_date", "confirmed_by_name",
             "confirmed_at", "accepted_at"],
        ),
        _section(
            "moves", _("Moves"), Move.objects.filter(newcomer=newcomer),
            ["moved_on", "from_municipality", "to_municipality", "note"],
        ),
        _section(
            "notes", _("Notes in the file"), CoachNote.objects.filter(newcomer=newcomer),
            ["created_at", "author", "text"],
        ),
        _section(
            "buddy_requests", _("Requests for a buddy"),
            BuddyRequest.objects.filter(newcomer=newcomer),
            ["status", "requested_at", "interests", "availability", "note"],
        ),
        _section(
            "pairs", _("Buddy pairs"), pairs,
            ["status", "started_on", "ended_on", "conversation_note", "stop_reason"], buddy,
        ),
        _section(
            "meetings", _("Meetings with the buddy"),
            Meeting.objects.filter(pair__newcomer=newcomer), ["date", "hours", "what"],
        ),
        _section(
            "emails", _("E-mails sent"),
            Notification.objects.filter(
                models.Q(enrolment__newcomer=newcomer) | models.Q(proof__newcomer=newcomer)
            ),
            ["kind", "to", "created_at", "sent_at"],
        ),
        *_common(newcomer),
    ]  # fmt: skip


def volunteer_sections(volunteer) -> list[Section]:
    from pnt.buddies.models import Evaluation, FollowUp, Meeting, Pair

    pairs = Pair.objects.filter(volunteer=volunteer).select_related("newcomer")
    newcomer = {
        "columns": [("newcomer", _("newcomer"))],
        "values": lambda pair: {"newcomer": pair.newcomer.first_name},
    }
    return [
        _section("person", _("Personal details"), [volunteer], VOLUNTEER_FIELDS),
        _section(
            "pairs", _("Buddy pairs"), pairs,
            ["status", "started_on", "ended_on", "conversation_note", "stop_reason"], newcomer,
        ),
        _section(
            "meetings", _("Meetings"), Meeting.objects.filter(pair__volunteer=volunteer),
            ["date", "hours", "what"],
        ),
        _section(
            "follow_ups", _("Follow-up contacts"),
            FollowUp.objects.filter(pair__volunteer=volunteer), ["due_on", "done_on", "note"],
        ),
        _section(
            "evaluations", _("Evaluations"),
            Evaluation.objects.filter(pair__volunteer=volunteer, side="volunteer"),
            ["helpful", "enjoyed", "keeps_in_touch", "comment", "submitted_at"],
        ),
        *_common(volunteer),
    ]  # fmt: skip


def sections_for(obj: models.Model) -> list[Section]:
    from pnt.trajectories.models import Newcomer

    return newcomer_sections(obj) if isinstance(obj, Newcomer) else volunteer_sections(obj)


def as_json(obj: models.Model) -> str:
    """The export as a JSON document: {"subject": …, "exported_at": …, "sections": {…}}."""
    with translation.override("nl"):
        sections = sections_for(obj)
        document = {
            "subject": {"type": obj._meta.label_lower, "id": obj.pk, "name": str(obj)},
            "exported_at": _plain(timezone.now()),
            "sections": {s.key: {"title": s.title, "rows": s.rows} for s in sections},
        }
    return json.dumps(document, ensure_ascii=False, indent=2)


def as_pdf(obj: models.Model) -> bytes:
    """The same export as a readable PDF (WeasyPrint), in Dutch."""
    from weasyprint import CSS, HTML  # imported late: WeasyPrint loads pango on import

    with translation.override("nl"):
        html = render_to_string(
            "privacy/export_pdf.html",
            {"subject": obj, "sections": sections_for(obj), "printed_at": timezone.now()},
        )
        css = render_to_string("trajectories/pdf/pdf.css")  # the house style of documents
    return HTML(string=html).write_pdf(stylesheets=[CSS(string=css)])
