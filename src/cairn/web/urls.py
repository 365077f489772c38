from django.urls import path

from cairn.web import views

urlpatterns = [
    path("about/", views.about, name="about"),
    path("healthz", views.healthz, name="healthz"),
]
