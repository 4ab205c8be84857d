"""The demo logins (one per role, one shared password) and the generated staff behind them."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db.models import Q
from django.utils import translation

from pnt.accounts.models import Membership, Role, User
from pnt.geo.models import Municipality
from pnt.web.demo.names import FLEMISH_MEN, FLEMISH_SURNAMES, FLEMISH_WOMEN, ORIGINS, ascii_slug
from pnt.web.demo.world import DEMO_EMAIL_DOMAIN, World

# Printed by `pnt demo`; long enough for AUTH_PASSWORD_VALIDATORS (12 characters or more).
DEMO_PASSWORD = "pnt-demo-2026"  # noqa: S105 — a published demo password, not a secret
# One trajectory counsellor of the agency follows about this many newcomers.
CASELOAD = 90


@dataclass(frozen=True)
class DemoLogin:
    username: str
    first_name: str
    last_name: str
    role: str
    # "region:<slug>", "municipality:<NIS>", "provider:anchor" or "" (no scope object).
    scope: str


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin("coordinator", "Sofie", "Peeters", Role.COORDINATOR, "region:rivierenland"),
    DemoLogin("coach", "Jonas", "Van den Broeck", Role.COACH, "region:rivierenland"),
    DemoLogin("officer.mechelen", "Griet", "Janssens", Role.MUNICIPAL_OFFICER,
              "municipality:12025"),
    DemoLogin("officer.putte", "Koen", "Maes", Role.MUNICIPAL_OFFICER, "municipality:12029"),
    DemoLogin("provider", "Nele", "Willems", Role.PROVIDER_STAFF, "provider:anchor"),
    DemoLogin("counsellor", "Samira", "El Idrissi", Role.COUNSELLOR, ""),
    DemoLogin("admin", "Wim", "Claes", Role.ADMIN, ""),
    DemoLogin("coach.kempen", "Lotte", "Wuyts", Role.COACH, "region:kempen"),
)  # fmt: skip
DEMO_USERNAMES = tuple(login.username for login in DEMO_LOGINS)


def create_staff(world: World) -> None:
    """The demo logins with their memberships, and the agency's other counsellors."""
    # Hash the shared password once: a PBKDF2 hash takes a noticeable fraction of a second,
    # and the demo accounts share one published password anyway.
    hashed = make_password(DEMO_PASSWORD)
    users = [_demo_user(login, hashed) for login in DEMO_LOGINS]
    world.save(User, users, "demo logins")
    by_name = {user.username: user for user in users}
    world.staff.logins = by_name
    memberships = [
        Membership(user=by_name[login.username], role=login.role, **_scope(world, login))
        for login in DEMO_LOGINS
    ]
    world.save(Membership, memberships, "memberships")
    for slug, username in (("rivierenland", "coach"), ("kempen", "coach.kempen")):
        world.staff.coaches[slug] = by_name[username].pk
    world.staff.validators = {
        "rivierenland": by_name["coordinator"].pk,
        "kempen": by_name["coach.kempen"].pk,
    }
    world.staff.demo_counsellor = by_name["counsellor"].pk
    _counsellors(world)


def _demo_user(login: DemoLogin, hashed: str) -> User:
    admin = login.role == Role.ADMIN
    return User(
        username=login.username,
        first_name=login.first_name,
        last_name=login.last_name,
        email=f"{login.username}@{DEMO_EMAIL_DOMAIN}",
        password=hashed,
        is_staff=admin,
        is_superuser=admin,
    )


def _scope(world: World, login: DemoLogin) -> dict:
    kind, _sep, ref = login.scope.partition(":")
    if kind == "region":
        return {"region": world.regions[ref]}
    if kind == "municipality":
        return {"municipality": Municipality.objects.get(nis_code=ref)}
    if kind == "provider":
        return {"provider_id": world.anchor_provider_id}
    return {}


def _counsellors(world: World) -> None:
    """Counsellors of the agency for each part of the scale (they cannot log in)."""
    users: list[User] = []
    owners: list[str | None] = []
    for part in world.scale.parts:
        for _ in range(max(1, round(part.newcomers / CASELOAD))):
            users.append(_counsellor(world))
            owners.append(part.region)
    world.save(User, users, "counsellors")
    world.save(Membership, [Membership(user=u, role=Role.COUNSELLOR) for u in users], "memberships")
    for user, region in zip(users, owners, strict=True):
        world.staff.counsellors.setdefault(region, []).append(user.pk)


def _counsellor(world: World) -> User:
    if world.chance(0.75):
        first = world.pick(FLEMISH_WOMEN + FLEMISH_MEN)
        last = world.pick(FLEMISH_SURNAMES)
    else:
        origin = world.pick(ORIGINS)
        first, last = world.pick(origin.women + origin.men), world.pick(origin.surnames)
    name = f"{ascii_slug(first)}.{ascii_slug(last)}.{world.serial()}"
    return User(
        username=f"tb.{name}"[:150],
        first_name=first,
        last_name=last,
        email=f"{name}@{DEMO_EMAIL_DOMAIN}",
        # Only the demo logins have a password; generated staff stand behind the data.
        password=make_password(None),
    )


def generated_users() -> Q:
    """The users the generator made: the demo logins and staff with a demo address."""
    return Q(username__in=DEMO_USERNAMES) | Q(email__endswith="@" + DEMO_EMAIL_DOMAIN)


@dataclass(frozen=True)
class LoginRow:
    username: str
    role: str
    scope: str


def login_table() -> list[LoginRow]:
    """The demo logins as they are in the database: role and scope, for printing."""
    rows = []
    users = {u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES)}
    for login in DEMO_LOGINS:
        user = users.get(login.username)
        if user is None:
            continue
        membership = (
            Membership.objects.filter(user=user, role=login.role)
            .select_related("region", "municipality", "provider")
            .first()
        )
        with translation.override("en"):
            label = str(Role(login.role).label)
        rows.append(LoginRow(login.username, label, _scope_text(user, membership)))
    return rows


def _scope_text(user: User, membership: Membership | None) -> str:
    if membership is None:
        return "—"
    target = membership.region or membership.municipality or membership.provider
    if target is not None:
        return str(target)
    if membership.role == Role.COUNSELLOR:
        return f"{user.counselled_newcomers.count()} assigned newcomers"
    return "everything"
