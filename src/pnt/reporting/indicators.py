"""Every indicator of pnt, defined once: its name, what it means in plain words, its unit,
where its data come from and which family of database aggregates computes it.

Pages, exports, the API and docs/indicators.md all read this list; the numbers themselves
come from :mod:`pnt.reporting.families` (SQL aggregates, one query per family and period).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

COUNT, DAYS, HOURS, SHARE, LIST = "count", "days", "hours", "share", "list"

# The buckets of "days until the PNT started", as (key, first day, last day or None).
START_BUCKETS = (
    ("0-30", 0, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("91-180", 91, 180),
    ("181+", 181, None),
)


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str | Promise
    doc: str | Promise  # what it means, in plain words
    unit: str
    family: str
    # People are counted: small counts are suppressed outside one's own scope.
    personal: bool = True
    # "" for one number; "type" (activity type), "bucket" or "municipality" for a table.
    breakdown: str = ""
    # For medians, shares and sums: the count of people they are based on (suppressed
    # together with it when that count is small).
    base: str = ""
    source: str = ""  # the tables and fields it is computed from
    framework: str = ""  # the EU (AMIF) or Flemish figure it answers, if any
    snapshot: bool = False  # the state at the time of the report, not of the quarter


INDICATORS: list[Indicator] = [
    # --- trajectories -------------------------------------------------------------------
    Indicator(
        "in_pnt",
        _("Newcomers in a PNT"),
        _(
            "Newcomers whose trajectory was open at some time in the quarter: opened before "
            "its end and not completed or stopped before its start."
        ),
        COUNT,
        "trajectories",
        source="trajectories.Trajectory (opened_on, completed_on, stopped_on)",
        framework="Flanders: AgII quarterly figures",
    ),
    Indicator(
        "in_pnt_compulsory",
        _("… of whom compulsory"),
        _("The same newcomers, for whom the PNT is compulsory (they neither work nor study)."),
        COUNT,
        "trajectories",
        source="trajectories.Trajectory.compulsory",
    ),
    Indicator(
        "in_pnt_voluntary",
        _("… of whom voluntary"),
        _("The same newcomers, who take part voluntarily."),
        COUNT,
        "trajectories",
        source="trajectories.Trajectory.compulsory",
    ),
    Indicator(
        "started",
        _("PNT started"),
        _("Newcomers whose first counted hour fell in the quarter."),
        COUNT,
        "trajectories",
        source="trajectories.Trajectory.pnt_started_on",
        framework="Flanders: AgII quarterly figures",
    ),
    Indicator(
        "completed",
        _("PNT completed (40 hours)"),
        _("Newcomers who reached 40 counted hours in the quarter."),
        COUNT,
        "trajectories",
        source="trajectories.Trajectory.completed_on",
    ),
    Indicator(
        "stopped",
        _("PNT stopped"),
        _("Trajectories stopped in the quarter before reaching 40 hours."),
        COUNT,
        "trajectories",
        source="trajectories.Trajectory.stopped_on",
    ),
    Indicator(
        "moved",
        _("Moved away"),
        _("Newcomers who moved out of a municipality of this scope in the quarter."),
        COUNT,
        "trajectories",
        source="trajectories.Move (moved_on, from_municipality)",
    ),
    Indicator(
        "median_days_to_start",
        _("Median days until the PNT started"),
        _(
            "For the PNTs started in the quarter: the middle value of the days from the start "
            "of the integration obligation (or, without it, the opening of the trajectory) to "
            "the first counted hour. Half started sooner, half later."
        ),
        DAYS,
        "trajectories",
        base="started",
        source="Trajectory.pnt_started_on − Newcomer.obligation_start (or Trajectory.opened_on)",
        framework="Flanders: AgII quarterly figures (days until the PNT starts)",
    ),
    Indicator(
        "days_to_start",
        _("Days until the PNT started"),
        _("The same PNTs started in the quarter, counted by how many days it took."),
        COUNT,
        "trajectories",
        breakdown="bucket",
        base="started",
        source="as the median days until the PNT started",
    ),
    Indicator(
        "median_days_to_completion",
        _("Median days from start to 40 hours"),
        _(
            "For the PNTs completed in the quarter: the middle value of the days from the "
            "first counted hour to the day the 40 hours were reached."
        ),
        DAYS,
        "trajectories",
        base="completed",
        source="Trajectory.completed_on − Trajectory.pnt_started_on",
    ),
    Indicator(
        "share_reached_40h",
        _("Share that reached 40 hours"),
        _(
            "Of the newcomers whose PNT had started by the end of the quarter, the share that "
            "had reached 40 hours by then."
        ),
        SHARE,
        "trajectories",
        base="started_by_end",
        source="Trajectory.completed_on, Trajectory.pnt_started_on",
    ),
    # --- hours (the attendance ledger) ----------------------------------------------------
    Indicator(
        "hours",
        _("Hours done"),
        _(
            "Hours present in the quarter, in activities that count for the PNT, as recorded "
            "in the attendance ledger (buddy meetings included)."
        ),
        HOURS,
        "hours",
        base="participants",
        source=(
            "trajectories.Attendance (status present, hours) × ActivitySession.date, "
            "summed per enrolment and quarter in QuarterHours"
        ),
    ),
    Indicator(
        "participants",
        _("Participants supported"),
        _(
            "Newcomers with at least one hour present in the quarter. Only newcomers are "
            "counted: staff, volunteers and providers never are."
        ),
        COUNT,
        "hours",
        source="distinct Enrolment.newcomer of present Attendance rows",
        framework="AMIF output: participants supported",
    ),
    Indicator(
        "samen_doen_participants",
        _("Participants in Samen Doen"),
        _("Newcomers with at least one hour present in a Samen Doen group activity."),
        COUNT,
        "hours",
        source="present Attendance in activities of type samen_doen",
        framework="Flanders: participation in Samen Doen",
    ),
    Indicator(
        "hours_by_type",
        _("Hours done by type of activity"),
        _("The hours done in the quarter, by the type of activity they were done in."),
        HOURS,
        "hours",
        breakdown="type",
        base="participants_by_type",
        source="present Attendance × Activity.type",
    ),
    # --- the activity mix -----------------------------------------------------------------
    Indicator(
        "enrolments",
        _("Activities chosen"),
        _(
            "Requests for a place in an activity made in the quarter (each newcomer–activity "
            "choice once)."
        ),
        COUNT,
        "mix",
        source="trajectories.Enrolment.requested_at",
    ),
    Indicator(
        "enrolments_by_type",
        _("Activities chosen, by type"),
        _("The same choices, by the type of activity chosen."),
        COUNT,
        "mix",
        breakdown="type",
        base="enrolments",
        source="Enrolment × Activity.type",
    ),
    Indicator(
        "conversation_table_share",
        _("Share of conversation tables in the choices"),
        _(
            "Of the activities chosen in the quarter, the share that were conversation tables. "
            "The network wants this to fall as newcomers choose by their talents."
        ),
        SHARE,
        "mix",
        base="enrolments",
        source="Enrolment × Activity.type",
    ),
    # --- offer ---------------------------------------------------------------------------
    Indicator(
        "activities",
        _("Activities on offer"),
        _("Activities (not drafts) whose dates overlap the quarter."),
        COUNT,
        "offer",
        personal=False,
        source="offer.Activity (status, start_date, end_date)",
    ),
    Indicator(
        "places",
        _("Places on offer"),
        _("The places (capacity) of those activities together."),
        COUNT,
        "offer",
        personal=False,
        source="offer.Activity.capacity",
    ),
    Indicator(
        "activities_by_type",
        _("Activities on offer, by type"),
        _("The activities on offer, by type."),
        COUNT,
        "offer",
        personal=False,
        breakdown="type",
        source="offer.Activity.type",
    ),
    Indicator(
        "places_by_type",
        _("Places on offer, by type"),
        _("The places of the activities on offer, by type."),
        COUNT,
        "offer",
        personal=False,
        breakdown="type",
        source="offer.Activity.capacity",
    ),
    Indicator(
        "new_activities",
        _("New activities"),
        _("Activities on offer that were created in the quarter."),
        COUNT,
        "offer",
        personal=False,
        source="offer.Activity.created_at",
    ),
    Indicator(
        "new_places",
        _("New capacity added"),
        _("The places of the activities created in the quarter."),
        COUNT,
        "offer",
        personal=False,
        source="offer.Activity.created_at, capacity",
        framework="Flanders: capacity added",
    ),
    Indicator(
        "local_authority_projects",
        _("Activities run by local authorities"),
        _("Activities on offer whose provider is a municipal service."),
        COUNT,
        "offer",
        personal=False,
        source="offer.Provider.kind = municipal_service",
        framework="AMIF output: projects with local authorities",
    ),
    Indicator(
        "without_conversation_table",
        _("Municipalities without a conversation table"),
        _("Municipalities of the scope where no conversation table was on offer."),
        LIST,
        "offer",
        personal=False,
        source="offer.Activity.type per municipality",
    ),
    Indicator(
        "without_samen_doen",
        _("Municipalities without Samen Doen"),
        _("Municipalities of the scope where no Samen Doen group activity was on offer."),
        LIST,
        "offer",
        personal=False,
        source="offer.Activity.type per municipality",
    ),
    Indicator(
        "local_authorities_supported",
        _("Local authorities supported"),
        _(
            "Municipalities of the scope with at least one activity on offer or one newcomer "
            "who took part in the quarter."
        ),
        COUNT,
        "offer",
        personal=False,
        source="offer.Activity.municipality ∪ Newcomer.municipality of participants",
        framework="AMIF output: local and regional authorities supported",
    ),
    # --- waiting lists -------------------------------------------------------------------
    Indicator(
        "waiting_added",
        _("Put on a waiting list"),
        _(
            "Places asked for in the quarter that went onto a waiting list because the "
            "activity was full."
        ),
        COUNT,
        "waiting",
        source="Enrolment.waiting_since",
    ),
    Indicator(
        "oversubscribed",
        _("Over-subscribed activities"),
        _("Activities that had to put at least one newcomer on their waiting list in the quarter."),
        COUNT,
        "waiting",
        personal=False,
        source="Enrolment.waiting_since × activity",
    ),
    Indicator(
        "median_waiting_days",
        _("Median days on a waiting list"),
        _(
            "For places offered in the quarter to someone on a waiting list: the middle value "
            "of the days they waited."
        ),
        DAYS,
        "waiting",
        base="offered_from_waiting",
        source="Enrolment.offered_at − Enrolment.waiting_since",
    ),
    Indicator(
        "waiting_now",
        _("On a waiting list now"),
        _("Places asked for that are on a waiting list at the moment the report is made."),
        COUNT,
        "waiting",
        snapshot=True,
        source="Enrolment.status = waiting",
    ),
    # --- buddy project --------------------------------------------------------------------
    Indicator(
        "pairs_started",
        _("Buddy pairs started"),
        _("Newcomer–volunteer pairs whose first meeting fell in the quarter."),
        COUNT,
        "buddies",
        source="buddies.Pair.started_on",
        framework="Flanders: participation in the buddy project",
    ),
    Indicator(
        "pairs_active",
        _("Buddy pairs active"),
        _("Pairs that were running at some time in the quarter."),
        COUNT,
        "buddies",
        source="buddies.Pair (started_on, ended_on)",
    ),
    Indicator(
        "pairs_completed",
        _("Buddy pairs completed"),
        _("Pairs that ended as planned in the quarter."),
        COUNT,
        "buddies",
        source="buddies.Pair (status completed, ended_on)",
    ),
    Indicator(
        "buddy_waiting",
        _("Newcomers waiting for a buddy"),
        _("Newcomers who had asked for a buddy and had none yet at the end of the quarter."),
        COUNT,
        "buddies",
        source="buddies.BuddyRequest, buddies.Pair",
    ),
    Indicator(
        "volunteers_available",
        _("Volunteers waiting for a newcomer"),
        _("Volunteers available for a (further) newcomer at the moment the report is made."),
        COUNT,
        "buddies",
        snapshot=True,
        source="buddies.Volunteer.status = available",
    ),
    Indicator(
        "meetings",
        _("Buddy meetings"),
        _("Meetings of pairs held in the quarter."),
        COUNT,
        "buddies",
        base="pairs_meeting",
        source="buddies.Meeting.date",
    ),
    # --- feedback -------------------------------------------------------------------------
    Indicator(
        "feedback_answers",
        _("Questionnaires answered by newcomers"),
        _(
            "End-of-trajectory and end-of-pair questionnaires that newcomers answered in the "
            "quarter."
        ),
        COUNT,
        "feedback",
        source="reporting.Feedback (newcomer), buddies.Evaluation (newcomer)",
    ),
    Indicator(
        "helpful",
        _("Newcomers who found it helpful for their integration"),
        _(
            "Newcomers who answered that the activities or the buddy helped them find their "
            "way here (a happy face, or 4–5 on the buddy evaluation)."
        ),
        COUNT,
        "feedback",
        source="Feedback.helpful = yes; Evaluation.helpful ≥ 4",
        framework="AMIF result: participants who report the activity was helpful for "
        "their integration",
    ),
    Indicator(
        "helpful_share",
        _("Share who found it helpful"),
        _("Of the newcomers who answered, the share who found it helpful for their integration."),
        SHARE,
        "feedback",
        base="feedback_answers",
        source="as above",
        framework="AMIF result indicator, as a share",
    ),
    Indicator(
        "provider_answers",
        _("Questionnaires answered by providers"),
        _("Questionnaires answered in the quarter by providers about newcomers they welcomed."),
        COUNT,
        "feedback",
        personal=False,
        source="reporting.Feedback (provider)",
    ),
    Indicator(
        "provider_welcome_again_share",
        _("Providers who will welcome newcomers again"),
        _("Of the providers who answered, the share who will welcome newcomers again."),
        SHARE,
        "feedback",
        personal=False,
        base="provider_answers",
        source="Feedback.welcome_again",
    ),
]

BY_KEY: dict[str, Indicator] = {indicator.key: indicator for indicator in INDICATORS}
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(indicator.family for indicator in INDICATORS))

# Counts that add up: the total and its parts. Suppression keeps every such group safe
# from recovery by subtraction.
GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("in_pnt", ("in_pnt_compulsory", "in_pnt_voluntary")),
]
# Breakdowns whose rows add up to a scalar total.
BREAKDOWN_TOTALS: dict[str, str] = {
    "days_to_start": "started",
    "enrolments_by_type": "enrolments",
}

FAMILY_LABELS = {
    "trajectories": _("Trajectories"),
    "hours": _("Hours and participants"),
    "mix": _("The activity mix"),
    "offer": _("The offer"),
    "waiting": _("Waiting lists"),
    "buddies": _("The buddy project"),
    "feedback": _("What newcomers and providers say"),
}


def indicator(key: str) -> Indicator:
    """The indicator with this key; KeyError for an unknown one."""
    return BY_KEY[key]
