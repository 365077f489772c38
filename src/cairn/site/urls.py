from django.contrib import admin
from django.urls import path

from cairn.site import views

admin.site.site_header = admin.site.site_title = "Cairn operator"
admin.site.index_title = "Accounts, invitations and the reminder queue"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("about/", views.about, name="about"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
