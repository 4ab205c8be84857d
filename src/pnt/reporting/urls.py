"""Web pages of pnt.reporting."""

from django.urls import path

from pnt.reporting import views, views_feedback

urlpatterns = [
    path("reports/", views.report_index, name="report_index"),
    path("reports/key-figures/", views.report_key_figures, name="report_key_figures"),
    path("reports/flanders/", views.report_flanders, name="report_flanders"),
    path(
        "reports/flanders/export.<str:fmt>",
        views.report_flanders_export,
        name="report_flanders_export",
    ),
    path("reports/regions/<slug:slug>/", views.report_region, name="report_region"),
    path(
        "reports/regions/<slug:slug>/export.<str:fmt>",
        views.report_region_export,
        name="report_region_export",
    ),
    path(
        "reports/regions/<slug:slug>/slides.pdf",
        views.report_region_slides,
        name="report_region_slides",
    ),
    path(
        "reports/municipalities/<str:nis_code>/",
        views.report_municipality,
        name="report_municipality",
    ),
    path(
        "reports/municipalities/<str:nis_code>/export.<str:fmt>",
        views.report_municipality_export,
        name="report_municipality_export",
    ),
    path(
        "reports/municipalities/<str:nis_code>/council-decision.docx",
        views.council_decision,
        name="report_council_decision",
    ),
    path("reports/providers/<int:pk>/", views.report_provider, name="report_provider"),
    path(
        "reports/providers/<int:pk>/export.<str:fmt>",
        views.report_provider_export,
        name="report_provider_export",
    ),
    path("reports/feedback/", views_feedback.feedback_overview, name="feedback_overview"),
    path(
        "reports/feedback/newcomers/<int:pk>/invite/",
        views_feedback.feedback_invite,
        name="feedback_invite",
    ),
    path("feedback/<str:key>/", views_feedback.feedback_form, name="feedback_form"),
]
