from django.urls import path

from pnt.outreach import views, views_demand, views_pages, views_public

urlpatterns = [
    path("follow-on/", views.follow_on_list, name="follow_on_list"),
    path("follow-on/newcomers/<int:pk>/", views.follow_on_record, name="follow_on_record"),
    path("follow-on/check-ins/<int:pk>/", views.check_in_answer, name="check_in_answer"),
    path("follow-on/figures/", views.follow_on_figures, name="follow_on_figures"),
    path("follow-on/offer/", views.regular_offer_list, name="regular_offer_list"),
    path("follow-on/offer/<int:pk>/", views.activity_follow_on, name="activity_follow_on"),
    path("check-in/<str:key>/", views_public.check_in_link, name="check_in_link"),
    path("offer/demand/", views_demand.demand_view, name="demand"),
    path("offer/demand.csv", views_demand.demand_csv, name="demand_csv"),
    path("info/", views_pages.info_index, name="info_index"),
    path("info/<slug:slug>/", views_pages.info_page, name="info_page"),
    path("info-pages/", views_pages.info_admin, name="info_admin"),
    path("info-pages/<slug:slug>/<str:language>/edit/", views_pages.info_edit, name="info_edit"),
    path("info-pages/<slug:slug>/<str:language>/", views_pages.info_history, name="info_history"),
    path("info-pages/versions/<int:pk>/publish/", views_pages.info_publish, name="info_publish"),
    path(
        "info/flyer/<str:nis_code>.pdf", views_pages.municipality_flyer, name="municipality_flyer"
    ),
]
