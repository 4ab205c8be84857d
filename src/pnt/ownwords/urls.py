from django.urls import path

from pnt.ownwords import views

urlpatterns = [
    path("catalogus/in-mijn-woorden/", views.public_own_words, name="public_own_words"),
    path("newcomers/<int:pk>/own-words/", views.newcomer_own_words, name="newcomer_own_words"),
    path(
        "newcomers/<int:pk>/own-words/interests/",
        views.newcomer_own_words_confirm,
        name="newcomer_own_words_confirm",
    ),
]
