"""Web pages of pnt.network: the overview, partners and agreements, groups and meetings,
the action plan, good practices and funding."""

from django.urls import path

from pnt.network import views, views_deliverables, views_library, views_meetings, views_plan

urlpatterns = [
    path("network/", views.home, name="network_home"),
    # partners and agreements
    path("network/partners/", views.partner_list, name="partner_list"),
    path("network/partners/new/", views.partner_new, name="partner_new"),
    path("network/partners/<int:pk>/", views.partner_detail, name="partner_detail"),
    path("network/partners/<int:pk>/edit/", views.partner_edit, name="partner_edit"),
    path(
        "network/partners/<int:pk>/contacts/",
        views.partner_contact_add,
        name="partner_contact_add",
    ),
    path("network/agreements/", views.agreement_list, name="agreement_list"),
    path("network/agreements/new/", views.agreement_new, name="agreement_new"),
    path("network/agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("network/agreements/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path("network/agreements/<int:pk>/renew/", views.agreement_renew, name="agreement_renew"),
    path(
        "network/agreements/<int:pk>/document/",
        views.agreement_document,
        name="agreement_document",
    ),
    # groups, meetings, action points
    path("network/meetings/", views_meetings.meeting_list, name="meeting_list"),
    path("network/groups/new/", views_meetings.group_new, name="group_new"),
    path("network/groups/<int:pk>/edit/", views_meetings.group_edit, name="group_edit"),
    path("network/groups/<int:pk>/meetings/new/", views_meetings.meeting_new, name="meeting_new"),
    path("network/meetings/<int:pk>/", views_meetings.meeting_detail, name="meeting_detail"),
    path("network/meetings/<int:pk>/edit/", views_meetings.meeting_edit, name="meeting_edit"),
    path("network/meetings/<int:pk>/agenda/", views_meetings.meeting_agenda, name="meeting_agenda"),
    path(
        "network/meetings/<int:pk>/minutes/", views_meetings.meeting_minutes, name="meeting_minutes"
    ),
    path(
        "network/meetings/<int:pk>/decisions/new/",
        views_meetings.decision_new,
        name="decision_new",
    ),
    path("network/meetings/<int:pk>/cases/new/", views_meetings.case_new, name="case_new"),
    path("network/action-points/", views_meetings.action_point_list, name="action_point_list"),
    path(
        "network/action-points/<int:pk>/status/",
        views_meetings.action_point_status,
        name="action_point_status",
    ),
    # the action plan
    path("network/plan/", views_plan.plan_list, name="plan_list"),
    path("network/plan/new/", views_plan.plan_new, name="plan_new"),
    path("network/plan/<int:pk>/", views_plan.plan_detail, name="plan_detail"),
    path("network/plan/<int:pk>/status/", views_plan.plan_status, name="plan_status"),
    path("network/plan/<int:pk>/pillars/", views_plan.pillar_add, name="pillar_add"),
    path("network/plan/<int:pk>/actions/new/", views_plan.action_new, name="action_new"),
    path("network/actions/<int:pk>/edit/", views_plan.action_edit, name="action_edit"),
    path(
        "network/actions/<int:pk>/indicators/new/",
        views_plan.indicator_new,
        name="indicator_new",
    ),
    # good practices
    path("network/practices/", views_library.practice_list, name="practice_list"),
    path("network/practices/new/", views_library.practice_new, name="practice_new"),
    path("network/practices/<int:pk>/", views_library.practice_detail, name="practice_detail"),
    path(
        "network/practices/<int:pk>/attachments/",
        views_library.practice_attachment_add,
        name="practice_attachment_add",
    ),
    path(
        "network/attachments/<int:pk>/",
        views_library.practice_attachment,
        name="practice_attachment",
    ),
    # funding
    path("network/funding/", views_library.funding_list, name="funding_list"),
    path("network/funding/new/", views_library.application_new, name="application_new"),
    path("network/funding/<int:pk>/", views_library.application_detail, name="application_detail"),
    path(
        "network/funding/<int:pk>/status/",
        views_library.application_status,
        name="application_status",
    ),
    path(
        "network/funding/<int:pk>/deliverables/",
        views_library.deliverable_add,
        name="deliverable_add",
    ),
    path(
        "network/deliverables/<int:pk>/",
        views_deliverables.deliverable_detail,
        name="deliverable_detail",
    ),
    path(
        "network/deliverables/<int:pk>/reports/",
        views_deliverables.deliverable_report_add,
        name="deliverable_report_add",
    ),
    path(
        "network/deliverable-reports/<int:pk>/",
        views_deliverables.deliverable_report,
        name="deliverable_report",
    ),
    path(
        "network/deliverables/<int:pk>/status/",
        views_library.deliverable_status,
        name="deliverable_status",
    ),
    path(
        "network/deliverables/<int:pk>/document/",
        views_library.deliverable_document,
        name="deliverable_document",
    ),
]
