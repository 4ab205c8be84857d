"""Follow-on in the demo: where newcomers went after their 40 hours or their buddy pair.

Clubs, cultural activities and volunteering are marked as regular offer, and some PNT
activities (conversation tables, Samen Doen, buddy project, placements) lead on to regular
ones nearby. Most completed newcomers have a follow-on recorded by their coach (a regular
activity, a club, volunteering, work or study, or nothing yet); the most recent ones are
still to record. Their 3- and 6-month check-ins are planned, asked, answered (through the
link, or by phone or in person and recorded by the coach) or still waiting, as the dates
say. Newcomers who found their way through a PNT activity that leads on tend to stay
active: the follow-on figures have a story to tell.

    add_outreach_demo(world)  → run after the people and the buddy project
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from pnt.buddies.models import Pair
from pnt.offer.models import Activity
from pnt.offer.vocabulary import ActivityType
from pnt.outreach.models import CheckIn, Destination, FollowOn, LeadsTo, RegularOffer
from pnt.outreach.services import add_months
from pnt.trajectories.models import Enrolment, Trajectory
from pnt.web.demo.world import World

D = Destination
# Types of activity a newcomer can keep doing after the PNT, and the share marked regular.
REGULAR_TYPES = (ActivityType.SPORT, ActivityType.CULTURE, ActivityType.VOLUNTEERING,
                 ActivityType.FAMILY, ActivityType.OTHER)  # fmt: skip
REGULAR_SHARE = 0.45
# PNT activities that may lead on to a regular one nearby, and how often they do.
LEADING_TYPES = (ActivityType.CONVERSATION_TABLE, ActivityType.SAMEN_DOEN, ActivityType.BUDDY,
                 ActivityType.PLACEMENT, ActivityType.FAMILY)  # fmt: skip
LEADS_SHARE = 0.5
# Which regular activities fit a destination (regular_activity: any of them).
FITS = {D.CLUB: {ActivityType.SPORT, ActivityType.CULTURE, ActivityType.OTHER},
        D.VOLUNTEERING: {ActivityType.VOLUNTEERING}}  # fmt: skip
DESTINATIONS = [D.REGULAR_ACTIVITY, D.CLUB, D.VOLUNTEERING, D.WORK, D.STUDY, D.NOTHING_YET]
WEIGHTS = (0.22, 0.2, 0.14, 0.16, 0.08, 0.2)
# A newcomer whose PNT activity leads on to a regular one mostly goes there.
WEIGHTS_LED = (0.42, 0.2, 0.14, 0.1, 0.06, 0.08)
# Completed within this many days: the coach often has not recorded the next step yet.
RECENT_DAYS = 30
NOTES = {
    D.REGULAR_ACTIVITY: ("Gaat verder bij dezelfde groep, nu als gewoon lid.",
                         "Samen met de buddy ingeschreven.", ""),
    D.CLUB: ("Lid geworden van de club; lidgeld via UiTPAS.", "Traint nu elke week mee.", ""),
    D.VOLUNTEERING: ("Helpt elke zaterdag in het dienstencentrum.",
                     "Vrijwilliger in de bibliotheek.", ""),
    D.WORK: ("Werkt nu in een bakkerij.", "Vond werk via het uitzendkantoor.",
             "Deeltijds aan de slag in de zorg.", ""),
    D.STUDY: ("Begint aan een opleiding zorgkundige.", "Volgt een beroepsopleiding lassen.", ""),
    D.NOTHING_YET: ("Wil eerst Nederlands verder leren.", "Kinderopvang is nog niet geregeld.",
                    "Opnieuw bellen na de zomer.", ""),
}  # fmt: skip
# (same, other, stopped) answers at 3 months, by whether the newcomer went on to something.
FIRST_ANSWER = {True: (0.64, 0.16, 0.2), False: (0.0, 0.35, 0.65)}
# At 6 months, by the answer at 3 months ("" when it was not answered).
LATER_ANSWER = {"same": (0.76, 0.1, 0.14), "other": (0.45, 0.35, 0.2),
                "stopped": (0.0, 0.2, 0.8), "": (0.55, 0.15, 0.3)}  # fmt: skip
ANSWERS = ("same", "other", "stopped")


def add_outreach_demo(world: World) -> None:
    """Regular-offer marks, leads-to links, follow-ons and their check-ins (deterministic
    for the same world)."""
    world.progress("Follow-on after the PNT…")
    regular = _mark_regular(world)
    leads = _link_leads_to(world, regular)
    finished = _finished_activities()
    follow_ons = _completed_follow_ons(world, regular, leads, finished)
    follow_ons += _pair_follow_ons(world, regular, leads, finished)
    saved = world.save(FollowOn, [f for f, _coach, _email in follow_ons], "follow-ons")
    check_ins = []
    for follow_on, (_f, coach, has_email) in zip(saved, follow_ons, strict=True):
        check_ins += _check_ins(world, follow_on, coach, has_email)
    world.save(CheckIn, check_ins, "check-ins")


# --- regular offer and what leads to it -------------------------------------------------------

Regular = dict[int, list[tuple[int, str, frozenset[str]]]]  # municipality → (pk, type, themes)
Leads = dict[int, list[int]]  # PNT activity → regular activities it leads to


def _mark_regular(world: World) -> Regular:
    """Mark part of the clubs, culture and volunteering as regular offer; returns them
    per municipality."""
    rows, regular = [], defaultdict(list)
    activities = (
        Activity.objects.published()
        .filter(type__in=REGULAR_TYPES, is_formal_lesson=False)
        .order_by("pk")
        .values_list("pk", "type", "themes", "municipality_id")
    )
    for pk, kind, themes, municipality_id in activities.iterator(chunk_size=5_000):
        if world.chance(REGULAR_SHARE):
            marked = world.moment(world.today - dt.timedelta(days=world.rng.randint(30, 400)))
            rows.append(RegularOffer(activity_id=pk, marked_at=marked))
            regular[municipality_id].append((pk, kind, frozenset(themes or ())))
    world.save(RegularOffer, rows, "regular offer marks")
    return regular


def _link_leads_to(world: World, regular: Regular) -> Leads:
    """Half of the PNT activities lead on to one or two regular activities of their own
    municipality, those sharing a theme first."""
    rows, leads = [], defaultdict(list)
    activities = (
        Activity.objects.filter(type__in=LEADING_TYPES, is_formal_lesson=False)
        .exclude(status=Activity.Status.DRAFT)
        .order_by("pk")
        .values_list("pk", "themes", "municipality_id")
    )
    for pk, themes, municipality_id in activities.iterator(chunk_size=5_000):
        nearby = [r for r in regular.get(municipality_id, ()) if r[0] != pk]
        if not nearby or not world.chance(LEADS_SHARE):
            continue
        shared = set(themes or ())
        nearby.sort(key=lambda r: -len(r[2] & shared))
        for target, _kind, _themes in nearby[: world.pick((1, 1, 2))]:
            rows.append(LeadsTo(activity_id=pk, regular_id=target))
            leads[pk].append(target)
    world.save(LeadsTo, rows, "leads-to links")
    return leads


def _finished_activities() -> dict[int, list[int]]:
    """The activities each newcomer finished (what a follow-on can lead on from)."""
    done: dict[int, list[int]] = defaultdict(list)
    rows = (
        Enrolment.objects.filter(status=Enrolment.Status.FINISHED)
        .order_by("pk")
        .values_list("newcomer_id", "activity_id")
    )
    for newcomer_id, activity_id in rows.iterator(chunk_size=10_000):
        done[newcomer_id].append(activity_id)
    return done


# --- follow-ons -------------------------------------------------------------------------------

Planned = tuple[FollowOn, int | None, bool]  # the follow-on, the coach, whether e-mail works


def _completed_follow_ons(
    world: World, regular: Regular, leads: Leads, finished: dict[int, list[int]]
) -> list[Planned]:
    """Most completed newcomers have their next step recorded; recent ones less often."""
    planned = []
    rows = (
        Trajectory.objects.filter(status=Trajectory.Status.COMPLETED, completed_on__isnull=False)
        .order_by("newcomer_id")
        .values_list("newcomer_id", "completed_on", "newcomer__coach_id",
                     "newcomer__municipality_id", "newcomer__email")
    )  # fmt: skip
    for newcomer_id, completed_on, coach, municipality_id, email in rows.iterator(chunk_size=2_000):
        recent = (world.today - completed_on).days < RECENT_DAYS
        if not world.chance(0.3 if recent else 0.85):
            continue
        recorded_on = min(world.today, completed_on + dt.timedelta(days=world.rng.randint(0, 21)))
        follow_on = _follow_on(world, newcomer_id, municipality_id, coach, recorded_on,
                               regular, leads, finished.get(newcomer_id, ()))  # fmt: skip
        planned.append((follow_on, coach, bool(email)))
    return planned


def _pair_follow_ons(
    world: World, regular: Regular, leads: Leads, finished: dict[int, list[int]]
) -> list[Planned]:
    """About half of the buddy pairs that ended have a follow-on of their own."""
    planned = []
    pairs = (
        Pair.objects.filter(status__in=[Pair.Status.COMPLETED, Pair.Status.STOPPED],
                            ended_on__isnull=False)
        .order_by("pk")
        .values_list("pk", "newcomer_id", "ended_on", "coach_id",
                     "newcomer__municipality_id", "newcomer__email")
    )  # fmt: skip
    for row in pairs.iterator(chunk_size=2_000):
        pk, newcomer_id, ended_on, coach, municipality_id, email = row
        if not world.chance(0.5):
            continue
        recorded_on = min(world.today, ended_on + dt.timedelta(days=world.rng.randint(0, 14)))
        follow_on = _follow_on(world, newcomer_id, municipality_id, coach, recorded_on,
                               regular, leads, finished.get(newcomer_id, ()))  # fmt: skip
        follow_on.occasion, follow_on.pair_id = FollowOn.Occasion.PAIR_ENDED, pk
        planned.append((follow_on, coach, bool(email)))
    return planned


def _follow_on(
    world: World,
    newcomer_id: int,
    municipality_id: int,
    coach: int | None,
    recorded_on: dt.date,
    regular: Regular,
    leads: Leads,
    finished,
) -> FollowOn:
    led_to = [target for activity in finished for target in leads.get(activity, ())]
    destination = world.pick(DESTINATIONS, WEIGHTS_LED if led_to else WEIGHTS)
    return FollowOn(
        newcomer_id=newcomer_id,
        occasion=FollowOn.Occasion.COMPLETED,
        destination=destination,
        activity_id=_activity(world, destination, led_to, regular.get(municipality_id, ())),
        note=world.pick(NOTES[destination]),
        recorded_on=recorded_on,
        recorded_by_id=coach,
    )


def _activity(world: World, destination: str, led_to: list[int], nearby) -> int | None:
    """The regular activity the newcomer went on to, when the coach knows it: one their PNT
    activity leads to, else a fitting one in their municipality."""
    if destination not in (D.REGULAR_ACTIVITY, D.CLUB, D.VOLUNTEERING):
        return None
    if led_to and destination == D.REGULAR_ACTIVITY:
        return world.pick(led_to)
    fitting = [pk for pk, kind, _t in nearby if kind in FITS.get(destination, {kind})]
    if fitting and world.chance(0.75):
        return world.pick(fitting)
    return None


# --- check-ins --------------------------------------------------------------------------------


def _check_ins(world: World, follow_on: FollowOn, coach: int | None, email: bool) -> list:
    """The 3- and 6-month check-ins, as far as the dates allow: planned, asked, answered."""
    rows, earlier = [], ""
    for months in CheckIn.MONTHS:
        check_in = CheckIn(
            follow_on=follow_on, months=months, due_on=add_months(follow_on.recorded_on, months)
        )
        if check_in.due_on < world.today:  # due today: left for the daily job
            _ask(world, check_in, email)
            _answer(world, check_in, follow_on, coach, earlier)
            earlier = check_in.answer
        rows.append(check_in)
    return rows


def _ask(world: World, check_in: CheckIn, email: bool) -> None:
    check_in.coach_reminded_at = world.moment(check_in.due_on, 6, 7)
    if email:
        check_in.sent_at = check_in.coach_reminded_at


def _answer(world: World, check_in: CheckIn, follow_on: FollowOn, coach, earlier: str) -> None:
    """Most newcomers answer within weeks (through the link, or to the coach); some never."""
    waited = (world.today - check_in.due_on).days
    if not world.chance(0.3 if waited < 7 else 0.6 if waited < 30 else 0.75):
        return
    if check_in.months == CheckIn.MONTHS[0]:
        weights = FIRST_ANSWER[follow_on.destination != D.NOTHING_YET]
    else:
        weights = LATER_ANSWER[earlier]
    check_in.answer = world.pick(ANSWERS, weights)
    # At the latest yesterday, so no answer is dated in the future.
    day = check_in.due_on + dt.timedelta(days=world.rng.randint(0, min(waited - 1, 20)))
    if check_in.sent_at is not None and world.chance(0.7):
        check_in.answered_via = CheckIn.Via.LINK
        check_in.answered_at = max(world.moment(day), check_in.sent_at + dt.timedelta(hours=1))
        return
    check_in.answered_via = world.pick(
        (CheckIn.Via.PHONE, CheckIn.Via.IN_PERSON, CheckIn.Via.MESSAGE), (0.6, 0.3, 0.1)
    )
    check_in.answered_at = world.moment(day)
    check_in.answered_by_id = coach
