"""Who sees which part of the network space.

- Administrators: everything.
- Core partners see the whole network space of their region: the region's coordinator and
  coaches, the officers of its local governments, and the pnt accounts of contact persons
  of its core partners (or staff of an organisation registered as a core partner).
- Everybody else sees only what they take part in: the groups they are members of and
  those groups' meetings, meetings they are a guest at, action points they own, their own
  partner record and the agreements it is a party to, and good practices shared with all.

Changing the network space (partners, agreements, meetings, the plan, funding) is for the
network's own staff: the coordinator and the coaches of the region.

Built on :func:`pnt.accounts.scoping.scope_for`; cached on the user like the scope.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from pnt.accounts.scoping import scope_for


@dataclass(frozen=True)
class NetworkAccess:
    user_id: int | None = None
    is_admin: bool = False
    # Regions whose whole network space the user sees.
    core_region_ids: frozenset[int] = field(default_factory=frozenset)
    # Regions whose network space the user may change (coordinator, coach).
    staff_region_ids: frozenset[int] = field(default_factory=frozenset)
    # Partners the user belongs to (contact person, or staff of the partner organisation).
    own_partner_ids: frozenset[int] = field(default_factory=frozenset)
    # The user has any role at all (shared good practices are for every role).
    has_role: bool = False

    def sees_region(self, region_id: int) -> bool:
        return self.is_admin or region_id in self.core_region_ids

    def manages_region(self, region_id: int) -> bool:
        return self.is_admin or region_id in self.staff_region_ids

    @property
    def manages_any(self) -> bool:
        return self.is_admin or bool(self.staff_region_ids)


def network_access(user) -> NetworkAccess:
    """The user's access to the network space; cached on the user for the request."""
    scope = scope_for(user)
    if scope.user_id is None:
        return NetworkAccess()
    cached = getattr(user, "_pnt_network_access", None)
    if cached is not None:
        return cached
    from pnt.geo.models import Region
    from pnt.network.models import Partner

    core = set(scope.region_ids)
    if scope.officer_municipality_ids:
        core |= set(
            Region.municipalities.through.objects.filter(
                municipality_id__in=scope.officer_municipality_ids
            ).values_list("region_id", flat=True)
        )
    own = Partner.objects.filter(
        Q(contacts__user_id=scope.user_id) | Q(provider_id__in=scope.provider_ids), active=True
    ).values_list("pk", "region_id", "tier")
    own_ids = set()
    for partner_id, region_id, tier in own:
        own_ids.add(partner_id)
        if tier == Partner.Tier.CORE:
            core.add(region_id)
    access = NetworkAccess(
        user_id=scope.user_id,
        is_admin=scope.is_admin,
        core_region_ids=frozenset(core),
        staff_region_ids=frozenset(scope.region_ids),
        own_partner_ids=frozenset(own_ids),
        has_role=scope.is_staff_anywhere or bool(own_ids),
    )
    user._pnt_network_access = access
    return access


def forget_network_access(user) -> None:
    """Drop the cached access after memberships or partner contacts change."""
    if hasattr(user, "_pnt_network_access"):
        del user._pnt_network_access
