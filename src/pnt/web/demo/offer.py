"""Demo providers and activities, spread unevenly: cities rich, small municipalities poor."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pnt.offer.models import Activity, Provider, ProviderContact
from pnt.web.demo.catalogue import (
    ACTIVITIES,
    ANCHOR_PROVIDER,
    PROVIDERS,
    SCARCE_TYPES,
    ActivityTemplate,
    ProviderTemplate,
)
from pnt.web.demo.names import (
    FLEMISH_MEN,
    FLEMISH_SURNAMES,
    FLEMISH_WOMEN,
    PLACE_NAMES,
    STREETS,
    ascii_slug,
)
from pnt.web.demo.world import DEMO_EMAIL_DOMAIN, Area, Slot, World, spread

ANCHOR_NIS = "12025"  # Mechelen, host of Rivierenland
EXTRA_SENTENCES = (
    "Iedereen is welkom, ook als je nog maar net Nederlands leert.",
    "Neem gerust een vriend of buur mee.",
    "Aanmelden kan via je trajectbegeleider of rechtstreeks bij ons.",
    "De eerste keer komt iemand je aan de deur ophalen.",
    "",
)
# (start hour, minute) of a morning, afternoon and evening session.
TIME_SLOTS = ((9, 30), (13, 30), (19, 0))
STATUS = Activity.Status


def build_providers(world: World) -> list[list[tuple[Provider, ProviderTemplate]]]:
    """Providers with their contacts for every area; returns them per area, for
    build_activities. The anchor organisation of the `provider` login sits in Mechelen."""
    per_area: list[list[tuple[Provider, ProviderTemplate]]] = []
    anchor: Provider | None = None
    for area in world.areas:
        rows = [(_provider(world, t, area), t) for t in _provider_templates(world, area)]
        if area.municipality.nis_code == ANCHOR_NIS and anchor is None:
            anchor = _provider(world, ANCHOR_PROVIDER, area, region="Rivierenland")
            rows.insert(0, (anchor, ANCHOR_PROVIDER))
        per_area.append(rows)
    providers = [provider for rows in per_area for provider, _ in rows]
    world.save(Provider, providers, "providers")
    if anchor is not None:
        world.anchor_provider_id = anchor.pk
        _serve_region(world, anchor, "rivierenland")
    contacts = [
        _contact(world, provider, template)
        for rows in per_area
        for provider, template in rows
        for _ in range(2 if world.chance(0.3) else 1)
    ]
    world.save(ProviderContact, contacts, "provider contacts")
    world.progress(f"  {len(providers)} providers")
    return per_area


def _provider_templates(world: World, area: Area) -> list[ProviderTemplate]:
    """The organisations of one municipality: the library and the social house first, then
    more the bigger (and better served) the municipality is."""
    wanted = max(1 if area.activities else 0, round(area.activities / 3.6))
    chosen = [t for t in PROVIDERS if t.everywhere][:wanted]
    pool = [t for t in PROVIDERS if not t.everywhere and t.min_size <= area.weight]
    while len(chosen) < wanted and pool:
        template = world.pick(pool, [t.weight for t in pool])
        chosen.append(template)
        # Organisations named after a house or a family may come twice; others once.
        if "{place}" not in template.name and "{surname}" not in template.name:
            pool.remove(template)
    return chosen


def _provider(world: World, template: ProviderTemplate, area: Area, region: str = "") -> Provider:
    name = template.name.format(
        m=area.name,
        place=world.pick(PLACE_NAMES),
        surname=world.pick(FLEMISH_SURNAMES),
        region=region,
    )
    slug = ascii_slug(name.replace("–", "")).replace("--", "-")[:40]
    first = world.pick(FLEMISH_WOMEN + FLEMISH_MEN)
    return Provider(
        name=name,
        kind=template.kind,
        municipality=area.municipality,
        description=template.description,
        contact_name=f"{first} {world.pick(FLEMISH_SURNAMES)}",
        email=f"info@{slug}.{DEMO_EMAIL_DOMAIN}",
        phone=_phone(world),
        website=f"https://{slug}.{DEMO_EMAIL_DOMAIN}",
        created_at=world.moment(world.today - dt.timedelta(days=world.rng.randint(400, 900))),
    )


def _serve_region(world: World, provider: Provider, slug: str) -> None:
    region = world.regions.get(slug)
    if region is None:
        return
    through = Provider.serves.through
    rows = [
        through(provider_id=provider.pk, municipality_id=pk)
        for pk in region.municipalities.order_by("pk").values_list("pk", flat=True)
    ]
    world.save(through, rows, "municipalities served")


def _contact(world: World, provider: Provider, template: ProviderTemplate) -> ProviderContact:
    first, last = world.pick(FLEMISH_WOMEN + FLEMISH_MEN), world.pick(FLEMISH_SURNAMES)
    return ProviderContact(
        provider=provider,
        name=f"{first} {last}",
        role=template.contact_role,
        email=f"{ascii_slug(first)}.{ascii_slug(last)}.{world.serial()}@{DEMO_EMAIL_DOMAIN}",
        phone=_phone(world),
        public=world.chance(0.6),
    )


def _phone(world: World) -> str:
    r = world.rng
    return f"04{r.randint(70, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}"


# --- activities ------------------------------------------------------------------------------


def build_activities(world: World, per_area: list[list[tuple[Provider, ProviderTemplate]]]) -> None:
    """Every area's share of the activities, run by its providers; indexed as slots."""
    activities: list[Activity] = []
    meta: list[tuple[int, float]] = []  # (area index, popularity), in step with `activities`
    for index, area in enumerate(world.areas):
        for provider, template in _assign(world, area, per_area[index]):
            activities.append(_activity(world, template, provider, area))
            meta.append((index, _popularity(world, template)))
    world.save(Activity, activities, "activities")
    for activity, (index, popularity) in zip(activities, meta, strict=True):
        world.slots.append(
            Slot(
                pk=activity.pk,
                area=index,
                type=activity.type,
                level=activity.dutch_level,
                themes=tuple(activity.themes),
                capacity=activity.capacity,
                status=activity.status,
                popularity=popularity,
            )
        )
    world.progress(f"  {len(activities)} activities")


def _assign(
    world: World, area: Area, providers: list[tuple[Provider, ProviderTemplate]]
) -> list[tuple[Provider, ActivityTemplate]]:
    """Which provider runs which kind of activity: the anchor its fixed list, every other
    organisation one (while there are enough), the rest mostly to municipal services."""
    scarce = set(SCARCE_TYPES) if area.thin else set()
    plan = [(p, ACTIVITIES[k]) for p, t in providers if t is ANCHOR_PROVIDER for k in t.offers]
    others = [(p, t) for p, t in providers if t is not ANCHOR_PROVIDER]
    remaining = max(area.activities - len(plan), 0)
    first = [1 if i < remaining else 0 for i in range(len(others))]
    weights = [
        (2.0 if t.kind == "municipal_service" else 1.0) * world.rng.uniform(0.3, 1.7)
        for _, t in others
    ]
    more = spread(remaining - sum(first), weights)
    for (provider, template), one, extra in zip(others, first, more, strict=True):
        keys = [k for k in template.offers if ACTIVITIES[k].type not in scarce]
        used: set[str] = set()
        for _ in range(one + extra if keys else 0):
            # An organisation runs different activities before it repeats one.
            key = world.pick([k for k in keys if k not in used] or keys)
            used.add(key)
            plan.append((provider, ACTIVITIES[key]))
    return plan


def _activity(world: World, t: ActivityTemplate, provider: Provider, area: Area) -> Activity:
    r = world.rng
    m = area.name
    status, start, end = _dates(world, t)
    weekday, start_time, end_time = _times(world, t, start)
    hours = Decimal(str(t.hours))
    sessions = _sessions(t, start, end)
    extra = world.pick(EXTRA_SENTENCES)
    activity = Activity(
        provider=provider,
        external_id=f"pnt-{uuid.UUID(int=r.getrandbits(128), version=4)}",
        title=t.title.format(m=m),
        description=(t.description.format(m=m) + " " + extra).strip(),
        translations={"en": {"title": t.title_en.format(m=m)}} if world.chance(0.4) else {},
        type=t.type,
        themes=list(t.themes),
        goals=list(t.goals),
        dutch_level=r.randint(*t.levels),
        municipality=area.municipality,
        address=f"{world.pick(STREETS)} {r.randint(1, 180)}, {m}",
        latitude=_jitter(world, area.municipality.latitude),
        longitude=_jitter(world, area.municipality.longitude),
        schedule_kind=t.schedule,
        start_date=start,
        end_date=end,
        weekday=weekday,
        start_time=start_time,
        end_time=end_time,
        hours_per_session=hours,
        total_hours=min(hours * sessions, Decimal("9999")),
        capacity=r.randint(*t.capacity),
        status=status,
        min_age=18 if t.type == "placement" else None,
        dutch_context=t.not_eligible != "own_language",
        meets_new_people=t.not_eligible != "own_language",
        is_formal_lesson=t.not_eligible == "formal_lesson",
        created_at=world.moment(start - dt.timedelta(days=r.randint(14, 60))),
    )
    _price(world, activity, t)
    _thresholds(world, activity, t)
    _validation(world, activity, area)
    return activity


def _dates(world: World, t: ActivityTemplate) -> tuple[str, dt.date, dt.date | None]:
    """Status with first and last day: most published and running, some drafts still to
    start, some paused, some ended."""
    r, today = world.rng, world.today
    roll = r.random()
    status = (
        STATUS.DRAFT
        if roll < 0.07
        else STATUS.PAUSED
        if roll < 0.10
        else STATUS.ENDED
        if roll < 0.17
        else STATUS.PUBLISHED
    )
    if t.schedule == "single":
        day = today + dt.timedelta(days=r.randint(5, 60))
        if status == STATUS.ENDED:
            day = today - dt.timedelta(days=r.randint(10, 200))
        return status, day, day
    if status == STATUS.DRAFT:
        start = today + dt.timedelta(days=r.randint(10, 60))
        return status, start, start + dt.timedelta(weeks=r.randint(8, 30))
    if status == STATUS.ENDED:
        end = today - dt.timedelta(days=r.randint(7, 300))
        return status, end - dt.timedelta(weeks=r.randint(6, 30)), end
    if t.schedule == "series":
        start = today - dt.timedelta(days=r.randint(0, 50))
        return status, start, start + dt.timedelta(weeks=r.randint(6, 12))
    start = today - dt.timedelta(days=r.randint(20, 500))
    if t.schedule == "appointment" or world.chance(0.5):
        return status, start, None
    return status, start, today + dt.timedelta(weeks=r.randint(4, 40))


def _times(world: World, t: ActivityTemplate, start: dt.date):
    if t.schedule == "appointment":
        return None, None, None
    weekday = start.weekday() if t.schedule == "single" else world.pick(range(7), WEEKDAYS)
    hour, minute = world.pick(TIME_SLOTS)
    if hour + t.hours > 22:
        hour, minute = TIME_SLOTS[0]
    begin = dt.datetime.combine(start, dt.time(hour, minute))
    end = begin + dt.timedelta(minutes=round(t.hours * 60))
    return weekday, begin.time(), end.time()


# Fewer activities at the weekend, hardly any on Sunday.
WEEKDAYS = (1.0, 1.2, 1.3, 1.2, 0.9, 0.8, 0.3)


def _sessions(t: ActivityTemplate, start: dt.date, end: dt.date | None) -> int:
    if t.schedule == "single":
        return 1
    if t.schedule == "appointment" or end is None:
        return 12 if t.schedule == "appointment" else 20
    return max(1, (end - start).days // 7)


def _price(world: World, activity: Activity, t: ActivityTemplate) -> None:
    r = world.rng
    kind = t.price
    if kind == "mixed":
        kind = world.pick(("free", "paid", "uitpas"), (0.3, 0.25, 0.45))
    activity.price_kind = kind
    if kind == "free":
        return
    price = Decimal(r.choice((3, 5, 8, 10, 15, 25, 40, 60)))
    activity.price_eur = price
    if kind == "uitpas":
        # The social tariff is about a fifth of the price, rounded to 50 cents.
        activity.price_uitpas_eur = max(Decimal("1"), (price / 5 * 2).quantize(Decimal("1")) / 2)


def _thresholds(world: World, activity: Activity, t: ActivityTemplate) -> None:
    """Lowered thresholds: the template's usual ones, and a few more here and there."""
    for flag in t.flags:
        setattr(activity, flag, world.chance(0.8))
    activity.wheelchair_access = activity.wheelchair_access or world.chance(0.4)
    activity.first_visit_accompanied = activity.first_visit_accompanied or world.chance(0.15)
    activity.transport_help = activity.transport_help or world.chance(0.05)
    activity.childcare = activity.childcare or world.chance(0.05)


def _validation(world: World, activity: Activity, area: Area) -> None:
    """Most published activities are validated by the network; drafts and activities that
    do not meet the conditions are not."""
    if activity.status == STATUS.DRAFT or not activity.is_eligible or world.chance(0.07):
        return
    activity.validated_at = world.moment(activity.start_date - dt.timedelta(days=3))
    activity.validated_by_id = world.staff.validators.get(area.region or "")


def _jitter(world: World, value: float | None) -> float | None:
    return None if value is None else round(value + world.rng.uniform(-0.008, 0.008), 6)


def _popularity(world: World, template: ActivityTemplate) -> float:
    """How much demand the activity draws: its kind, chance, and some hot ones (mostly the
    group activities the field calls over-subscribed) that get a long waiting list."""
    hot = 10.0 if template.type in HOT_TYPES and world.chance(0.12) else 1.0
    return template.popularity * world.rng.lognormvariate(0, 0.4) * hot


HOT_TYPES = ("conversation_table", "buddy", "samen_doen", "family")


def mark_full(world: World) -> int:
    """Published activities whose places are all held show as full."""
    full = [s.pk for s in world.slots if s.status == STATUS.PUBLISHED and s.held >= s.capacity]
    for start in range(0, len(full), 500):
        Activity.objects.filter(pk__in=full[start : start + 500]).update(status=STATUS.FULL)
    return len(full)
