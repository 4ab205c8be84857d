"""The demo generator: a realistic, deterministic Rivierenland (`region`), or all of Flanders
(`flanders`) for benchmarks. The same seed gives the same data.

    seed(scale="region", seed=42)  → counts of what was made
    reset()                          → deletes the generated data again
    existing_data()                  → what is in the way of seeding

Steps run in one transaction and write with bulk_create in batches; each step lives in its
own module: offer (providers, activities), users (logins, counsellors), people (newcomers,
trajectories, enrolments) and volunteers (the buddy project).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Callable

from django.apps import apps
from django.db import connection, models, transaction
from django.utils import timezone, translation

from pnt.accounts.models import ApiToken, AuditEntry, Membership, User
from pnt.buddies.models import Volunteer
from pnt.geo.models import Municipality, Region
from pnt.offer.models import Activity, Provider
from pnt.trajectories.models import Enrolment, Newcomer
from pnt.web.demo.attendance import add_attendance
from pnt.web.demo.network import add_network_demo
from pnt.web.demo.offer import build_activities, build_providers, mark_full
from pnt.web.demo.outreach import add_outreach_demo
from pnt.web.demo.people import build_people
from pnt.web.demo.requests import build_requests
from pnt.web.demo.users import DEMO_USERNAMES, create_staff, generated_users
from pnt.web.demo.volunteers import build_buddies
from pnt.web.demo.world import SCALES, Area, Part, World, spread

# Relative size (a stand-in for population) of the larger municipalities; others get a
# random size between 0.4 and 1.1. Rivierenland's own mix follows the domain notes: the
# city rich, Putte, Berlaar and Nijlen poor.
SIZE = {
    "Antwerpen": 20, "Gent": 13, "Brugge": 5, "Leuven": 5, "Mechelen": 5, "Aalst": 4,
    "Hasselt": 4, "Kortrijk": 3.5, "Sint-Niklaas": 3.5, "Genk": 3.5, "Oostende": 3,
    "Vilvoorde": 3, "Lier": 3, "Roeselare": 2.5, "Turnhout": 2.5,
    "Beveren-Kruibeke-Zwijndrecht": 2.5, "Dendermonde": 2, "Geel": 2, "Mol": 1.8,
    "Lokeren": 1.8, "Halle": 1.8, "Sint-Truiden": 1.8, "Beringen": 1.8, "Maasmechelen": 1.8,
    "Heist-op-den-Berg": 1.6, "Ninove": 1.6, "Tienen": 1.6, "Ieper": 1.6, "Zaventem": 1.6,
    "Menen": 1.6, "Herentals": 1.5, "Willebroek": 1.5, "Dilbeek": 1.5, "Tongeren-Borgloon": 1.4,
    "Waregem": 1.4, "Deinze": 1.4, "Lommel": 1.4, "Asse": 1.3, "Aarschot": 1.3, "Temse": 1.2,
    "Machelen": 1.2, "Diest": 1.2, "Boom": 1.2, "Bornem": 1.1, "Puurs-Sint-Amands": 1.1,
    "Sint-Katelijne-Waver": 1.0, "Mortsel": 1.0, "Duffel": 0.9, "Bonheiden": 0.8,
    "Nijlen": 0.6, "Berlaar": 0.45, "Putte": 0.45,
}  # fmt: skip
# Small municipalities of Rivierenland without a conversation table or a buddy project.
THIN = {"Putte", "Berlaar", "Nijlen"}
# Offer grows faster than population: the city is richer per newcomer than the village.
OFFER_POWER = 1.3
# Apps whose every row the generator makes, and a reset deletes.
DOMAIN_APPS = (
    "network",
    "outreach",
    "placerequests",
    "buddies",
    "trajectories",
    "offer",
    "reporting",
    "privacy",  # consents and anonymisation records of the people above
)


class SeedError(Exception):
    """Seeding cannot start; the message says why and what to do."""


def seed(
    *,
    scale: str = "region",
    seed: int = 42,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Generate the demo data of the scale into an empty database, in one transaction.

    Raises :class:`SeedError` when the scale is unknown, the reference geography is not
    loaded, or generated data is already there (reset it first). Returns what was made.
    """
    if scale not in SCALES:
        raise SeedError(f"Unknown scale {scale!r}: choose one of {', '.join(SCALES)}.")
    present = existing_data()
    if present:
        listed = ", ".join(f"{count} {label}" for label, count in present.items())
        raise SeedError(
            f"The database already holds data ({listed}); seeding would mix with it. "
            "Run `pnt seed --reset` to delete it first."
        )
    say = progress or (lambda _message: None)
    with transaction.atomic():
        world = _world(scale, seed, today or timezone.localdate(), say)
        say("Offer…")
        per_area = build_providers(world)
        create_staff(world)
        build_activities(world, per_area)
        say("Newcomers, trajectories and enrolments…")
        build_people(world)
        say("Volunteers and the buddy project…")
        build_buddies(world)
        world.counts["activities full"] = mark_full(world)
        say("Sessions and attendance…")
        add_attendance(world)
        build_requests(world)
        add_outreach_demo(world)
        say("The network's own work…")
        world.counts.update(add_network_demo(world.regions["rivierenland"], world.staff.logins))
    return dict(world.counts)


def existing_data() -> dict[str, int]:
    """What is already in the database that seeding would collide or mix with."""
    checks = {
        "providers": Provider.objects.all(),
        "activities": Activity.objects.all(),
        "newcomers": Newcomer.objects.all(),
        "volunteers": Volunteer.objects.all(),
        "demo logins": User.objects.filter(username__in=DEMO_USERNAMES),
    }
    return {label: qs.count() for label, qs in checks.items() if qs.exists()}


def reset(progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Delete everything the generator makes: all rows of the domain apps (offer,
    trajectories, buddies, reporting, privacy, …) and the generated users. Reference geography and
    users made by hand stay (their provider memberships go with the providers)."""
    say = progress or (lambda _message: None)
    deleted: dict[str, int] = {}
    with transaction.atomic():
        # Provider memberships would cascade from the providers; delete them first.
        deleted["provider memberships"] = Membership.objects.filter(
            provider__isnull=False
        ).delete()[0]
        for model in _delete_order():
            count = _wipe(model)
            if count:
                with translation.override("en"):
                    label = str(model._meta.verbose_name_plural)
                deleted[label] = count
                say(f"  deleted {count} {label}")
        users = User.objects.filter(generated_users())
        AuditEntry.objects.filter(user__in=users).delete()
        ApiToken.objects.filter(user__in=users).delete()
        Membership.objects.filter(user__in=users).delete()
        deleted["users"] = users.delete()[1].get(User._meta.label, 0)
        say(f"  deleted {deleted['users']} generated users")
    return {label: count for label, count in deleted.items() if count}


# Content the coordinator maintains, not generated: a reset leaves it alone.
KEEP = {"outreach.infopage", "outreach.infopageversion"}


def _delete_order() -> list[type[models.Model]]:
    """The domain models, each after every domain model that points to it."""
    domain = [
        m
        for label in DOMAIN_APPS
        if label in apps.app_configs
        for m in apps.get_app_config(label).get_models(include_auto_created=True)
        if m._meta.label_lower not in KEEP
    ]
    targets = {
        m: {
            f.related_model
            for f in m._meta.get_fields()
            if f.concrete
            and f.is_relation
            and f.related_model in domain
            and f.related_model is not m
        }
        for m in domain
    }
    ordered: list[type[models.Model]] = []
    while len(ordered) < len(domain):
        # A model can go once nothing left undeleted still points to it.
        ready = [
            m
            for m in domain
            if m not in ordered
            and not any(
                m in targets[other] for other in domain if other not in ordered and other is not m
            )
        ]
        if not ready:
            raise RuntimeError("The domain models reference each other in a cycle.")
        ordered += ready
    return ordered


def _wipe(model: type[models.Model]) -> int:
    """Delete every row of one table in one statement. Django's ORM delete would load each
    row to cascade by hand; here the order of `_delete_order` already did the cascading,
    which keeps a reset of Flanders-scale data to seconds."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 — a table name from the models
        return max(cursor.rowcount, 0)


def fingerprint() -> str:
    """A hash of the generated people, offer and enrolments (names and states, in order of
    creation): equal for equal data, whatever the primary keys are."""
    digest = hashlib.sha256()
    queries = (
        Newcomer.objects.order_by("pk").values_list(
            "first_name", "last_name", "municipality__nis_code", "birth_year", "trajectory__status"
        ),
        Activity.objects.order_by("pk").values_list(
            "title", "provider__name", "municipality__nis_code", "capacity", "status"
        ),
        Enrolment.objects.order_by("pk").values_list(
            "newcomer__first_name", "newcomer__last_name", "activity__title", "status"
        ),
        Volunteer.objects.order_by("pk").values_list("first_name", "last_name", "status"),
    )
    for query in queries:
        for row in query.iterator(chunk_size=5_000):
            digest.update(repr(row).encode())
    return digest.hexdigest()


# --- the world ---------------------------------------------------------------------------------


def _world(scale: str, seed_value: int, today: dt.date, say: Callable[[str], None]) -> World:
    regions = {region.slug: region for region in Region.objects.select_related("host")}
    if "rivierenland" not in regions:
        raise SeedError("Load the reference geography first: `pnt load_geo`.")
    world = World(
        rng=random.Random(seed_value),
        scale=SCALES[scale],
        today=today,
        areas=[],
        regions=regions,
        progress=say,
    )
    network_of = _network_of()
    for part in world.scale.parts:
        world.areas += _areas(world, part, network_of)
    # Where people move to: out of every network (so the trajectory is handed over).
    world.elsewhere = [
        m
        for m in Municipality.objects.current(today).order_by("nis_code")
        if m.pk not in network_of
    ]
    rivierenland = sum(a.newcomers for a in world.areas if a.region == "rivierenland")
    world.staff.demo_counsellor_step = max(1, rivierenland // world.staff.demo_counsellor_quota)
    say(f"Seeding the {scale} scale (seed {seed_value}) over {len(world.areas)} municipalities")
    return world


def _network_of() -> dict[int, str]:
    """The regional network of each member municipality (the first, by region id)."""
    through = Region.municipalities.through
    result: dict[int, str] = {}
    for municipality_id, slug in through.objects.order_by("region_id").values_list(
        "municipality_id", "region__slug"
    ):
        result.setdefault(municipality_id, slug)
    return result


def _areas(world: World, part: Part, network_of: dict[int, str]) -> list[Area]:
    municipalities = Municipality.objects.current(world.today).order_by("nis_code")
    if part.region is not None:
        municipalities = municipalities.filter(regions__slug=part.region)
    areas = []
    for municipality in municipalities:
        size = SIZE.get(municipality.name_nl) or round(world.rng.uniform(0.4, 1.1), 2)
        thin = municipality.name_nl in THIN or (size < 0.6 and world.chance(0.5))
        areas.append(Area(municipality, size, thin, network_of.get(municipality.pk)))
    sizes = [area.weight for area in areas]
    for area, n in zip(
        areas, spread(part.activities, [s**OFFER_POWER for s in sizes]), strict=True
    ):
        area.activities = n
    for area, n in zip(areas, spread(part.newcomers, sizes), strict=True):
        area.newcomers = n
    for area, n in zip(areas, spread(part.volunteers, [s**0.8 for s in sizes]), strict=True):
        area.volunteers = n
    return areas
