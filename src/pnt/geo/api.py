"""Reference geography in the API: municipalities are public facts; regions are scoped."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from pnt.geo.models import Municipality
from pnt.geo.queries import regions_visible_to

router = Router(tags=["geography"])


class MunicipalityOut(Schema):
    id: int
    nis_code: str
    name_nl: str
    name_fr: str
    valid_from: str | None
    valid_until: str | None
    successor_nis_code: str | None
    latitude: float | None
    longitude: float | None

    @staticmethod
    def resolve_valid_from(obj: Municipality) -> str | None:
        return obj.valid_from.isoformat() if obj.valid_from else None

    @staticmethod
    def resolve_valid_until(obj: Municipality) -> str | None:
        return obj.valid_until.isoformat() if obj.valid_until else None

    @staticmethod
    def resolve_successor_nis_code(obj: Municipality) -> str | None:
        return obj.successor.nis_code if obj.successor_id else None


class RegionOut(Schema):
    id: int
    slug: str
    name: str
    host_nis_code: str
    municipality_nis_codes: list[str]

    @staticmethod
    def resolve_host_nis_code(obj) -> str:
        return obj.host.nis_code

    @staticmethod
    def resolve_municipality_nis_codes(obj) -> list[str]:
        return [m.nis_code for m in obj.municipalities.all()]


@router.get("/municipalities", response=list[MunicipalityOut], auth=None)
def list_municipalities(request: HttpRequest, current: bool = True) -> list[Municipality]:
    """Flemish municipalities; `current=false` includes merged ones, with their successor."""
    qs = Municipality.objects.select_related("successor").defer("outline")
    return list(qs.current() if current else qs)


@router.get("/municipalities/{nis_code}", response=MunicipalityOut, auth=None)
def get_municipality(request: HttpRequest, nis_code: str) -> Municipality:
    """Any NIS code, old ones too: a merged municipality answers with its successor's code."""
    municipality = (
        Municipality.objects.select_related("successor").filter(nis_code=nis_code).first()
    )
    if municipality is None:
        raise HttpError(
            404,
            _("Unknown NIS code '%(code)s': no Flemish municipality has this code.")
            % {"code": nis_code},
        )
    return municipality


@router.get("/regions", response=list[RegionOut])
def list_regions(request: HttpRequest):
    return list(regions_visible_to(request.user).prefetch_related("municipalities"))


@router.get("/regions/{slug}", response=RegionOut)
def get_region(request: HttpRequest, slug: str):
    return get_object_or_404(regions_visible_to(request.user), slug=slug)
