"""Outreach's entries of the scoping matrix (tests/scoping): one per URL and API operation.

What each role must see is in `scoping_world.py`.
"""

from __future__ import annotations

from tests.outreach.scoping_world import INFO_PAGE_SLUG
from tests.scoping.registry import Detail, Listing, Page, per_role

# Figures, demand and flyers: like coverage (coordinators, coaches, municipal officers).
FIGURES = per_role(404, admin=200, coordinator_rivierenland=200, coach_rivierenland=200,
                   coach_kempen=200, officer_putte=200, officer_mechelen=200)  # fmt: skip
# Putte's flyer: the roles whose regions hold Putte.
PUTTE_FLYER = per_role(404, admin=200, coordinator_rivierenland=200, coach_rivierenland=200,
                       officer_putte=200, officer_mechelen=200)  # fmt: skip
EDITORS = per_role(404, admin=200, coordinator_rivierenland=200)
NOT_PROVIDER_STAFF = per_role(200, provider_staff_aster=404)
PAGE = {"slug": INFO_PAGE_SLUG, "language": "nl"}


def _region(region) -> dict:
    return {"region": region.slug}


OUTREACH_WEB = [
    Listing("follow_on_list", "follow_on", status=NOT_PROVIDER_STAFF),
    Detail("follow_on_record", "newcomer", status=NOT_PROVIDER_STAFF),
    Detail("check_in_answer", "check_in", status=NOT_PROVIDER_STAFF),
    Page("follow_on_figures", status=FIGURES),
    Listing("regular_offer_list", "editable_activity"),
    Detail("activity_follow_on", "editable_activity"),
    # An unknown key is 404 for everybody; the real links are tested in tests/outreach.
    Page("check_in_link", status=404, anonymous=404, kwargs={"key": "not-a-key"}),
    Page("demand", status=FIGURES),
    Page("demand_csv", status=FIGURES),
    Page("municipality_flyer", status=PUTTE_FLYER, kwargs={"nis_code": "12029"}),
    Page("info_index", anonymous=200),
    Detail("info_page", "info_page", lambda page: {"slug": page.slug}, public=True),
    Page("info_admin", status=EDITORS),
    Page("info_edit", status=EDITORS, kwargs=PAGE),
    Page("info_history", status=EDITORS, kwargs=PAGE),
    Detail("info_publish", "info_version", method="post", status=302),
]

OUTREACH_API = [
    Detail("pnt_outreach_api_follow_on_figures", "coverage_region", _region),
    Detail("pnt_outreach_api_demand_signals", "coverage_region", _region),
]
