"""Routes of the matching pages (included from pnt.urls)."""

from django.urls import path

from pnt.trajectories import views_matching as views

urlpatterns = [
    path(
        "newcomers/<int:pk>/recommendations/",
        views.newcomer_recommendations,
        name="newcomer_recommendations",
    ),
    path(
        "newcomers/<int:pk>/recommendations/take/",
        views.newcomer_take_activities,
        name="newcomer_take_activities",
    ),
    path("allocation/", views.allocation_round_list, name="allocation_round_list"),
    path("allocation/<int:pk>/", views.allocation_round_detail, name="allocation_round"),
    path(
        "allocation/<int:pk>/progress/",
        views.allocation_round_progress,
        name="allocation_round_progress",
    ),
    path(
        "allocation/<int:pk>/assignments/<int:assignment_pk>/remove/",
        views.allocation_assignment_remove,
        name="allocation_assignment_remove",
    ),
    path(
        "allocation/<int:pk>/confirm/",
        views.allocation_round_confirm,
        name="allocation_round_confirm",
    ),
    path(
        "allocation/<int:pk>/discard/",
        views.allocation_round_discard,
        name="allocation_round_discard",
    ),
    path("allocation/weights/", views.matching_weights_list, name="matching_weights_list"),
    path("allocation/weights/<slug:slug>/", views.matching_weights, name="matching_weights"),
    path(
        "allocation/weights/<slug:slug>/reset/",
        views.matching_weights_reset,
        name="matching_weights_reset",
    ),
]
