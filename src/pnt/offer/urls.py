from django.urls import path

from pnt.offer import views, views_coverage, views_exchange, views_readability

urlpatterns = [
    path("offer/", views.activity_list, name="activity_list"),
    path("offer/activities/new/", views.activity_create, name="activity_create"),
    path("offer/activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("offer/activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("offer/activities/<int:pk>/publish/", views.activity_publish, name="activity_publish"),
    path("offer/activities/<int:pk>/pause/", views.activity_pause, name="activity_pause"),
    path(
        "offer/activities/<int:pk>/duplicate/",
        views.activity_duplicate,
        name="activity_duplicate",
    ),
    path("offer/activities/<int:pk>/validate/", views.activity_validate, name="activity_validate"),
    path("offer/coverage/", views_coverage.coverage_view, name="offer_coverage"),
    path("offer/readability/", views_readability.readability_check, name="offer_readability"),
    path("offer/import/", views_exchange.import_activities, name="offer_import"),
    path("offer/import/template.csv", views_exchange.import_template, name="offer_import_template"),
    path("offer/export.csv", views_exchange.export_own_csv, name="offer_export_csv"),
    path("offer/providers/", views.provider_list, name="provider_list"),
    path("offer/providers/<int:pk>/", views.provider_detail, name="provider_detail"),
    path("catalogus/", views.public_catalogue, name="public_catalogue"),
    path("catalogus/<int:pk>/", views.public_activity, name="public_activity"),
    path("catalogus/activiteiten.jsonld", views_exchange.export_jsonld, name="offer_export_jsonld"),
    path(
        "catalogus/aanbieder/<int:pk>/agenda.ics",
        views_exchange.provider_calendar,
        name="provider_calendar",
    ),
    path(
        "catalogus/gemeente/<str:nis_code>/agenda.ics",
        views_exchange.municipality_calendar,
        name="municipality_calendar",
    ),
]
