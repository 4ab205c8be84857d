"""The one scoping mechanism: what a user's memberships let them see.

Every query of personal or organisation data starts from ``Model.objects.visible_to(user)``;
those querysets ask this module for the user's :class:`Scope`. Objects outside it are 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser

from pnt.accounts.models import Membership, Role, User


@dataclass(frozen=True)
class Scope:
    """The sets of ids a user may see, computed once per user object."""

    user_id: int | None = None
    is_admin: bool = False
    # Regions where the user is coordinator or coach.
    region_ids: frozenset[int] = field(default_factory=frozenset)
    coordinator_region_ids: frozenset[int] = field(default_factory=frozenset)
    # Every municipality whose residents and offer the user may see (regions + own).
    area_municipality_ids: frozenset[int] = field(default_factory=frozenset)
    # Municipalities where the user is municipal officer.
    officer_municipality_ids: frozenset[int] = field(default_factory=frozenset)
    provider_ids: frozenset[int] = field(default_factory=frozenset)
    is_counsellor: bool = False
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_staff_anywhere(self) -> bool:
        return bool(self.roles)


def scope_for(user: User | AnonymousUser | None) -> Scope:
    """The user's scope; cached on the user object for the length of a request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Scope()
    cached = getattr(user, "_pnt_scope", None)
    if cached is not None:
        return cached
    from pnt.geo.models import Municipality

    memberships = list(Membership.objects.filter(user=user))
    roles = frozenset(m.role for m in memberships)
    region_ids = frozenset(
        m.region_id for m in memberships if m.role in (Role.COORDINATOR, Role.COACH)
    )
    coordinator_region_ids = frozenset(
        m.region_id for m in memberships if m.role == Role.COORDINATOR
    )
    officer_ids = frozenset(
        m.municipality_id for m in memberships if m.role == Role.MUNICIPAL_OFFICER
    )
    region_municipality_ids = (
        frozenset(Municipality.objects.filter(regions__in=region_ids).values_list("pk", flat=True))
        if region_ids
        else frozenset()
    )
    scope = Scope(
        user_id=user.pk,
        is_admin=user.is_superuser or Role.ADMIN in roles,
        region_ids=region_ids,
        coordinator_region_ids=coordinator_region_ids,
        area_municipality_ids=region_municipality_ids | officer_ids,
        officer_municipality_ids=officer_ids,
        provider_ids=frozenset(m.provider_id for m in memberships if m.role == Role.PROVIDER_STAFF),
        is_counsellor=Role.COUNSELLOR in roles,
        roles=roles,
    )
    user._pnt_scope = scope  # type: ignore[union-attr]
    return scope


def forget_scope(user: User) -> None:
    """Drop the cached scope after memberships change."""
    if hasattr(user, "_pnt_scope"):
        del user._pnt_scope
