"""Demo newcomers with their intake, trajectory and enrolments.

Newcomers are made in order of the start of their obligation, so those who started earlier
got the places and later ones find popular activities full and join the waiting list. A
place is held only by offered, confirmed and attending enrolments, and never more than the
activity's capacity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate

from pnt.geo.distance import haversine_km
from pnt.offer.vocabulary import Goal, Theme
from pnt.trajectories.models import (
    WEEKLY_SLOTS,
    Enrolment,
    Intake,
    Mobility,
    Move,
    Newcomer,
    Trajectory,
)
from pnt.web.demo.names import ORIGINS, ascii_slug
from pnt.web.demo.world import DEMO_EMAIL_DOMAIN, Area, Slot, World, batched

CHUNK = 4_000
# The activities residents of one area may reach, and their cumulative draw weights.
Reach = tuple[list[Slot], list[float]]
Candidates = list[Reach]  # one Reach per area of the world
TS = Trajectory.Status
ES = Enrolment.Status
THEMES = [t.value for t in Theme]
GOALS = [g.value for g in Goal]
SLOT_CODES = [code for code, _label in WEEKLY_SLOTS]
# How the trajectory stands, by days since the obligation started (shares per status).
STAGES = (
    (45, {TS.INTAKE: 0.55, TS.SEARCHING: 0.45}),
    (120, {TS.INTAKE: 0.05, TS.SEARCHING: 0.35, TS.ACTIVE: 0.55, TS.STOPPED: 0.02, TS.MOVED: 0.03}),
    (365, {TS.SEARCHING: 0.10, TS.ACTIVE: 0.60, TS.COMPLETED: 0.15, TS.STOPPED: 0.07,
           TS.MOVED: 0.08}),
    (10_000, {TS.SEARCHING: 0.03, TS.ACTIVE: 0.22, TS.COMPLETED: 0.55, TS.STOPPED: 0.11,
              TS.MOVED: 0.09}),
)  # fmt: skip
CANCEL_REASONS = (
    "Werk gevonden",
    "Uurrooster past niet meer",
    "Kinderopvang viel weg",
    "Koos een andere activiteit",
    "Gezondheidsredenen",
    "Vervoer te moeilijk",
)
NEXT_ACTIONS = (
    "Intakegesprek plannen",
    "Bellen over de wachtlijst",
    "Eerste bezoek samen met de aanbieder",
    "Opvolgen na de eerste sessie",
    "Activiteit dichter bij huis zoeken",
    "Kinderopvang regelen",
    "Bewijs van deelname opvragen",
    "Buddy voorstellen",
    "Tussentijds gesprek over de uren",
)
INTAKE_NOTES = (
    "Heeft ervaring als kapper.",
    "Zoekt iets dicht bij huis.",
    "Jonge kinderen: liefst overdag tijdens de schooluren.",
    "Was leerkracht in het land van herkomst.",
    "Wil graag vrijwilligerswerk doen.",
    "Sport graag, vooral voetbal.",
    "Wat verlegen; de eerste keer liefst samen gaan.",
    "Kookt graag voor veel mensen.",
)


@dataclass
class Person:
    """What the planner needs to know of one newcomer while making their records."""

    newcomer: Newcomer
    area: int
    level: int
    interests: list[str]
    compulsory: bool
    status: str
    opened: dt.date
    coach: int | None = None  # also after a move, when the newcomer no longer has one
    started: dt.date | None = None
    ended: dt.date | None = None  # completed, stopped or moved on
    moved_from: int | None = None  # municipality id before moving out of the network
    chosen: set[int] = field(default_factory=set)


def build_people(world: World) -> None:
    """All newcomers of the world, in chunks so that Flanders fits in memory."""
    candidates = _candidates(world)
    order = _schedule(world)
    made = 0
    for chunk in batched(order, CHUNK):
        _build_chunk(world, chunk, candidates)
        made += len(chunk)
        world.progress(f"  {made} / {len(order)} newcomers")


def _schedule(world: World) -> list[tuple[int, dt.date]]:
    """(area index, start of the obligation) for every newcomer, earliest first."""
    areas = [index for index, area in enumerate(world.areas) for _ in range(area.newcomers)]
    world.rng.shuffle(areas)
    days = sorted(world.rng.randint(3, 730) for _ in areas)
    return [(a, world.today - dt.timedelta(days=d)) for a, d in zip(areas, days[::-1], strict=True)]


def _candidates(world: World) -> Candidates:
    """Per area, the activities its residents may go to, weighted by popularity and
    distance: nearby first, the region's host city always within reach."""
    by_area: dict[int, list[Slot]] = {}
    for slot in world.slots:
        if slot.status in ("published", "ended"):
            by_area.setdefault(slot.area, []).append(slot)
    hosts = {slug: region.host_id for slug, region in world.regions.items()}
    result = []
    for home in world.areas:
        slots, weights = [], []
        for index, other in enumerate(world.areas):
            if index not in by_area:
                continue
            factor = _distance_factor(home, other)
            if other.region and other.region == home.region and other.pk == hosts.get(home.region):
                factor = max(factor, 0.3)
            if factor > 0:
                slots += by_area[index]
                weights += [slot.popularity * factor for slot in by_area[index]]
        result.append((slots, list(accumulate(weights))))
    return result


def _distance_factor(home: Area, other: Area) -> float:
    if home.pk == other.pk:
        return 1.0
    a, b = home.municipality, other.municipality
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return 0.0
    km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
    return 0.45 if km < 7 else 0.25 if km < 12 else 0.1 if km < 20 else 0.0


def _build_chunk(
    world: World, chunk: Sequence[tuple[int, dt.date]], candidates: Candidates
) -> None:
    people = [_person(world, area, start) for area, start in chunk]
    world.save(Newcomer, [p.newcomer for p in people], "newcomers")
    enrolments: list[Enrolment] = []
    for person in people:
        enrolments += _enrolments(world, person, candidates[person.area])
    world.save(Trajectory, [_trajectory(world, p) for p in people], "trajectories")
    intakes = [_intake(world, p) for p in people if p.status != TS.INTAKE]
    world.save(Intake, intakes, "intakes")
    world.save(Move, [_move(world, p) for p in people if p.moved_from], "moves")
    world.save(Enrolment, enrolments, "enrolments")
    for person in people:
        _remember_for_buddies(world, person)


# --- the newcomer ----------------------------------------------------------------------------


def _person(world: World, area_index: int, start: dt.date) -> Person:
    r, area = world.rng, world.areas[area_index]
    origin = world.pick(ORIGINS, [o.weight for o in ORIGINS])
    woman = world.chance(0.52)
    first = world.pick(origin.women if woman else origin.men)
    last = world.pick(origin.surnames)
    age_days = (world.today - start).days
    status = _stage(world, age_days)
    obliged = world.chance(origin.obliged_share)
    working = world.chance(0.2)
    level = _level(world, age_days)
    serial = world.serial()
    newcomer = Newcomer(
        first_name=first,
        last_name=last,
        email=f"{ascii_slug(first)}.{ascii_slug(last)}.{serial}@{DEMO_EMAIL_DOMAIN}"
        if world.chance(0.8)
        else "",
        phone=f"04{r.randint(60, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}"
        if world.chance(0.7)
        else "",
        municipality=area.municipality,
        languages=list(origin.languages) + (["en"] if world.chance(0.3) else []),
        preferred_language=origin.preferred_language
        if world.chance(0.75)
        else ("nl" if level >= 2 else "en"),
        dutch_level=level,
        birth_year=world.today.year - round(r.triangular(18, 64, 31)),
        gender="" if world.chance(0.05) else ("woman" if woman else "man"),
        obliged=obliged,
        working_or_studying=working,
        obligation_start=start,
        counsellor_id=_counsellor(world, area),
        coach_id=world.staff.coaches.get(area.region or "")
        if status != TS.INTAKE or world.chance(0.5)
        else None,
        interests=world.some(THEMES, 2, 4),
        goals=world.some(GOALS, 1, 3),
    )
    person = Person(
        newcomer=newcomer,
        area=area_index,
        level=level,
        interests=newcomer.interests,
        compulsory=obliged and not working,
        status=status,
        opened=min(world.today, start + dt.timedelta(days=r.randint(0, 30))),
    )
    person.coach = newcomer.coach_id
    _dates(world, person)
    newcomer.created_at = world.moment(person.opened)
    destination = world.pick(world.elsewhere) if status == TS.MOVED else None
    if destination is not None and destination.pk != newcomer.municipality_id:
        # Moved out of every network: the record follows, the coach lets go (as the
        # trajectories service `move_newcomer` does).
        person.moved_from = newcomer.municipality_id
        newcomer.municipality = destination
        newcomer.coach_id = None
    return person


def _stage(world: World, age_days: int) -> str:
    shares = next(table for limit, table in STAGES if age_days < limit)
    return world.pick(list(shares), list(shares.values()))


def _level(world: World, age_days: int) -> int:
    if age_days < 120:
        return world.pick((0, 1, 2), (0.45, 0.4, 0.15))
    return world.pick((0, 1, 2, 3, 4), (0.1, 0.35, 0.35, 0.15, 0.05))


def _counsellor(world: World, area: Area) -> int | None:
    staff = world.staff
    if area.region == "rivierenland" and staff.demo_counsellor_quota > 0:
        staff.demo_counsellor_every -= 1
        if staff.demo_counsellor_every <= 0:
            staff.demo_counsellor_every = staff.demo_counsellor_step
            staff.demo_counsellor_quota -= 1
            return staff.demo_counsellor
    pool = staff.counsellors.get(area.region) or staff.counsellors.get(None) or []
    return world.pick(pool) if pool else None


def _dates(world: World, p: Person) -> None:
    """When the PNT started (first hour) and ended, consistent with the status."""
    r, today = world.rng, world.today
    if p.status in (TS.ACTIVE, TS.COMPLETED) or (
        p.status in (TS.STOPPED, TS.MOVED) and world.chance(0.6)
    ):
        p.started = min(today, p.opened + dt.timedelta(days=r.randint(7, 90)))
    if p.status == TS.COMPLETED:
        p.ended = min(today, p.started + dt.timedelta(days=r.randint(60, 300)))
    elif p.status in (TS.STOPPED, TS.MOVED):
        p.ended = world.day_between(min(today, (p.started or p.opened) + dt.timedelta(7)), today)


# --- trajectory, intake, move ----------------------------------------------------------------


def _trajectory(world: World, p: Person) -> Trajectory:
    """The stored summary of the trajectory. The hours are demo figures: the attendance
    ledger that adds up to them is for the generator's attendance step (see generator)."""
    r = world.rng
    hours, last = Decimal("0"), None
    if p.status == TS.ACTIVE:
        hours = Decimal(r.randint(4, 76)) / 2
        last = world.day_between(max(p.started, world.today - dt.timedelta(40)), world.today)
    elif p.status == TS.COMPLETED:
        hours, last = Decimal(40 + r.choice((0, 0, 1, 2, 4, 6, 8))), p.ended
    elif p.started is not None:
        hours, last = Decimal(r.randint(2, 50)) / 2, world.day_between(p.started, p.ended)
    is_open = p.status in (TS.INTAKE, TS.SEARCHING, TS.ACTIVE)
    planned = is_open and world.chance(0.5)
    return Trajectory(
        newcomer=p.newcomer,
        status=p.status,
        compulsory=p.compulsory,
        opened_on=p.opened,
        pnt_started_on=p.started,
        completed_on=p.ended if p.status == TS.COMPLETED else None,
        # Demo assumption: the PNT is to be done within a year of opening the trajectory.
        deadline=p.opened + dt.timedelta(days=365),
        hours=hours,
        last_attended_on=last,
        stopped_on=p.ended if p.status == TS.STOPPED else None,
        next_action=world.pick(NEXT_ACTIONS) if planned else "",
        next_action_on=world.today + dt.timedelta(days=r.randint(-7, 21)) if planned else None,
    )


def _intake(world: World, p: Person) -> Intake:
    mobility = world.pick(list(Mobility), (0.2, 0.3, 0.4, 0.1))
    reach = {Mobility.WALK: 3, Mobility.BIKE: 8, Mobility.PUBLIC_TRANSPORT: 15, Mobility.CAR: 25}
    return Intake(
        newcomer=p.newcomer,
        held_on=p.opened,
        held_by_id=p.coach,
        talents=world.some(p.interests, 1, 2),
        availability=world.some(SLOT_CODES, 3, 8),
        mobility=mobility,
        max_km=reach[mobility],
        childcare_needed=world.chance(0.2),
        cost_barrier=world.chance(0.35),
        confidence_barrier=world.chance(0.25),
        language_barrier=p.level <= 1 and world.chance(0.6),
        notes=world.pick(INTAKE_NOTES) if world.chance(0.3) else "",
    )


def _move(world: World, p: Person) -> Move:
    return Move(
        newcomer=p.newcomer,
        moved_on=p.ended,
        from_municipality_id=p.moved_from,
        to_municipality=p.newcomer.municipality,
        previous_coach_id=p.coach,
        recorded_by_id=p.coach,
        recorded_at=world.moment(p.ended),
        note="Verhuisd naar " + p.newcomer.municipality.name_nl,
    )


def _remember_for_buddies(world: World, p: Person) -> None:
    region = world.areas[p.area].region
    if region is None:
        return
    pools = world.buddy_pool.setdefault(region, {"open": [], "done": []})
    if p.status in (TS.SEARCHING, TS.ACTIVE):
        pools["open"].append(p)
    elif p.status == TS.COMPLETED:
        pools["done"].append(p)


# --- enrolments ------------------------------------------------------------------------------


def _intents(world: World, p: Person) -> list[str]:
    """What happened with the newcomer's enrolments, by trajectory status. A "queue" is a
    wish for one of the popular activities nearby: a place if one is left, else the
    waiting list — which is how conversation tables and buddy projects get over-subscribed."""
    c = world.chance
    history = [world.pick(("finished", "cancelled", "no_show"), (0.5, 0.3, 0.2))]
    match p.status:
        case TS.INTAKE:
            return ["queue"] if c(0.2) else []
        case TS.SEARCHING:
            return (
                ["request"]
                + ["queue"] * world.pick((0, 1, 2), (0.2, 0.5, 0.3))
                + (["offer"] if c(0.3) else [])
                + (["cancelled"] if c(0.15) else [])
            )
        case TS.ACTIVE:
            second = [world.pick(("confirm", "request", "offer"))] if c(0.4) else []
            queue = ["queue"] if c(0.45) else []
            return ["attend"] + second + queue + (history if c(0.5) else [])
        case TS.COMPLETED:
            return ["finished"] * world.rng.randint(1, 3) + (["cancelled"] if c(0.2) else [])
        case TS.STOPPED:
            return [world.pick(("cancelled", "no_show"))] + (["finished"] if c(0.3) else [])
        case _:  # moved away
            return ["cancelled"] + (["finished"] if c(0.4) else [])


def _enrolments(world: World, p: Person, candidates: Reach) -> list[Enrolment]:
    rows = []
    for intent in _intents(world, p):
        closed = intent in ("finished", "cancelled", "no_show")
        slot = _draw(world, p, candidates, closed, popular=intent == "queue")
        if intent in ("attend", "confirm"):
            # An active newcomer looks a little further when the first choice is full.
            for _ in range(2):
                if slot is None or slot.has_place():
                    break
                slot = _draw(world, p, candidates, closed) or slot
        if slot is None:
            continue
        p.chosen.add(slot.pk)
        rows.append(_enrolment(world, p, slot, _status(world, p, slot, intent)))
    return rows


def _draw(
    world: World, p: Person, candidates: Reach, closed: bool, popular: bool = False
) -> Slot | None:
    """Three fitting activities drawn by weight; the one closest to the interests wins,
    or the most popular one."""
    slots, cumulative = candidates
    if not slots:
        return None
    found: dict[int, Slot] = {}
    for slot in world.rng.choices(slots, cum_weights=cumulative, k=8):
        fits = slot.level <= p.level + (1 if closed else 0)
        usable = slot.status in ("published", "ended") if closed else slot.status == "published"
        if fits and usable and slot.pk not in p.chosen:
            found[slot.pk] = slot
            if len(found) == 3:
                break
    if not found:
        return None
    if popular:
        return max(found.values(), key=lambda s: s.popularity)
    return max(found.values(), key=lambda s: len(set(s.themes) & set(p.interests)))


def _status(world: World, p: Person, slot: Slot, intent: str) -> str:
    """The enrolment's state; takes a place from the slot when it holds one."""
    if intent in ("finished", "cancelled", "no_show"):
        return intent
    if not slot.has_place():
        # Full: the request joins the waiting list (or still awaits the provider's answer).
        if intent == "request" and world.chance(0.25):
            return ES.REQUESTED
        slot.waiting += 1
        return ES.WAITING
    if intent == "request":
        return ES.REQUESTED
    slot.held += 1
    if intent == "offer" or (intent == "queue" and p.status != TS.ACTIVE):
        return ES.OFFERED
    if intent == "attend" and p.started and p.started <= world.today - dt.timedelta(days=7):
        return ES.ATTENDING
    return ES.CONFIRMED


def _enrolment(world: World, p: Person, slot: Slot, status: str) -> Enrolment:
    r, today = world.rng, world.today
    end = p.ended or today
    requester = world.pick((p.coach, p.newcomer.counsellor_id, None), (0.6, 0.25, 0.15))
    e = Enrolment(
        newcomer=p.newcomer,
        activity_id=slot.pk,
        status=status,
        requested_by_id=requester,
        priority=0 if p.compulsory else 1,
    )
    if status in (ES.ATTENDING, ES.FINISHED, ES.NO_SHOW):
        first = p.started or p.opened
        asked = world.day_between(p.opened, min(first, end))
        e.requested_at = world.moment(asked)
        e.confirmed_at = _after(
            e.requested_at, world.moment(min(asked + dt.timedelta(days=r.randint(0, 5)), end))
        )
        if status == ES.FINISHED:
            e.closed_at = _after(
                e.confirmed_at, world.moment(world.day_between(e.confirmed_at.date(), end))
            )
        elif status == ES.NO_SHOW:
            e.closed_at = _after(
                e.confirmed_at, world.moment(min(e.confirmed_at.date() + dt.timedelta(9), end))
            )
            e.close_reason = "Niet gekomen op de eerste sessie"
    elif status == ES.CANCELLED:
        asked = world.day_between(p.opened, end)
        e.requested_at = world.moment(asked)
        e.closed_at = _after(
            e.requested_at, world.moment(min(asked + dt.timedelta(days=r.randint(1, 30)), end))
        )
        e.close_reason = "Verhuisd" if p.status == TS.MOVED else world.pick(CANCEL_REASONS)
    else:
        asked = world.day_between(max(p.opened, today - dt.timedelta(days=90)), today)
        e.requested_at = world.moment(asked)
        if status in (ES.WAITING, ES.OFFERED):
            e.waiting_since = e.requested_at
        if status == ES.OFFERED:
            # Offered within the last two days: the offer is still open (72 hours).
            e.offered_at = world.moment(today) - dt.timedelta(hours=r.randint(1, 40))
            e.offer_expires_at = e.offered_at + dt.timedelta(hours=72)
            e.requested_at = min(e.requested_at, e.offered_at - dt.timedelta(days=2))
            e.waiting_since = e.requested_at
        if status == ES.CONFIRMED:
            e.confirmed_at = _after(
                e.requested_at,
                world.moment(min(asked + dt.timedelta(days=r.randint(0, 3)), today)),
            )
    return e


def _after(earlier: dt.datetime, moment: dt.datetime) -> dt.datetime:
    """The moment, but never before the earlier step of the same enrolment."""
    return max(moment, earlier + dt.timedelta(minutes=30))
