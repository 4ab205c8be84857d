from django.urls import path

from pnt.trajectories import views, views_dashboard, views_ledger

urlpatterns = [
    path("newcomers/", views.newcomer_list, name="newcomer_list"),
    path("newcomers/intake/", views.intake_new, name="intake_new"),
    path("newcomers/<int:pk>/", views.newcomer_detail, name="newcomer_detail"),
    path("newcomers/<int:pk>/intake/", views.intake_edit, name="intake_edit"),
    path("newcomers/<int:pk>/move/", views.newcomer_move, name="newcomer_move"),
    path("newcomers/<int:pk>/notes/", views.note_add, name="note_add"),
    path("newcomers/<int:pk>/next-action/", views.next_action, name="next_action"),
    path("newcomers/<int:pk>/enrol/", views.enrol, name="enrol"),
    path(
        "newcomers/<int:pk>/proofs/<int:activity_pk>/request/",
        views_dashboard.proof_request,
        name="proof_request",
    ),
    path("newcomers/<int:pk>/overview.pdf", views_dashboard.overview_pdf, name="overview_pdf"),
    path("enrolments/<int:pk>/<slug:action>/", views.enrolment_action, name="enrolment_action"),
    path("participants/", views_ledger.participants_index, name="participants_index"),
    path(
        "participants/activities/<int:pk>/",
        views_ledger.activity_participants,
        name="activity_participants",
    ),
    path(
        "participants/activities/<int:pk>/sessions/",
        views_ledger.session_add,
        name="session_add",
    ),
    path(
        "participants/activities/<int:pk>/sessions/plan/",
        views_ledger.sessions_plan,
        name="sessions_plan",
    ),
    path("sessions/<int:pk>/attendance/", views_ledger.attendance_sheet, name="attendance_sheet"),
    path("coach/", views_dashboard.coach_dashboard, name="coach_dashboard"),
    path("coach/completed.csv", views_dashboard.completed_export, name="completed_export"),
    path("proofs/<int:pk>/", views_dashboard.proof_detail, name="proof_detail"),
    path("proofs/<int:pk>/accept/", views_dashboard.proof_accept, name="proof_accept"),
    path("proofs/<int:pk>/proof.pdf", views_dashboard.proof_pdf, name="proof_pdf"),
]
