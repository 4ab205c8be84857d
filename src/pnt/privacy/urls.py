"""Pages of data protection: requests about one person, the audit log."""

from django.urls import path

from pnt.privacy import views

urlpatterns = [
    path("privacy/", views.privacy_index, name="privacy_index"),
    path("privacy/audit/", views.audit_log_view, name="audit_log"),
    path("privacy/audit.csv", views.audit_log_csv, name="audit_log_csv"),
    path("privacy/<slug:kind>/<int:pk>/", views.privacy_subject, name="privacy_subject"),
    path(
        "privacy/<slug:kind>/<int:pk>/export.<slug:fmt>",
        views.privacy_export,
        name="privacy_export",
    ),
    path("privacy/<slug:kind>/<int:pk>/erase/", views.privacy_erase, name="privacy_erase"),
]
