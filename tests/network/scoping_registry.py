"""The network's entries of the scoping matrix (tests/scoping): one per URL and API
operation. What each role must see is in `scoping_world.py`."""

from __future__ import annotations

from tests.scoping.registry import Detail, Listing, Page, by_pk, per_role

# Creating in the network space: the region's coordinator and coaches (and admins).
STAFF_ONLY = per_role(
    404, admin=200, coordinator_rivierenland=200, coach_rivierenland=200, coach_kempen=200
)

NETWORK_WEB = [
    Page("network_home"),
    Listing("partner_list", "network_partner"),
    Page("partner_new", status=STAFF_ONLY),
    Detail("partner_detail", "network_partner"),
    Detail("partner_edit", "network_managed_partner"),
    # An empty form is shown again with its errors.
    Detail("partner_contact_add", "network_managed_partner", method="post", data={}),
    Listing("agreement_list", "network_agreement"),
    Page("agreement_new", status=STAFF_ONLY),
    Detail("agreement_detail", "network_agreement"),
    Detail("agreement_edit", "network_managed_agreement"),
    Detail("agreement_renew", "network_managed_agreement", method="post", data={}, status=302),
    Detail("agreement_document", "network_agreement", method="head"),
    Listing("meeting_list", "network_meeting"),
    Page("group_new", status=STAFF_ONLY),
    Detail("group_edit", "network_managed_group"),
    Detail("meeting_new", "network_managed_group"),
    Detail("meeting_detail", "network_meeting"),
    Detail("meeting_edit", "network_managed_meeting"),
    Detail("meeting_agenda", "network_managed_meeting"),
    Detail("meeting_minutes", "network_managed_meeting", method="post", data={}, status=302),
    Detail("decision_new", "network_managed_meeting"),
    # Anyone who sees the meeting may bring a case about a newcomer they follow.
    Detail("case_new", "network_meeting"),
    Listing("action_point_list", "network_action_point"),
    Detail(
        "action_point_status",
        "network_changeable_action_point",
        method="post",
        data={"status": "in_progress"},
        status=302,
    ),
    Listing("plan_list", "network_plan"),
    Page("plan_new", status=STAFF_ONLY),
    Detail("plan_detail", "network_plan"),
    Detail("plan_status", "network_plan"),
    Detail("pillar_add", "network_managed_plan", method="post", data={}, status=302),
    Detail("action_new", "network_managed_plan"),
    Detail("action_edit", "network_managed_action"),
    Detail("indicator_new", "network_managed_action"),
    Listing("practice_list", "network_practice"),
    Page("practice_new", status=STAFF_ONLY),
    Detail("practice_detail", "network_practice"),
    Detail(
        "practice_attachment_add", "network_managed_practice", method="post", data={}, status=302
    ),
    Detail("practice_attachment", "network_practice_attachment", method="head"),
    Listing("funding_list", "network_application"),
    Page("application_new", status=STAFF_ONLY),
    Detail("application_detail", "network_application"),
    Detail("application_status", "network_managed_application", method="post", data={}, status=302),
    Detail("deliverable_add", "network_managed_application", method="post", data={}, status=302),
    Detail("deliverable_status", "network_managed_deliverable", method="post", data={}, status=302),
    Detail("deliverable_document", "network_deliverable", method="head"),
    Detail("deliverable_detail", "network_deliverable"),
    # An empty choice is shown again with its errors; nothing is made.
    Detail("deliverable_report_add", "network_managed_deliverable", method="post", data={}),
    Detail("deliverable_report", "network_deliverable_report", method="head"),
]

NETWORK_API = [
    Listing("pnt_network_api_list_partners", "network_partner"),
    Detail("pnt_network_api_get_partner", "network_partner", by_pk("partner_id")),
    Listing("pnt_network_api_list_agreements", "network_agreement"),
    Detail("pnt_network_api_get_agreement", "network_agreement", by_pk("agreement_id")),
    Listing("pnt_network_api_list_meetings", "network_meeting"),
    Detail("pnt_network_api_get_meeting", "network_meeting", by_pk("meeting_id")),
    Detail(
        "pnt_network_api_record_decision",
        "network_managed_meeting",
        by_pk("meeting_id"),
        method="post",
        data={"text": "Besluit"},
        status=201,
    ),
    Listing("pnt_network_api_list_action_points", "network_action_point"),
    Detail(
        "pnt_network_api_change_action_point",
        "network_changeable_action_point",
        by_pk("point_id"),
        method="post",
        data={"status": "in_progress"},
    ),
    Page("pnt_network_api_list_measures", anonymous=401),
    Listing("pnt_network_api_list_plans", "network_plan"),
    Detail("pnt_network_api_get_plan", "network_plan", by_pk("plan_id")),
    Listing("pnt_network_api_list_practices", "network_practice"),
    Detail("pnt_network_api_get_practice", "network_practice", by_pk("practice_id")),
    Listing("pnt_network_api_list_applications", "network_application"),
    Detail("pnt_network_api_get_application", "network_application", by_pk("application_id")),
]
