"""The small world of the scoping matrix, and who in it must see what.

Two networks (Rivierenland: Mechelen and Putte; Kempen: Turnhout) plus the
Kruibeke–Temse–Zwijndrecht network nobody here works in. Every object carries a name that
appears nowhere else, so a page "shows" an object exactly when its name is in the HTML.

`SEES[kind][role]` is the heart of the matrix: the keys of the objects of that kind the
role must see. Everything else of that kind must be absent from lists and 404 on detail.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models

from pnt.accounts.models import Membership, Role, User
from pnt.offer.models import Activity
from tests.buddies.scoping_world import BUDDY_SEES, add_buddies
from tests.factories import (
    ActivityFactory,
    EnrolmentFactory,
    NewcomerFactory,
    ProviderFactory,
    UserFactory,
    VolunteerFactory,
    municipality,
    region,
)
from tests.network.scoping_world import NETWORK_SEES, add_network
from tests.offer.scoping_world import OFFER_SEES, add_offer
from tests.outreach.scoping_world import OUTREACH_SEES, add_outreach
from tests.placerequests.scoping_world import PLACE_REQUEST_SEES, add_place_requests
from tests.privacy.scoping_world import PRIVACY_SEES, add_privacy
from tests.reporting.scoping_world import REPORTING_SEES, add_reporting
from tests.trajectories.scoping_world_matching import MATCHING_SEES, add_allocation_rounds

ANONYMOUS = "anonymous"
# Signed-in roles, in the order the test ids show them.
SIGNED_IN = [
    "admin",
    "coordinator_rivierenland",
    "coach_rivierenland",
    "coach_kempen",
    "officer_putte",
    "officer_mechelen",
    "provider_staff_aster",
    "counsellor",
    "no_membership",
]
ROLES = [*SIGNED_IN, ANONYMOUS]

PUBLISHED = {"praattafel_aster", "wandeling_berk", "koken_ceder"}
ALL_ACTIVITIES = PUBLISHED | {"ontwerp_aster", "ontwerp_berk", "ontwerp_ceder", "ontwerp_den"}
ALL_MUNICIPALITIES = {"mechelen", "putte", "turnhout"}
RIVIERENLAND_ACTIVITIES = {"praattafel_aster", "ontwerp_aster", "wandeling_berk", "ontwerp_berk"}
_BOHDAN_ROLES = [
    "admin", "coordinator_rivierenland", "coach_rivierenland", "officer_putte",
    "provider_staff_aster",
]  # fmt: skip
BOHDAN_SEEN_BY = {role: {"bohdan_aster"} for role in _BOHDAN_ROLES}
BOHDAN_PROOF_SEEN_BY = {role: {"bewijs_bohdan_aster"} for role in _BOHDAN_ROLES}

SEES: dict[str, dict[str, set[str]]] = {
    "region": {
        "admin": {"rivierenland", "kempen", "kruibeke_temse_zwijndrecht"},
        "coordinator_rivierenland": {"rivierenland"},
        "coach_rivierenland": {"rivierenland"},
        "coach_kempen": {"kempen"},
        "officer_putte": set(),
        "officer_mechelen": set(),
        "provider_staff_aster": set(),
        "counsellor": set(),
        "no_membership": set(),
    },
    # Aster sits in Mechelen, Berk in Putte, Ceder in Turnhout; Den sits in Turnhout, serves
    # Putte too and has only a draft.
    "provider": {
        "admin": {"aster", "berk", "ceder", "den"},
        "coordinator_rivierenland": {"aster", "berk", "den"},
        "coach_rivierenland": {"aster", "berk", "den"},
        "coach_kempen": {"ceder", "den"},
        "officer_putte": {"berk", "den"},
        "officer_mechelen": {"aster"},
        "provider_staff_aster": {"aster"},
        # Counsellors look for offer: organisations with a published activity.
        "counsellor": {"aster", "berk", "ceder"},
        "no_membership": set(),
    },
    # Staff catalogue: published activities are public; drafts only within one's area or
    # organisation.
    "activity": {
        "admin": ALL_ACTIVITIES,
        "coordinator_rivierenland": PUBLISHED | {"ontwerp_aster", "ontwerp_berk"},
        "coach_rivierenland": PUBLISHED | {"ontwerp_aster", "ontwerp_berk"},
        "coach_kempen": PUBLISHED | {"ontwerp_ceder", "ontwerp_den"},
        "officer_putte": PUBLISHED | {"ontwerp_berk"},
        "officer_mechelen": PUBLISHED | {"ontwerp_aster"},
        "provider_staff_aster": PUBLISHED | {"ontwerp_aster"},
        "counsellor": PUBLISHED,
        "no_membership": PUBLISHED,
    },
    # The public catalogue: published activities, for everybody, drafts for nobody.
    "published_activity": {role: PUBLISHED for role in ROLES},
    # Yasmina lives in Mechelen; Bohdan in Putte and is enrolled with Aster; Chidinma lives
    # in Turnhout and is the counsellor's.
    "newcomer": {
        "admin": {"yasmina", "bohdan", "chidinma"},
        "coordinator_rivierenland": {"yasmina", "bohdan"},
        "coach_rivierenland": {"yasmina", "bohdan"},
        "coach_kempen": {"chidinma"},
        "officer_putte": {"bohdan"},
        "officer_mechelen": {"yasmina"},
        "provider_staff_aster": {"bohdan"},
        "counsellor": {"chidinma"},
        "no_membership": set(),
    },
    # Veerle lives in Mechelen, Xander in Turnhout.
    "volunteer": {
        "admin": {"veerle", "xander"},
        "coordinator_rivierenland": {"veerle"},
        "coach_rivierenland": {"veerle"},
        "coach_kempen": {"xander"},
        "officer_putte": set(),
        "officer_mechelen": set(),
        "provider_staff_aster": set(),
        "counsellor": set(),
        "no_membership": set(),
    },
    # Reference geography is public.
    "municipality": {role: ALL_MUNICIPALITIES for role in ROLES},
    # Participant lists, sessions and attendance: the own organisation's activities, or
    # the activities held in one's area (coaches, officers); nothing for counsellors.
    "managed_activity": {
        "admin": ALL_ACTIVITIES,
        "coordinator_rivierenland": RIVIERENLAND_ACTIVITIES,
        "coach_rivierenland": RIVIERENLAND_ACTIVITIES,
        "coach_kempen": {"koken_ceder", "ontwerp_ceder", "ontwerp_den"},
        "officer_putte": {"wandeling_berk", "ontwerp_berk"},
        "officer_mechelen": {"praattafel_aster", "ontwerp_aster"},
        "provider_staff_aster": {"praattafel_aster", "ontwerp_aster"},
        "counsellor": set(),
        "no_membership": set(),
    },
    # One past session each of Praattafel Aster and Koken Ceder.
    "session": {
        "admin": {"sessie_aster", "sessie_ceder"},
        "coordinator_rivierenland": {"sessie_aster"},
        "coach_rivierenland": {"sessie_aster"},
        "coach_kempen": {"sessie_ceder"},
        "officer_putte": set(),
        "officer_mechelen": {"sessie_aster"},
        "provider_staff_aster": {"sessie_aster"},
        "counsellor": set(),
        "no_membership": set(),
    },
    # Bohdan's enrolment with Aster, and the proof of participation asked for it: seen by
    # whoever sees Bohdan (provider staff: only their own organisation's).
    "enrolment": {role: BOHDAN_SEEN_BY.get(role, set()) for role in SIGNED_IN},
    "proof": {role: BOHDAN_PROOF_SEEN_BY.get(role, set()) for role in SIGNED_IN},
}
SEES.update(BUDDY_SEES)
SEES.update(OFFER_SEES)
SEES.update(NETWORK_SEES)
SEES.update(PLACE_REQUEST_SEES)
SEES.update(PRIVACY_SEES)
SEES.update(OUTREACH_SEES)
SEES.update(REPORTING_SEES)
SEES.update(MATCHING_SEES)


@dataclass
class World:
    users: dict[str, User | None] = field(default_factory=dict)
    objects: dict[str, dict[str, models.Model]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, kind: str, key: str, obj: models.Model, label: str) -> None:
        self.objects.setdefault(kind, {})[key] = obj
        self.labels.setdefault(kind, {})[key] = label

    def sees(self, kind: str, role: str) -> set[str]:
        return SEES[kind][role]


def _user(key: str, role: str | None = None, **scope) -> User:
    # No usable password (hashing is slow): the matrix logs in with force_login.
    user = UserFactory(
        username=key,
        first_name=key.split("_")[0].capitalize(),
        last_name="Testpersoon",
        password=None,
        is_staff=role == Role.ADMIN,
    )
    if role is not None:
        Membership.objects.create(user=user, role=role, **scope)
    return user


def build_world() -> World:
    world = World()
    rivierenland, kempen = region("rivierenland"), region("kempen")
    mechelen, putte, turnhout = municipality("12025"), municipality("12029"), municipality("13040")
    for key, obj in [
        ("rivierenland", rivierenland),
        ("kempen", kempen),
        ("kruibeke_temse_zwijndrecht", region("kruibeke-temse-zwijndrecht")),
    ]:
        world.add("region", key, obj, obj.name)
    for key, obj in [("mechelen", mechelen), ("putte", putte), ("turnhout", turnhout)]:
        world.add("municipality", key, obj, obj.name_nl)

    providers = {
        "aster": ProviderFactory(name="Ontmoetingshuis Aster", municipality=mechelen),
        "berk": ProviderFactory(name="Praatcafe Berk", municipality=putte),
        "ceder": ProviderFactory(name="Kookclub Ceder", municipality=turnhout),
        "den": ProviderFactory(name="Sportclub Den", municipality=turnhout),
    }
    providers["den"].serves.add(putte)
    for key, provider in providers.items():
        world.add("provider", key, provider, provider.name)

    draft = Activity.Status.DRAFT
    activities = {
        "praattafel_aster": ActivityFactory(provider=providers["aster"], title="Praattafel Aster"),
        "ontwerp_aster": ActivityFactory(
            provider=providers["aster"], title="Ontwerp Aster", status=draft
        ),
        "wandeling_berk": ActivityFactory(provider=providers["berk"], title="Wandeling Berk"),
        "ontwerp_berk": ActivityFactory(
            provider=providers["berk"], title="Ontwerp Berk", status=draft
        ),
        "koken_ceder": ActivityFactory(provider=providers["ceder"], title="Koken Ceder"),
        "ontwerp_ceder": ActivityFactory(
            provider=providers["ceder"], title="Ontwerp Ceder", status=draft
        ),
        "ontwerp_den": ActivityFactory(
            provider=providers["den"], title="Ontwerp Den", status=draft
        ),
    }
    for key, activity in activities.items():
        world.add("activity", key, activity, activity.title)
        world.add("published_activity", key, activity, activity.title)

    world.users = {
        "admin": _user("admin", Role.ADMIN),
        "coordinator_rivierenland": _user(
            "coordinator_rivierenland", Role.COORDINATOR, region=rivierenland
        ),
        "coach_rivierenland": _user("coach_rivierenland", Role.COACH, region=rivierenland),
        "coach_kempen": _user("coach_kempen", Role.COACH, region=kempen),
        "officer_putte": _user("officer_putte", Role.MUNICIPAL_OFFICER, municipality=putte),
        "officer_mechelen": _user(
            "officer_mechelen", Role.MUNICIPAL_OFFICER, municipality=mechelen
        ),
        "provider_staff_aster": _user(
            "provider_staff_aster", Role.PROVIDER_STAFF, provider=providers["aster"]
        ),
        "counsellor": _user("counsellor", Role.COUNSELLOR),
        "no_membership": _user("no_membership"),
        ANONYMOUS: None,
    }

    newcomers = {
        "yasmina": NewcomerFactory(first_name="Yasmina", last_name="Haddad", municipality=mechelen),
        "bohdan": NewcomerFactory(first_name="Bohdan", last_name="Kovalenko", municipality=putte),
        "chidinma": NewcomerFactory(
            first_name="Chidinma",
            last_name="Okafor",
            municipality=turnhout,
            counsellor=world.users["counsellor"],
        ),
    }
    enrolment = EnrolmentFactory(
        newcomer=newcomers["bohdan"], activity=activities["praattafel_aster"]
    )
    world.add("enrolment", "bohdan_aster", enrolment, "Praattafel Aster")
    _add_ledger(world, activities, newcomers)
    for key, newcomer in newcomers.items():
        # Provider staff see first names only, so the first name is what every page shows.
        world.add("newcomer", key, newcomer, newcomer.first_name)

    volunteers = {
        "veerle": VolunteerFactory(first_name="Veerle", last_name="Mertens", municipality=mechelen),
        "xander": VolunteerFactory(first_name="Xander", last_name="Jacobs", municipality=turnhout),
    }
    for key, volunteer in volunteers.items():
        world.add("volunteer", key, volunteer, str(volunteer))
    add_buddies(world)
    add_offer(world)
    add_network(world)
    add_place_requests(world)
    add_privacy(world)
    add_outreach(world)
    add_reporting(world)
    add_allocation_rounds(world)
    return world


def _add_ledger(world: World, activities: dict, newcomers: dict) -> None:
    """Sessions, the activities whose participants one manages, and a proof."""
    import datetime as dt

    from django.utils import timezone

    from pnt.trajectories.models import ActivitySession, ParticipationProof

    for key, activity in activities.items():
        world.add("managed_activity", key, activity, activity.title)
    last_week = timezone.localdate() - dt.timedelta(days=7)
    for key, activity in [("sessie_aster", activities["praattafel_aster"]),
                          ("sessie_ceder", activities["koken_ceder"])]:  # fmt: skip
        session = ActivitySession.objects.create(
            activity=activity, date=last_week, start=dt.time(18), end=dt.time(20)
        )
        world.add("session", key, session, activity.title)
    proof = ParticipationProof.objects.create(
        newcomer=newcomers["bohdan"], activity=activities["praattafel_aster"], hours=2
    )
    world.add("proof", "bewijs_bohdan_aster", proof, "Praattafel Aster")
