from django.urls import path

from cairn.accounts import occupations as views

urlpatterns = [
    path("occupations/search/", views.occupation_search, name="occupation_search"),
    path("occupations/pick/", views.occupation_pick, name="occupation_pick"),
]
