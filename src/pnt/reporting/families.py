"""The numbers behind the indicators: one family of SQL aggregates per source, for one scope
and one quarter. Each function returns {indicator key: value}, plus the helper counts
(`started_by_end`, `participants_by_type`, …) that suppression needs.

No Python loop runs over rows: every figure is a COUNT, SUM or median done by the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from pnt.reporting.expressions import DaysBetween, median, median_aggregate
from pnt.reporting.indicators import START_BUCKETS
from pnt.reporting.ledger import QuarterLedger, summarise
from pnt.reporting.periods import Quarter
from pnt.reporting.scopes import ReportScope

Values = dict[str, Any]


def bounds(period: Quarter) -> tuple[dt.datetime, dt.datetime]:
    """The quarter as aware datetimes [start, end) in the local time zone."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(period.next().start, dt.time.min, tzinfo=tz)
    return start, end


def _in(field: str, period: Quarter) -> Q:
    return Q(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def _at(field: str, period: Quarter) -> Q:
    start, end = bounds(period)
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def _ratio(part, whole) -> float | None:
    return round(part / whole, 4) if whole else None


def _with_medians(qs, medians: dict[str, tuple[Any, Q]]) -> Values:
    """Medians beside the counts in one aggregate on PostgreSQL; on SQLite each median
    is a small sorted query of its own (see expressions.median)."""
    aggregates = {key: median_aggregate(expr, filter=cond) for key, (expr, cond) in medians.items()}
    if all(value is not None for value in aggregates.values()):
        return aggregates
    return {}


# --- trajectories ------------------------------------------------------------------------


def trajectories(scope: ReportScope, period: Quarter) -> Values:
    from pnt.trajectories.models import Move, Trajectory

    qs = Trajectory.objects.filter(scope.newcomers("newcomer__"))
    start, end = period.start, period.end
    open_during = (
        Q(opened_on__lte=end)
        & (Q(completed_on__isnull=True) | Q(completed_on__gte=start))
        & (Q(stopped_on__isnull=True) | Q(stopped_on__gte=start))
    )
    started = _in("pnt_started_on", period)
    completed = _in("completed_on", period)
    to_start = DaysBetween(
        F("pnt_started_on"), Coalesce(F("newcomer__obligation_start"), F("opened_on"))
    )
    to_complete = DaysBetween(F("completed_on"), F("pnt_started_on"))
    buckets = {
        f"bucket:{key}": Count(
            "pk",
            filter=started & Q(_days__gte=low) & (Q(_days__lte=high) if high is not None else Q()),
        )
        for key, low, high in START_BUCKETS
    }
    medians = {
        "median_days_to_start": (to_start, started),
        "median_days_to_completion": (to_complete, completed),
    }
    row = qs.annotate(_days=to_start).aggregate(
        in_pnt=Count("pk", filter=open_during),
        in_pnt_compulsory=Count("pk", filter=open_during & Q(compulsory=True)),
        in_pnt_voluntary=Count("pk", filter=open_during & Q(compulsory=False)),
        started=Count("pk", filter=started),
        completed=Count("pk", filter=completed),
        stopped=Count("pk", filter=_in("stopped_on", period)),
        started_by_end=Count("pk", filter=Q(pnt_started_on__lte=end)),
        completed_by_end=Count("pk", filter=Q(completed_on__lte=end)),
        **buckets,
        **_with_medians(qs, medians),
    )
    for key, (expr, cond) in medians.items():
        if key not in row:
            row[key] = median(qs, expr, filter=cond)
    row["days_to_start"] = {key: row.pop(f"bucket:{key}") for key, _low, _high in START_BUCKETS}
    row["share_reached_40h"] = _ratio(row["completed_by_end"], row["started_by_end"])
    moves = Move.objects.filter(_in("moved_on", period))
    if scope.provider_id is not None:
        moves = moves.filter(scope.newcomers("newcomer__"))
    elif scope.municipality_ids is not None:
        moves = moves.filter(from_municipality__in=scope.municipality_ids)
    row["moved"] = moves.count()
    return row


# --- the attendance ledger -----------------------------------------------------------------


def hours(scope: ReportScope, period: Quarter, ledger: QuarterLedger | None = None) -> Values:
    """Hours and participants of the quarter (see pnt.reporting.ledger: one pass over the
    ledger serves every quarter of a report)."""
    entry = ledger or summarise(scope, [period])[period]
    return {
        "hours": entry.hours,
        "participants": entry.participants,
        "samen_doen_participants": entry.by_type.get("samen_doen", (0, 0))[1],
        "hours_by_type": {kind: h for kind, (h, _n) in entry.by_type.items()},
        "participants_by_type": {kind: n for kind, (_h, n) in entry.by_type.items()},
    }


# --- the activity mix --------------------------------------------------------------------


def mix(scope: ReportScope, period: Quarter) -> Values:
    from pnt.trajectories.models import Enrolment

    rows = (
        Enrolment.objects.filter(scope.newcomers("newcomer__"), _at("requested_at", period))
        .values("activity__type")
        .annotate(n=Count("pk"))
    )
    by_type = {r["activity__type"]: r["n"] for r in rows}
    total = sum(by_type.values())
    return {
        "enrolments": total,
        "enrolments_by_type": by_type,
        "conversation_table_share": _ratio(by_type.get("conversation_table", 0), total),
    }


# --- the offer -----------------------------------------------------------------------------


def on_offer(scope: ReportScope, period: Quarter, path: str = "") -> Q:
    """Activities (not drafts) whose dates overlap the quarter, created before its end."""
    _start, end = bounds(period)
    return scope.activities(path) & Q(
        ~Q(**{f"{path}status": "draft"}),
        Q(**{f"{path}start_date__isnull": True}) | Q(**{f"{path}start_date__lte": period.end}),
        Q(**{f"{path}end_date__isnull": True}) | Q(**{f"{path}end_date__gte": period.start}),
        **{f"{path}created_at__lt": end},
    )


def offer(scope: ReportScope, period: Quarter, ledger: QuarterLedger | None = None) -> Values:
    from pnt.offer.models import Activity, Provider

    qs = Activity.objects.filter(on_offer(scope, period))
    created = _at("created_at", period)
    totals = qs.aggregate(
        activities=Count("pk"),
        places=Coalesce(Sum("capacity"), 0),
        new_activities=Count("pk", filter=created),
        new_places=Coalesce(Sum("capacity", filter=created), 0),
        local_authority_projects=Count(
            "pk", filter=Q(provider__kind=Provider.Kind.MUNICIPAL_SERVICE)
        ),
    )
    by_type = qs.values("type").annotate(n=Count("pk"), places=Sum("capacity"))
    totals["activities_by_type"] = {r["type"]: r["n"] for r in by_type}
    totals["places_by_type"] = {r["type"]: r["places"] for r in by_type}
    municipalities = {m.pk: m.name_nl for m in scope.municipalities()}
    having = set(qs.values_list("municipality_id", "type").distinct())
    for key, kind in (("without_conversation_table", "conversation_table"),
                      ("without_samen_doen", "samen_doen")):  # fmt: skip
        totals[key] = [name for pk, name in municipalities.items() if (pk, kind) not in having]
    entry = ledger or summarise(scope, [period])[period]
    taking_part = {pk for pk, (_hours, people) in entry.by_municipality.items() if people}
    supported = {pk for pk, _kind in having} | taking_part
    totals["local_authorities_supported"] = len(supported & set(municipalities))
    return totals


# --- waiting lists ---------------------------------------------------------------------------


def waiting(scope: ReportScope, period: Quarter) -> Values:
    from pnt.trajectories.models import Enrolment

    qs = Enrolment.objects.filter(scope.activities("activity__"))
    added = _at("waiting_since", period)
    offered = _at("offered_at", period) & Q(waiting_since__isnull=False)
    waited = DaysBetween(TruncDate("offered_at"), TruncDate("waiting_since"))
    row = qs.aggregate(
        waiting_added=Count("pk", filter=added),
        oversubscribed=Count("activity", distinct=True, filter=added),
        offered_from_waiting=Count("pk", filter=offered),
        waiting_now=Count("pk", filter=Q(status=Enrolment.Status.WAITING)),
        **_with_medians(qs, {"median_waiting_days": (waited, offered)}),
    )
    if "median_waiting_days" not in row:
        row["median_waiting_days"] = median(qs, waited, filter=offered)
    return row


# --- the buddy project ---------------------------------------------------------------------


def buddies(scope: ReportScope, period: Quarter) -> Values:
    from pnt.buddies.models import BuddyRequest, Meeting, Pair, Volunteer

    if scope.provider_id is not None:  # the buddy project is the network's, not a provider's
        keys = ("pairs_started", "pairs_active", "pairs_completed", "buddy_waiting",
                "volunteers_available", "meetings", "pairs_meeting")  # fmt: skip
        return dict.fromkeys(keys)
    start, end = period.start, period.end
    pairs = Pair.objects.filter(scope.newcomers("newcomer__"))
    row = pairs.aggregate(
        pairs_started=Count("pk", filter=_in("started_on", period)),
        pairs_active=Count(
            "pk",
            filter=Q(started_on__lte=end)
            & (Q(ended_on__isnull=True) | Q(ended_on__gte=start))
            & ~Q(status=Pair.Status.PROPOSED),
        ),
        pairs_completed=Count(
            "pk", filter=Q(status=Pair.Status.COMPLETED) & _in("ended_on", period)
        ),
    )
    _start, end_at = bounds(period)
    paired_by_end = Pair.objects.filter(request=OuterRef("pk"), started_on__lte=end)
    row["buddy_waiting"] = (
        BuddyRequest.objects.filter(
            scope.newcomers("newcomer__"),
            Q(closed_at__isnull=True) | Q(closed_at__gte=end_at),
            requested_at__lt=end_at,
        )
        .exclude(status=BuddyRequest.Status.WITHDRAWN, closed_at__isnull=True)
        .exclude(Exists(paired_by_end))
        .count()
    )
    row["volunteers_available"] = Volunteer.objects.filter(
        scope.volunteers(), status=Volunteer.Status.AVAILABLE
    ).count()
    meetings = Meeting.objects.filter(scope.newcomers("pair__newcomer__"), _in("date", period))
    row.update(meetings.aggregate(meetings=Count("pk"), pairs_meeting=Count("pair", distinct=True)))
    return row


# --- feedback --------------------------------------------------------------------------------


def feedback(scope: ReportScope, period: Quarter) -> Values:
    from pnt.buddies.models import Evaluation
    from pnt.reporting.models import Feedback

    answered = Feedback.objects.filter(_at("answered_at", period))
    if scope.provider_id is not None:
        newcomer_rows = answered.filter(kind__in=Feedback.NEWCOMER_KINDS).filter(
            scope.newcomers("newcomer__")
        )
        provider_rows = answered.filter(kind=Feedback.Kind.PROVIDER, provider=scope.provider_id)
    else:
        newcomer_rows = answered.filter(kind__in=Feedback.NEWCOMER_KINDS)
        provider_rows = answered.filter(kind=Feedback.Kind.PROVIDER)
        if scope.municipality_ids is not None:
            newcomer_rows = newcomer_rows.filter(municipality__in=scope.municipality_ids)
            provider_rows = provider_rows.filter(municipality__in=scope.municipality_ids)
    yes = Feedback.Answer.YES
    own = newcomer_rows.aggregate(n=Count("pk"), helpful=Count("pk", filter=Q(helpful=yes)))
    evaluations = Evaluation.objects.filter(
        scope.newcomers("pair__newcomer__"),
        _at("submitted_at", period),
        side=Evaluation.Side.NEWCOMER,
    ).aggregate(n=Count("pk"), helpful=Count("pk", filter=Q(helpful__gte=4)))
    providers = provider_rows.aggregate(
        n=Count("pk"), again=Count("pk", filter=Q(welcome_again=yes))
    )
    answers = own["n"] + evaluations["n"]
    helpful = own["helpful"] + evaluations["helpful"]
    return {
        "feedback_answers": answers,
        "helpful": helpful,
        "helpful_share": _ratio(helpful, answers),
        "provider_answers": providers["n"],
        "provider_welcome_again_share": _ratio(providers["again"], providers["n"]),
    }


COMPUTE: dict[str, Callable[..., Values]] = {
    "trajectories": trajectories,
    "hours": hours,
    "mix": mix,
    "offer": offer,
    "waiting": waiting,
    "buddies": buddies,
    "feedback": feedback,
}


def compute(
    scope: ReportScope,
    period: Quarter,
    families: tuple[str, ...] | None = None,
    ledger: dict[Quarter, QuarterLedger] | None = None,
) -> Values:
    """Every indicator (and helper count) of the chosen families for one scope and quarter.
    `ledger` is the ledger summary of the report's quarters, when already made."""
    chosen = families or tuple(COMPUTE)
    entry = None
    if {"hours", "offer"} & set(chosen):
        entry = (ledger or summarise(scope, [period]))[period]
    values: Values = {}
    for family in chosen:
        if family in ("hours", "offer"):
            values.update(COMPUTE[family](scope, period, entry))
        else:
            values.update(COMPUTE[family](scope, period))
    return values
