"""The offer's entries of the scoping matrix (tests/scoping): one per URL and API operation.

What each role must see is in `scoping_world.py`.
"""

from __future__ import annotations

from tests.scoping.registry import Detail, Listing, Page, by_pk, per_role

NO_AUTHORING = per_role(
    200, coach_rivierenland=404, coach_kempen=404, counsellor=404, no_membership=404
)
COVERAGE = per_role(404, admin=200, coordinator_rivierenland=200, coach_rivierenland=200,
                    coach_kempen=200, officer_putte=200, officer_mechelen=200)  # fmt: skip


def _nis(municipality) -> dict:
    return {"nis_code": municipality.nis_code}


OFFER_WEB = [
    Page("activity_create", status=NO_AUTHORING),
    Detail("activity_edit", "editable_activity"),
    Detail("activity_publish", "editable_activity", method="post", status=302),
    Detail("activity_pause", "editable_activity", method="post", status=302),
    Detail("activity_duplicate", "editable_activity", method="post", status=302),
    Detail("activity_validate", "validatable_activity", method="post", status=302),
    Page("offer_coverage", status=COVERAGE),
    Page("offer_import", status=NO_AUTHORING),
    Page("offer_import_template"),
    Listing("offer_export_csv", "editable_activity"),
    Listing("offer_export_jsonld", "published_activity", public=True),
    Detail("provider_calendar", "public_provider", public=True),
    Detail("municipality_calendar", "municipality", _nis, public=True),
]

OFFER_API = [
    Page("pnt_offer_api_search", anonymous=200),
    Page(
        "pnt_offer_api_create_activity",
        method="post",
        data={},
        anonymous=401,
        status={**NO_AUTHORING, **{r: 400 for r, s in NO_AUTHORING.items() if s == 200}},
    ),
    Detail(
        "pnt_offer_api_update_activity",
        "editable_activity",
        by_pk("activity_id"),
        method="patch",
        data={},
    ),  # fmt: skip
    Detail(
        "pnt_offer_api_publish_activity",
        "editable_activity",
        by_pk("activity_id"),
        method="post",
    ),  # fmt: skip
    Detail(
        "pnt_offer_api_pause_activity", "editable_activity", by_pk("activity_id"), method="post"
    ),
    Detail(
        "pnt_offer_api_duplicate_activity",
        "editable_activity",
        by_pk("activity_id"),
        method="post",
        status=201,
    ),  # fmt: skip
    Detail(
        "pnt_offer_api_validate_activity",
        "validatable_activity",
        by_pk("activity_id"),
        method="post",
    ),  # fmt: skip
    Detail(
        "pnt_offer_api_region_coverage",
        "coverage_region",
        lambda region: {"region": region.slug},
    ),
    Page("pnt_offer_api_export_jsonld", anonymous=200),
    Page(
        "pnt_offer_api_import_activities",
        method="post",
        data={"provider_id": 0, "content": ""},
        anonymous=401,
        status=404,
    ),
]
