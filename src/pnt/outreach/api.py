"""Follow-on figures and demand signals in the API: aggregates of one region, small counts
hidden (None, with the shown text beside it). Regions outside the caller's scope are 404."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from pnt.geo.models import Region
from pnt.offer.coverage import coverage_regions
from pnt.outreach import demand as demand_module
from pnt.outreach import figures
from pnt.outreach.queries import threshold

router = Router(tags=["outreach"])


class ShareOut(Schema):
    key: str
    label: str
    answered: int | None
    answered_display: str
    still_active_share: float | None
    still_active_display: str


class MonthsOut(Schema):
    months: int
    total: ShareOut
    municipalities: list[ShareOut]
    activity_types: list[ShareOut]


class LeadingOut(Schema):
    activity_id: int
    title: str
    type: str
    followed: int | None
    followed_display: str
    moved_on_share: float | None
    moved_on_display: str
    active_after_6_months_share: float | None
    active_after_6_months_display: str


class FollowOnFiguresOut(Schema):
    id: int
    region: str
    suppression_threshold: int
    check_ins: list[MonthsOut]
    leading_activities: list[LeadingOut]


class DemandRowOut(Schema):
    municipality_nis_code: str
    municipality: str
    kind: str
    wish: str
    wish_label: str
    newcomers_wanting: int | None
    newcomers_wanting_display: str
    without_offer_in_reach: int | None
    without_offer_in_reach_display: str
    requests_without_place: int | None
    requests_without_place_display: str
    from_intake: int | None
    from_intake_display: str
    from_own_words: int | None
    from_own_words_display: str
    from_public_requests: int | None
    from_public_requests_display: str
    nearest_open_km: float | None
    nearest_open_activity: str
    nearest_open_municipality: str
    sentence: str


class DemandOut(Schema):
    id: int
    region: str
    suppression_threshold: int
    offer_to_create: list[DemandRowOut]


def _region(request: HttpRequest, slug: str) -> Region:
    return get_object_or_404(coverage_regions(request.user), slug=slug)


def _share(share: figures.Share) -> dict:
    return {
        "key": share.key,
        "label": share.label,
        "answered": figures.count_shown(share.answered),
        "answered_display": share.answered_display,
        "still_active_share": share.share,
        "still_active_display": share.share_display,
    }


def _leading(item: figures.LeadingActivity) -> dict:
    return {
        "activity_id": item.activity_id,
        "title": item.title,
        "type": item.type,
        "followed": figures.count_shown(item.followed),
        "followed_display": item.followed_display,
        "moved_on_share": figures.share_shown(item.moved_on, item.followed),
        "moved_on_display": item.moved_on_display,
        "active_after_6_months_share": figures.share_shown(item.active_6m, item.followed),
        "active_after_6_months_display": item.active_6m_display,
    }


@router.get("/regions/{region}/follow-on", response=FollowOnFiguresOut)
def follow_on_figures(request: HttpRequest, region: str):
    """Share of newcomers still active 3 and 6 months after the PNT, by municipality and by
    activity type, and the PNT activities that lead on best."""
    found = _region(request, region)
    data = figures.region_figures(found)
    return {
        "id": found.pk,
        "region": found.slug,
        "suppression_threshold": threshold(),
        "check_ins": [
            {
                "months": months,
                "total": _share(part["total"]),
                "municipalities": [_share(s) for s in part["municipalities"]],
                "activity_types": [_share(s) for s in part["types"]],
            }
            for months, part in data["months"].items()
        ],
        "leading_activities": [_leading(item) for item in data["leading"]],
    }


@router.get("/regions/{region}/demand", response=DemandOut)
def demand_signals(request: HttpRequest, region: str):
    """Unmet demand per wish and municipality against the open offer within reach, ranked
    as offer to create, with where the wishes come from (intake, own words, public requests
    for a place; requests without a place)."""
    found = _region(request, region)
    demand = demand_module.region_demand(found)
    return {
        "id": found.pk,
        "region": found.slug,
        "suppression_threshold": threshold(),
        "offer_to_create": [demand_module.row_as_dict(row) for row in demand.ranked()],
    }
