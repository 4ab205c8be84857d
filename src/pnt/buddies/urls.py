from django.urls import path

from pnt.buddies import views, views_public

urlpatterns = [
    # Public: no account.
    path("buddy/sign-up/", views_public.volunteer_signup, name="buddy_signup"),
    path("buddy/sign-up/thanks/", views_public.volunteer_signup_thanks, name="buddy_signup_thanks"),
    path("buddy/m/<str:key>/", views_public.meeting_link, name="buddy_meeting_link"),
    path(
        "buddy/m/<str:key>/evaluation/",
        views_public.meeting_link_evaluation,
        name="buddy_meeting_link_evaluation",
    ),
    # Coaches and coordinators of the region.
    path("buddies/", views.board, name="buddy_board"),
    path("volunteers/", views.volunteer_list, name="volunteer_list"),
    path("volunteers/<int:pk>/", views.volunteer_detail, name="volunteer_detail"),
    path("volunteers/<int:pk>/intake/", views.volunteer_intake, name="volunteer_intake"),
    path("volunteers/<int:pk>/status/", views.volunteer_status, name="volunteer_status"),
    path("buddies/newcomers/<int:newcomer_pk>/ask/", views.request_new, name="buddy_request_new"),
    path("buddies/rounds/", views.round_list, name="buddy_round_list"),
    path("buddies/rounds/<int:pk>/", views.round_detail, name="buddy_round"),
    path("buddies/rounds/<int:pk>/close/", views.round_close, name="buddy_round_close"),
    path("buddies/rounds/<int:pk>/swap/", views.round_swap, name="buddy_round_swap"),
    path(
        "buddies/proposals/<int:pk>/<slug:action>/",
        views.proposal_decide,
        name="buddy_proposal_decide",
    ),
    path("buddies/pairs/", views.pair_list, name="buddy_pair_list"),
    path("buddies/pairs/<int:pk>/", views.pair_detail, name="buddy_pair"),
    path("buddies/pairs/<int:pk>/<slug:action>/", views.pair_action, name="buddy_pair_action"),
]
