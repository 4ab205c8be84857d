"""Reads of the reference geography, scoped where it matters."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from pnt.accounts.scoping import scope_for
from pnt.geo.models import Region


def regions_visible_to(user) -> QuerySet[Region]:
    """Regions where the user works as coordinator or coach (all for admins)."""
    scope = scope_for(user)
    regions = (
        Region.objects.all() if scope.is_admin else Region.objects.filter(pk__in=scope.region_ids)
    )
    return regions.select_related("host").annotate(size=Count("municipalities"))
