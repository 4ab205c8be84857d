"""The attendance step of the demo generator: sessions and attendance rows behind the hours.

People are generated with a target number of hours per trajectory. This step turns each
target into a ledger: weekly sessions of the activities the newcomer attends (shared by all
participants of an activity), one *present* row per session attended, now and then an
absence, until the target is reached. The trajectory's summary (hours, first and last
attended day, completion) is then recomputed from the ledger with the same rules as
`pnt.trajectories.services.recount_hours`, so the demo and the application never disagree.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from pnt.offer.models import Activity
from pnt.trajectories import quarter_hours
from pnt.trajectories.models import ActivitySession, Attendance, Enrolment, Trajectory
from pnt.trajectories.services import PNT_HOURS
from pnt.web.demo.world import World

ATTENDED = (Enrolment.Status.ATTENDING, Enrolment.Status.FINISHED)
ABSENCE_CHANCE = 0.08
DEFAULT_START = dt.time(14, 0)


@dataclass
class _Plan:
    enrolment_id: int
    activity: Activity


def add_attendance(world: World) -> int:
    """Sessions and attendance rows for every started trajectory; returns the rows made."""
    targets = dict(
        Trajectory.objects.filter(pnt_started_on__isnull=False, hours__gt=0).values_list(
            "newcomer_id", "hours"
        )
    )
    if not targets:
        return 0
    trajectories = {
        t.newcomer_id: t for t in Trajectory.objects.filter(newcomer_id__in=list(targets))
    }
    counting = {a.pk: a for a in Activity.objects.all() if a.counts_for_pnt}
    plans: dict[int, list[_Plan]] = defaultdict(list)
    enrolments = Enrolment.objects.filter(
        newcomer_id__in=list(targets), status__in=ATTENDED, activity_id__in=list(counting)
    ).values_list("pk", "newcomer_id", "activity_id")
    for pk, newcomer_id, activity_id in enrolments.order_by("pk"):
        plans[newcomer_id].append(_Plan(pk, counting[activity_id]))

    marks: list[tuple[tuple[int, dt.date], int, str, Decimal]] = []
    for newcomer_id in sorted(targets):
        if plans[newcomer_id]:
            trajectory = trajectories[newcomer_id]
            _plan_newcomer(world, trajectory, targets[newcomer_id], plans[newcomer_id], marks)
    sessions: dict[tuple[int, dt.date], ActivitySession] = {}
    for key, *_rest in marks:
        if key not in sessions:
            sessions[key] = _session(key, counting[key[0]])

    saved = world.save(ActivitySession, list(sessions.values()), "sessions")
    by_key = {(s.activity_id, s.date): s for s in saved}
    rows = [
        Attendance(
            session=by_key[key],
            enrolment_id=enrolment_id,
            status=status,
            hours=hours,
            recorded_at=world.moment(key[1]),
        )
        for key, enrolment_id, status, hours in marks
    ]
    world.save(Attendance, rows, "attendance rows")
    quarter_hours.rebuild()  # bulk rows bypass recount_hours: sum the quarters once
    _summarise(world, trajectories, marks, plans)
    return len(rows)


def _plan_newcomer(
    world: World,
    trajectory: Trajectory,
    target: Decimal,
    plans: list[_Plan],
    marks: list[tuple[tuple[int, dt.date], int, str, Decimal]],
) -> None:
    """Visits spread evenly between the first and the last attended day until the target is
    reached: weekly sessions of each attended activity, a few more a week when needed."""
    first = trajectory.pnt_started_on
    last = trajectory.last_attended_on or trajectory.completed_on or world.today
    last = max(first, min(last, world.today))
    weeks = (last - first).days // 7 + 1
    per_week = sum(p.activity.hours_per_session or Decimal("2") for p in plans)
    extra = min(3, max(1, math.ceil(target / (per_week * weeks))))
    slots = sorted(
        {
            (day, plan.enrolment_id): plan
            for week in range(weeks)
            for plan in plans
            for repeat in range(extra)
            if (day := _day_in_week(first, week, plan.activity) + dt.timedelta(days=2 * repeat))
            <= last
        }.items()
    )
    if not slots:
        slots = [((first, plans[0].enrolment_id), plans[0])]
    average = per_week / len(plans)
    wanted = min(len(slots), math.ceil(target / average * Decimal("1.1")))
    step = (len(slots) - 1) / max(1, wanted - 1)
    # Latest first, so the last attended day stays where the demo put it.
    chosen = sorted({round(len(slots) - 1 - i * step) for i in range(wanted)}, reverse=True)
    taken = set(chosen)
    order = chosen + [i for i in reversed(range(len(slots))) if i not in taken]
    done = Decimal("0")
    for index in order:
        if done >= target:
            return
        (day, enrolment_id), plan = slots[index]
        key = (plan.activity.pk, day)
        if done > 0 and world.chance(ABSENCE_CHANCE):
            marks.append((key, enrolment_id, Attendance.Status.ABSENT, Decimal(0)))
            continue
        hours = min(plan.activity.hours_per_session or Decimal("2"), target - done)
        marks.append((key, enrolment_id, Attendance.Status.PRESENT, hours))
        done += hours


def _day_in_week(first: dt.date, week: int, activity: Activity) -> dt.date:
    start = first + dt.timedelta(days=7 * week)
    if activity.weekday is None:
        return start
    return start + dt.timedelta(days=(activity.weekday - start.weekday()) % 7)


def _session(key: tuple[int, dt.date], activity: Activity) -> ActivitySession:
    start = activity.start_time or DEFAULT_START
    length = activity.hours_per_session or Decimal("2")
    minutes = start.hour * 60 + start.minute + int(length * 60)
    minutes = min(minutes, 23 * 60 + 59)
    end = dt.time(minutes // 60, minutes % 60)
    return ActivitySession(activity_id=key[0], date=key[1], start=start, end=end)


def _summarise(
    world: World,
    trajectories: dict[int, Trajectory],
    marks: list[tuple[tuple[int, dt.date], int, str, Decimal]],
    plans: dict[int, list[_Plan]],
) -> None:
    """Hours, first/last day and completion from the ledger (rules of recount_hours)."""
    owner = {p.enrolment_id: newcomer for newcomer, ps in plans.items() for p in ps}
    per_day: dict[int, dict[dt.date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for (_activity, day), enrolment_id, status, hours in marks:
        if status == Attendance.Status.PRESENT and hours > 0:
            per_day[owner[enrolment_id]][day] += hours
    changed = []
    for newcomer_id, trajectory in trajectories.items():
        days = per_day.get(newcomer_id)
        if not days:
            trajectory.hours = Decimal("0")
            trajectory.pnt_started_on = None
            trajectory.last_attended_on = None
            trajectory.completed_on = None
            if trajectory.status in (Trajectory.Status.ACTIVE, Trajectory.Status.COMPLETED):
                trajectory.status = Trajectory.Status.SEARCHING
            changed.append(trajectory)
            continue
        total, reached = Decimal("0"), None
        for day in sorted(days):
            total += days[day]
            if reached is None and total >= PNT_HOURS:
                reached = day
        trajectory.hours = total
        trajectory.pnt_started_on = min(days)
        trajectory.last_attended_on = max(days)
        trajectory.completed_on = reached
        if reached is not None and trajectory.status in (
            Trajectory.Status.ACTIVE,
            Trajectory.Status.SEARCHING,
            Trajectory.Status.INTAKE,
        ):
            trajectory.status = Trajectory.Status.COMPLETED
        elif reached is None and trajectory.status == Trajectory.Status.COMPLETED:
            trajectory.status = Trajectory.Status.ACTIVE
        changed.append(trajectory)
    fields = ["hours", "pnt_started_on", "last_attended_on", "completed_on", "status"]
    Trajectory.objects.bulk_update(changed, fields, batch_size=2_000)
    world.counts["trajectories with a ledger"] = sum(1 for t in changed if t.hours > 0)
