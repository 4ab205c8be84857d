"""Pages of the accounts: the second factor of logging in."""

from django.urls import path

from pnt.accounts import views

urlpatterns = [
    path("accounts/two-factor/", views.two_factor_verify, name="two_factor_verify"),
    path("accounts/two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
]
