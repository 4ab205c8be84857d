"""Groups, meetings, the agenda, decisions, action points and case discussions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.accounts.models import User
from pnt.geo.models import Region
from pnt.network import queries
from pnt.network.errors import NetworkError
from pnt.network.models import (
    Action,
    ActionPoint,
    AgendaItem,
    CaseDiscussion,
    Decision,
    Group,
    Meeting,
    Partner,
)
from pnt.network.models.meetings import case_reference
from pnt.network.services.audit import record_change, snapshot
from pnt.trajectories.models import Trajectory

GROUP_FIELDS = ("kind", "name", "purpose")
MEETING_FIELDS = ("group", "title", "starts_at", "place", "minutes")


@transaction.atomic
def create_group(
    *,
    region: Region,
    by: User,
    kind: str,
    name: str,
    purpose: str = "",
    members: Iterable[User] = (),
    partners: Iterable[Partner] = (),
) -> Group:
    group = Group.objects.create(region=region, kind=kind, name=name, purpose=purpose)
    group.members.set(list(members))
    partners = list(partners)
    if any(p.region_id != region.pk for p in partners):
        raise NetworkError(_("Every partner must be a partner of this network."))
    group.partners.set(partners)
    return group


@transaction.atomic
def update_group(
    *,
    group: Group,
    by: User,
    kind: str,
    name: str,
    purpose: str = "",
    members: Iterable[User] = (),
    partners: Iterable[Partner] = (),
) -> Group:
    """Correct a group: its kind, name, purpose, members and partners. The region stays;
    every partner must be one of its network. The change is in the audit log."""
    partners = list(partners)
    if any(p.region_id != group.region_id for p in partners):
        raise NetworkError(_("Every partner must be a partner of this network."))
    before = snapshot(group, GROUP_FIELDS, many=("members", "partners"))
    group.kind, group.name, group.purpose = kind, name, purpose
    group.save(update_fields=list(GROUP_FIELDS))
    group.members.set(list(members))
    group.partners.set(partners)
    after = snapshot(group, GROUP_FIELDS, many=("members", "partners"))
    record_change(by=by, obj=group, before=before, after=after)
    return group


@transaction.atomic
def plan_meeting(
    *,
    group: Group,
    by: User,
    starts_at: dt.datetime,
    title: str = "",
    place: str = "",
    guests: Iterable[User] = (),
) -> Meeting:
    """A new meeting of the group; without a title it is named after the group and day."""
    if not title:
        day = timezone.localtime(starts_at).date() if timezone.is_aware(starts_at) else starts_at
        title = f"{group.name} {day:%d-%m-%Y}"
    meeting = Meeting.objects.create(
        group=group, title=title, starts_at=starts_at, place=place, created_by=by
    )
    meeting.guests.set(list(guests))
    return meeting


@transaction.atomic
def update_meeting(
    *,
    meeting: Meeting,
    by: User,
    group: Group,
    starts_at: dt.datetime,
    title: str,
    place: str = "",
    minutes: str = "",
) -> Meeting:
    """Correct a meeting: its group, date, title, place and minutes. The group must be one
    of the same network; decisions, action points and cases move with the meeting. Its
    status is left alone. The change is in the audit log."""
    if group.region_id != meeting.group.region_id:
        raise NetworkError(_("A meeting can only move to a group of the same network."))
    if not title.strip():
        raise NetworkError(_("A meeting needs a title."))
    before = snapshot(meeting, MEETING_FIELDS)
    meeting.group, meeting.starts_at = group, starts_at
    meeting.title, meeting.place, meeting.minutes = title.strip(), place, minutes
    meeting.save(update_fields=list(MEETING_FIELDS))
    record_change(by=by, obj=meeting, before=before, after=snapshot(meeting, MEETING_FIELDS))
    return meeting


@transaction.atomic
def edit_agenda(
    *,
    meeting: Meeting,
    by: User,
    items: Iterable[dict] = (),
    remove: Iterable[AgendaItem] = (),
) -> list[AgendaItem]:
    """Rewrite the agenda: `items` in their new order, each a dict of `item` (an existing
    agenda item of this meeting, or None for a new point), `title` and `notes`; the items
    in `remove` go. Items named in neither keep their place after the listed ones (someone
    may have added a point meanwhile). Decisions on a removed item stay, without it."""
    items, removed = list(items), {item.pk for item in remove}
    current = {item.pk: item for item in meeting.agenda.select_for_update()}
    listed = {row["item"].pk for row in items if row.get("item") is not None}
    if not (listed | removed) <= current.keys():
        raise NetworkError(_("The agenda item belongs to another meeting."))
    if any(not row.get("title", "").strip() for row in items):
        raise NetworkError(_("Every point on the agenda needs a title."))
    rows = [
        (_agenda_item(meeting, current, row), row["title"].strip(), row.get("notes", ""))
        for row in items
        if row.get("item") is None or row["item"].pk not in removed
    ]
    rest = [item for pk, item in current.items() if pk not in (removed | listed)]
    rows += [(item, item.title, item.notes) for item in sorted(rest, key=_agenda_order)]
    AgendaItem.objects.filter(pk__in=removed).delete()
    changed = bool(removed)
    for position, (item, title, notes) in enumerate(rows, start=1):
        if item.pk is None or (item.position, item.title, item.notes) != (position, title, notes):
            item.position, item.title, item.notes = position, title, notes
            item.save()
            changed = True
    if changed:
        record_access(user=by, action="change", obj=meeting, detail="changed: agenda")
    return [row[0] for row in rows]


def _agenda_item(meeting: Meeting, current: dict[int, AgendaItem], row: dict) -> AgendaItem:
    return current[row["item"].pk] if row.get("item") is not None else AgendaItem(meeting=meeting)


def _agenda_order(item: AgendaItem) -> tuple[int, int]:
    return (item.position, item.pk)


def _next_position(meeting: Meeting) -> int:
    return (meeting.agenda.aggregate(n=Max("position"))["n"] or 0) + 1


@transaction.atomic
def add_agenda_item(
    *,
    meeting: Meeting,
    by: User,
    title: str,
    notes: str = "",
    action_points: Iterable[ActionPoint] = (),
    action: Action | None = None,
) -> AgendaItem:
    item = AgendaItem.objects.create(
        meeting=meeting, position=_next_position(meeting), title=title, notes=notes, action=action
    )
    item.action_points.set(list(action_points))
    return item


@transaction.atomic
def agenda_from_open_actions(
    *,
    meeting: Meeting,
    by: User,
    action_points: Iterable[ActionPoint] = (),
    actions: Iterable[Action] = (),
) -> list[AgendaItem]:
    """Put the chosen open action points and plan actions on the agenda, in that order,
    each once; points already on the agenda are skipped. Only open points of the same
    group and open actions of the same region's plan are accepted."""
    allowed_points = set(queries.open_action_points(meeting.group).values_list("pk", flat=True))
    allowed_actions = set(queries.open_actions(meeting.group).values_list("pk", flat=True))
    present_points = set(meeting.agenda.values_list("action_points", flat=True))
    present_actions = set(meeting.agenda.values_list("action_id", flat=True))
    position = _next_position(meeting)
    made, reviewed = [], []
    for point in action_points:
        if point.pk not in allowed_points:
            raise NetworkError(_("Only open action points of this group can go on the agenda."))
        if point.pk in present_points:
            continue
        notes = _point_notes(point)
        made.append(AgendaItem(meeting=meeting, position=position, title=point.title,
                               notes=notes))  # fmt: skip
        reviewed.append(point)
        position += 1
    for action in actions:
        if action.pk not in allowed_actions:
            raise NetworkError(_("Only open actions of the network's plan can go on the agenda."))
        if action.pk in present_actions:
            continue
        notes = f"{action.pillar} — {action.get_status_display()}"
        made.append(AgendaItem(meeting=meeting, position=position, title=action.title,
                               notes=notes, action=action))  # fmt: skip
        position += 1
    for item in made:
        item.save()
    # The point items come first in `made`, in the order of `reviewed`.
    links = AgendaItem.action_points.through
    links.objects.bulk_create(
        [links(agendaitem_id=item.pk, actionpoint_id=point.pk)
         for item, point in zip(made, reviewed, strict=False)]
    )  # fmt: skip
    return made


def _point_notes(point: ActionPoint) -> str:
    parts = [point.get_status_display()]
    if point.owner_label:
        parts.append(point.owner_label)
    if point.due_on:
        parts.append(_("due %(date)s") % {"date": point.due_on.strftime("%d-%m-%Y")})
    return " · ".join(parts)


@transaction.atomic
def save_minutes(*, meeting: Meeting, by: User, minutes: str, held: bool = True) -> Meeting:
    meeting.minutes = minutes
    if held and meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["minutes", "status"])
    return meeting


def _check_owner(meeting: Meeting, owner_partner: Partner | None) -> None:
    if owner_partner is not None and owner_partner.region_id != meeting.group.region_id:
        raise NetworkError(_("The owner must be a partner of this network."))


@transaction.atomic
def add_action_point(
    *,
    meeting: Meeting,
    by: User,
    title: str,
    owner: User | None = None,
    owner_partner: Partner | None = None,
    due_on: dt.date | None = None,
    decision: Decision | None = None,
    action: Action | None = None,
) -> ActionPoint:
    """An open action point; it needs an owner (a person or a partner)."""
    if owner is None and owner_partner is None:
        raise NetworkError(_("An action point needs an owner."))
    _check_owner(meeting, owner_partner)
    return ActionPoint.objects.create(
        meeting=meeting, decision=decision, action=action, title=title, owner=owner,
        owner_partner=owner_partner, due_on=due_on,
    )  # fmt: skip


@transaction.atomic
def record_decision(
    *,
    meeting: Meeting,
    by: User,
    text: str,
    agenda_item: AgendaItem | None = None,
    action_points: Iterable[dict] = (),
) -> Decision:
    """A decision with the action points that follow from it, all or nothing. Each action
    point is a dict of `title`, `owner` or `owner_partner`, `due_on`, optional `action`."""
    if not text.strip():
        raise NetworkError(_("Write down what was decided."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise NetworkError(_("The agenda item belongs to another meeting."))
    decision = Decision.objects.create(
        meeting=meeting, agenda_item=agenda_item, text=text.strip(), created_by=by
    )
    for point in action_points:
        add_action_point(meeting=meeting, by=by, decision=decision, **point)
    if meeting.status == Meeting.Status.PLANNED and meeting.starts_at <= timezone.now():
        meeting.status = Meeting.Status.HELD
        meeting.save(update_fields=["status"])
    return decision


@transaction.atomic
def change_action_point(
    *, action_point: ActionPoint, by: User, status: str, note: str = ""
) -> ActionPoint:
    """Move an action point along its lifecycle (open → in progress → done, or cancelled;
    done and cancelled can be reopened). Raises :class:`NetworkError` for any other move."""
    point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    if status not in ActionPoint.TRANSITIONS.get(point.status, ()):
        raise NetworkError(
            _("An action point that is %(now)s cannot become %(next)s.")
            % {"now": point.get_status_display(), "next": _status_label(status)}
        )
    point.status = status
    point.status_changed_at = timezone.now()
    point.done_on = timezone.localdate() if status == ActionPoint.Status.DONE else None
    if status == ActionPoint.Status.OPEN:
        point.reminded_at = None
    if note:
        point.note = f"{point.note}\n{note}".strip()
    point.save()
    return point


def _status_label(status: str) -> str:
    labels = dict(ActionPoint.Status.choices)
    return str(labels.get(status, status))


@transaction.atomic
def reschedule_action_point(
    *, action_point: ActionPoint, by: User, due_on: dt.date | None
) -> ActionPoint:
    """A new due date; the reminder will go out again before it."""
    action_point.due_on = due_on
    action_point.reminded_at = None
    action_point.save(update_fields=["due_on", "reminded_at"])
    return action_point


@transaction.atomic
def add_case_discussion(
    *,
    meeting: Meeting,
    by: User,
    trajectory: Trajectory,
    question: str,
    advice: str = "",
) -> CaseDiscussion:
    """Bring a case to the group under a pseudonymised reference. Only someone with access
    to the trajectory can; the discussion is then shown only to those with that access."""
    if not queries.visible_trajectories(by).filter(pk=trajectory.pk).exists():
        raise NetworkError(_("You can only bring cases of newcomers you follow."))
    case = CaseDiscussion.objects.create(
        meeting=meeting,
        trajectory=trajectory,
        reference=case_reference(trajectory.pk),
        question=question,
        advice=advice,
        created_by=by,
    )
    record_access(user=by, action="create", obj=case, detail=case.reference)
    return case
