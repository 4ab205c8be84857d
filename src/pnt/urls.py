"""URL map: explicit routes per domain, the JSON API under /api/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from pnt.api import api
from pnt.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("health/", web_views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("dashboard/", web_views.dashboard, name="dashboard"),
    path("accounts/login/", web_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("", include("pnt.accounts.urls")),
    path("", include("pnt.privacy.urls")),
    path("", include("pnt.geo.urls")),
    path("", include("pnt.offer.urls")),
    path("", include("pnt.ownwords.urls")),
    path("", include("pnt.trajectories.urls")),
    path("", include("pnt.trajectories.urls_matching")),
    path("", include("pnt.buddies.urls")),
    path("", include("pnt.placerequests.urls")),
    path("", include("pnt.reporting.urls")),
    path("", include("pnt.network.urls")),
    path("", include("pnt.outreach.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
