from django.urls import path

from cairn.site import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("about/", views.about, name="about"),
    path("healthz", views.healthz, name="healthz"),
]
