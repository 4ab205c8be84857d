from django.urls import path

from pnt.placerequests import views

urlpatterns = [
    path("catalogus/<int:pk>/aanvragen/", views.request_place, name="place_request_new"),
    path("catalogus/<int:pk>/verstuurd/", views.request_sent, name="place_request_sent"),
    path("requests/", views.request_list, name="place_request_list"),
    path("requests/<int:pk>/", views.request_detail, name="place_request_detail"),
    path("requests/<int:pk>/close/", views.request_close, name="place_request_close"),
]
