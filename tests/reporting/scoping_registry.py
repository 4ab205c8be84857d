"""Reporting's entries of the scoping matrix (tests/scoping): one per URL and API operation.

What each role must see is in `scoping_world.py`. Reports are aggregates: the matrix checks
who may open which one; what they show (suppressed or not) is tested in tests/reporting.
"""

from __future__ import annotations

from tests.scoping.registry import Detail, Page, by_pk, by_slug, per_role

REGION_STAFF = per_role(404, admin=200, coordinator_rivierenland=200, coach_rivierenland=200,
                        coach_kempen=200, officer_putte=200, officer_mechelen=200)  # fmt: skip
ADMIN_ONLY = per_role(404, admin=200)


def _nis(municipality) -> dict:
    return {"nis_code": municipality.nis_code}


REPORTING_WEB = [
    Page("report_index", status=per_role(200, counsellor=404, no_membership=404)),
    Page("report_key_figures", status=REGION_STAFF),
    Page("report_flanders", status=ADMIN_ONLY),
    Page("report_flanders_export", status=ADMIN_ONLY, kwargs={"fmt": "csv"}),
    Detail("report_region", "report_region", by_slug),
    Detail("report_region_export", "report_region", lambda r: {"slug": r.slug, "fmt": "csv"}),
    Detail("report_region_slides", "report_region", by_slug, method="head"),
    Detail("report_municipality", "report_municipality", _nis),
    Detail(
        "report_municipality_export",
        "report_municipality",
        lambda m: {"nis_code": m.nis_code, "fmt": "csv"},
    ),
    Detail("report_council_decision", "report_municipality", _nis, method="head"),
    Detail("report_provider", "report_provider"),
    Detail("report_provider_export", "report_provider", lambda p: {"pk": p.pk, "fmt": "csv"}),
    Page("feedback_overview", status=per_role(200, provider_staff_aster=404, no_membership=404)),
    # Provider staff never make questionnaire links; others only for their own newcomers.
    Detail(
        "feedback_invite", "newcomer", method="post", status=per_role(302, provider_staff_aster=404)
    ),  # fmt: skip
    # A key that opens nothing; what a real key opens is tested in tests/reporting.
    Page("feedback_form", status=404, anonymous=404, kwargs={"key": "x" * 32}),
]

REPORTING_API = [
    Page("pnt_reporting_api_list_indicators", anonymous=401),
    Detail("pnt_reporting_api_region_report", "report_region", by_slug),
    Detail("pnt_reporting_api_municipality_report", "report_municipality", _nis),
    Detail("pnt_reporting_api_provider_report", "report_provider", by_pk("provider_id")),
    Page("pnt_reporting_api_flanders_report", anonymous=401, status=ADMIN_ONLY),
]
