"""Demo volunteers of the buddy project, with the newcomers' requests and the pairs.

Volunteer statuses follow the buddies services: *paired* when every place is taken by a live
pair, *available* with a free place. An active pair gives the newcomer an attending place in
the region's buddy project activity, as `record_match_conversation` does.
"""

from __future__ import annotations

import datetime as dt

from pnt.buddies.ledger import buddy_activity
from pnt.buddies.models import (
    FOLLOW_UP_DAYS,
    PAIR_MONTHS,
    BuddyRequest,
    FollowUp,
    Pair,
    Volunteer,
    age_group_for,
)
from pnt.trajectories.models import Enrolment, Trajectory
from pnt.web.demo.names import (
    FLEMISH_MEN,
    FLEMISH_SURNAMES,
    FLEMISH_WOMEN,
    ORIGINS,
    ascii_slug,
)
from pnt.web.demo.people import SLOT_CODES, THEMES, Person
from pnt.web.demo.world import DEMO_EMAIL_DOMAIN, World

VS = Volunteer.Status
# Shares of volunteer statuses inside a network with a buddy project, and outside one.
IN_NETWORK = {VS.CANDIDATE: 0.1, VS.SCREENED: 0.1, VS.AVAILABLE: 0.35, VS.PAIRED: 0.35,
              VS.PAUSED: 0.05, VS.STOPPED: 0.05}  # fmt: skip
OUTSIDE = {VS.CANDIDATE: 0.4, VS.SCREENED: 0.2, VS.AVAILABLE: 0.4}
MOTIVATIONS = (
    "Ik wil iemand helpen om zijn weg te vinden in onze gemeente.",
    "Ik ben zelf ooit verhuisd naar het buitenland en weet hoe moeilijk het begin is.",
    "Ik heb tijd sinds mijn pensioen en praat graag met mensen.",
    "Ik wil andere culturen leren kennen.",
    "Samen wandelen en koken lijkt me fijn.",
)
FOLLOW_UP_NOTES = (
    "Het klikt goed; ze spreken om de twee weken af.",
    "Ze gaan samen naar de markt en de bib.",
    "Afspraken lopen wat moeilijk door de werkuren van de vrijwilliger.",
    "De nieuwkomer durft al meer Nederlands te praten.",
)
# A share of the open newcomers of a network who asked for a buddy and still wait.
WAITING_SHARE = 0.08


def build_buddies(world: World) -> None:
    """Volunteers everywhere; in each network its buddy project, pairs and requests."""
    volunteers, owners = [], []
    for area in world.areas:
        for _ in range(area.volunteers):
            volunteers.append(_volunteer(world, area))
            owners.append(area.region)
    world.save(Volunteer, volunteers, "volunteers")
    for slug in sorted(world.buddy_pool):
        local = [v for v, region in zip(volunteers, owners, strict=True) if region == slug]
        _network(world, slug, local)
    world.progress(f"  {len(volunteers)} volunteers")


def _volunteer(world: World, area) -> Volunteer:
    r = world.rng
    woman = world.chance(0.6)
    languages = ["nl"] + world.some(("en", "fr", "de", "es"), 0, 2)
    if world.chance(0.12):
        # Flemings with roots elsewhere are valued buddies: they share a language too.
        origin = world.pick([o for o in ORIGINS if o.code in ("morocco", "turkey", "congo")])
        first = world.pick(origin.women if woman else origin.men)
        last = world.pick(origin.surnames)
        languages.append(origin.languages[0])
    else:
        first = world.pick(FLEMISH_WOMEN if woman else FLEMISH_MEN)
        last = world.pick(FLEMISH_SURNAMES)
    born = world.today.year - r.randint(19, 76)
    shares = IN_NETWORK if area.region else OUTSIDE
    status = world.pick(list(shares), list(shares.values()))
    joined = world.today - dt.timedelta(days=r.randint(20, 700))
    screened = status not in (VS.CANDIDATE,)
    return Volunteer(
        first_name=first,
        last_name=last,
        email=f"{ascii_slug(first)}.{ascii_slug(last)}.{world.serial()}@{DEMO_EMAIL_DOMAIN}",
        phone=f"04{r.randint(70, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}",
        municipality=area.municipality,
        languages=languages,
        interests=world.some(THEMES, 2, 5),
        availability=world.some(SLOT_CODES, 3, 7),
        max_travel_km=world.pick((5, 10, 15, 25)),
        max_newcomers=world.pick((1, 2, 3), (0.75, 0.2, 0.05)),
        birth_year=born,
        age_group=age_group_for(world.today.year - born),
        gender="woman" if woman else "man",
        same_gender_only=world.chance(0.15),
        motivation=world.pick(MOTIVATIONS),
        status=status,
        status_changed_at=world.moment(world.day_between(joined, world.today)),
        screened_by_id=world.staff.coaches.get(area.region or "") if screened else None,
        screened_at=world.moment(joined + dt.timedelta(days=14)) if screened else None,
        consent_at=world.moment(joined),
        created_at=world.moment(joined),
    )


def _network(world: World, slug: str, volunteers: list[Volunteer]) -> None:
    """The buddy project of one network: active and completed pairs, waiting requests."""
    region = world.regions[slug]
    activity = buddy_activity(region)
    coach = world.staff.coaches.get(slug)
    pool = world.buddy_pool[slug]
    active = [p for p in pool["open"] if p.status == Trajectory.Status.ACTIVE]
    world.rng.shuffle(active)
    # Only trajectories long enough to hold a six-month pair that has ended since.
    done = [p for p in pool["done"] if (p.ended - p.opened).days >= PAIR_MONTHS * 30 + 10]
    world.rng.shuffle(done)
    pairs: list[tuple[Person, Volunteer, str]] = []
    for volunteer in volunteers:
        live = {VS.PAIRED: volunteer.max_newcomers, VS.AVAILABLE: 0}.get(volunteer.status, 0)
        if volunteer.status == VS.AVAILABLE and volunteer.max_newcomers > 1:
            live = 1 if world.chance(0.3) else 0
        for _ in range(live):
            if not active:
                volunteer.status = VS.AVAILABLE
                break
            pairs.append((active.pop(), volunteer, Pair.Status.ACTIVE))
        if volunteer.status in (VS.AVAILABLE, VS.PAIRED) and done and world.chance(0.3):
            pairs.append((done.pop(), volunteer, Pair.Status.COMPLETED))
    Volunteer.objects.bulk_update(volunteers, ["status"], batch_size=1000)
    _pairs(world, pairs, activity.pk, coach)
    paired = {person.newcomer.pk for person, _v, _s in pairs}
    waiting = [p for p in pool["open"] if p.newcomer.pk not in paired]
    world.rng.shuffle(waiting)
    count = round(WAITING_SHARE * (len(pool["open"]) + len(pool["done"])))
    requests = [_request(world, p, coach, BuddyRequest.Status.WAITING) for p in waiting[:count]]
    world.save(BuddyRequest, requests, "buddy requests")


def _pairs(world: World, pairs, activity_id: int, coach: int | None) -> None:
    requests, enrolments, rows = [], [], []
    for person, volunteer, status in pairs:
        completed = status == Pair.Status.COMPLETED
        started = _pair_start(world, person, completed)
        request = _request(
            world,
            person,
            coach,
            BuddyRequest.Status.DONE if completed else BuddyRequest.Status.PAIRED,
            before=started,
        )
        ends = started + dt.timedelta(days=PAIR_MONTHS * 30)
        enrolment = Enrolment(
            newcomer=person.newcomer,
            activity_id=activity_id,
            status=Enrolment.Status.FINISHED if completed else Enrolment.Status.ATTENDING,
            requested_at=request.requested_at,
            confirmed_at=world.moment(started),
            closed_at=world.moment(ends) if completed else None,
            requested_by_id=coach,
            priority=request.priority,
        )
        if completed:
            request.closed_at = world.moment(ends)
        requests.append(request)
        enrolments.append(enrolment)
        rows.append(
            Pair(
                newcomer=person.newcomer,
                volunteer=volunteer,
                request=request,
                enrolment=enrolment,
                coach_id=coach,
                status=status,
                proposed_at=world.moment(started - dt.timedelta(days=7)),
                conversation_on=started,
                started_on=started,
                ends_on=ends,
                ended_on=ends if completed else None,
            )
        )
    world.save(BuddyRequest, requests, "buddy requests")
    world.save(Enrolment, enrolments, "enrolments")
    world.save(Pair, rows, "pairs")
    follow_ups = [f for pair in rows for f in _follow_ups(world, pair, coach)]
    world.save(FollowUp, follow_ups, "follow-up contacts")


def _pair_start(world: World, person: Person, completed: bool) -> dt.date:
    if completed:
        # A six-month pair that ended before the trajectory did.
        latest = (person.ended or world.today) - dt.timedelta(days=PAIR_MONTHS * 30)
        return world.day_between(max(person.opened, latest - dt.timedelta(days=60)), latest)
    earliest = max(person.opened, world.today - dt.timedelta(days=150))
    return world.day_between(earliest, world.today - dt.timedelta(days=3))


def _request(
    world: World, person: Person, coach: int | None, status: str, before: dt.date | None = None
) -> BuddyRequest:
    last = before or world.today
    asked = world.day_between(max(person.opened, last - dt.timedelta(days=60)), last)
    return BuddyRequest(
        newcomer=person.newcomer,
        status=status,
        priority=0 if person.compulsory else 1,
        interests=list(person.interests),
        availability=world.some(SLOT_CODES, 3, 7),
        max_km=world.pick((5, 10, 15)),
        same_gender_only=world.chance(0.15),
        commits_six_months=True,
        requested_at=world.moment(asked),
        requested_by_id=coach,
    )


def _follow_ups(world: World, pair: Pair, coach: int | None) -> list[FollowUp]:
    rows = []
    for days in FOLLOW_UP_DAYS:
        due = pair.started_on + dt.timedelta(days=days)
        done = due <= world.today
        rows.append(
            FollowUp(
                pair=pair,
                due_on=due,
                done_on=min(world.today, due + dt.timedelta(days=world.rng.randint(0, 4)))
                if done
                else None,
                done_by_id=coach if done else None,
                note=world.pick(FOLLOW_UP_NOTES) if done else "",
            )
        )
    return rows
