from django.urls import path

from pnt.geo import views

urlpatterns = [
    path("regions/", views.region_list, name="region_list"),
    path("regions/<slug:slug>/", views.region_detail, name="region_detail"),
]
