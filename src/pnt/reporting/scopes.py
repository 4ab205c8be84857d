"""What a report is about (all of Flanders, a region, a municipality or a provider), who may
ask for which, and the filters that restrict each source table to it.

Newcomers belong to the municipality they live in now; offer belongs to the municipality it
takes place in. A provider's report covers its own activities and the newcomers enrolled
in them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from pnt.accounts.scoping import scope_for
from pnt.geo.models import Municipality, Region
from pnt.offer.models import Provider

FLANDERS, REGION, MUNICIPALITY, PROVIDER = "flanders", "region", "municipality", "provider"


@dataclass(frozen=True)
class ReportScope:
    kind: str
    key: str  # region slug, NIS code, provider pk, or "flanders"
    name: str
    # The municipalities covered; None means every municipality (Flanders, a provider).
    municipality_ids: frozenset[int] | None = None
    provider_id: int | None = None
    # For a municipality: the region whose figures it is reported beside.
    region: Region | None = None
    municipality: Municipality | None = None

    @property
    def is_provider(self) -> bool:
        return self.provider_id is not None

    def _places(self, path: str) -> Q:
        if self.municipality_ids is None:
            return Q()
        return Q(**{f"{path}municipality__in": self.municipality_ids})

    def newcomers(self, path: str = "") -> Q:
        """Newcomers in scope; `path` leads from the queried model to the newcomer
        ("newcomer__", "enrolment__newcomer__", or "" for Newcomer itself)."""
        if self.provider_id is not None:
            from pnt.trajectories.models import Enrolment

            enrolled = Enrolment.objects.filter(activity__provider=self.provider_id)
            return Q(**{f"{path}pk__in": enrolled.values("newcomer_id")})
        return self._places(path)

    def activities(self, path: str = "") -> Q:
        """Activities in scope; `path` leads from the queried model to the activity."""
        if self.provider_id is not None:
            return Q(**{f"{path}provider": self.provider_id})
        return self._places(path)

    def attendance(self) -> Q:
        """Ledger rows in scope: the hours of newcomers living here (a provider: the hours
        done in its own activities)."""
        if self.provider_id is not None:
            return Q(enrolment__activity__provider=self.provider_id)
        return self.newcomers("enrolment__newcomer__")

    def volunteers(self, path: str = "") -> Q:
        if self.provider_id is not None:
            return Q(pk__in=[])
        return self._places(path)

    def municipalities(self):
        """The municipalities of the scope that exist now (Flanders: all current ones)."""
        qs = Municipality.objects.current().defer("outline")
        if self.municipality_ids is not None:
            qs = qs.filter(pk__in=self.municipality_ids)
        elif self.provider_id is not None:
            qs = qs.none()
        return qs.order_by("name_nl")


def flanders() -> ReportScope:
    return ReportScope(FLANDERS, FLANDERS, _("Flanders"))


def for_region(region: Region) -> ReportScope:
    ids = frozenset(region.municipalities.values_list("pk", flat=True))
    return ReportScope(REGION, region.slug, region.name, municipality_ids=ids, region=region)


def for_municipality(municipality: Municipality) -> ReportScope:
    region = Region.objects.filter(municipalities=municipality).order_by("pk").first()
    return ReportScope(
        MUNICIPALITY,
        municipality.nis_code,
        municipality.name_nl,
        municipality_ids=frozenset({municipality.pk}),
        region=region,
        municipality=municipality,
    )


def for_provider(provider: Provider) -> ReportScope:
    return ReportScope(PROVIDER, str(provider.pk), provider.name, provider_id=provider.pk)


# --- who may ask for which report ------------------------------------------------------------


def regions_for(user):
    """Regions whose report the user may see: coordinators and coaches their regions,
    municipal officers the regions around their municipality, administrators all."""
    scope = scope_for(user)
    if scope.is_admin:
        return Region.objects.all()
    return Region.objects.filter(
        Q(pk__in=scope.region_ids) | Q(municipalities__in=scope.officer_municipality_ids)
    ).distinct()


def municipalities_for(user):
    scope = scope_for(user)
    qs = Municipality.objects.current().defer("outline")
    if scope.is_admin:
        return qs.filter(regions__isnull=False).distinct()
    return qs.filter(pk__in=scope.area_municipality_ids)


def providers_for(user):
    """Providers whose report the user may see: their own organisation, or those seated in
    their area."""
    scope = scope_for(user)
    if scope.is_admin:
        return Provider.objects.all()
    return Provider.objects.filter(
        Q(pk__in=scope.provider_ids) | Q(municipality__in=scope.area_municipality_ids)
    )


def can_report_flanders(user) -> bool:
    return scope_for(user).is_admin


def region_scope(user, slug: str) -> ReportScope:
    region = regions_for(user).filter(slug=slug).first()
    if region is None:
        raise Http404
    return for_region(region)


def municipality_scope(user, nis_code: str) -> ReportScope:
    municipality = municipalities_for(user).filter(nis_code=nis_code).first()
    if municipality is None:
        raise Http404
    return for_municipality(municipality)


def provider_scope(user, pk: int) -> ReportScope:
    provider = providers_for(user).filter(pk=pk).first()
    if provider is None:
        raise Http404
    return for_provider(provider)


def flanders_scope(user) -> ReportScope:
    if not can_report_flanders(user):
        raise Http404
    return flanders()


def is_own_scope(user, report_scope: ReportScope) -> bool:
    """True when every newcomer counted in the report is one the user may see anyway:
    then the screen shows exact small counts. Everything else is suppressed."""
    scope = scope_for(user)
    if scope.is_admin:
        return True
    if report_scope.municipality_ids is None:
        return False
    return bool(report_scope.municipality_ids) and report_scope.municipality_ids <= (
        scope.area_municipality_ids
    )
