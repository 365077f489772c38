from django.urls import path

from cairn.portability import views

urlpatterns = [
    path("accounts/data/export.json", views.export_json, name="export_json"),
    path("accounts/data/check-ins.csv", views.export_csv, name="export_csv"),
    path("accounts/data/import/", views.import_upload, name="import_upload"),
    path("accounts/delete/", views.delete_account, name="delete_account"),
    path("accounts/delete/cancel/", views.cancel_deletion, name="cancel_deletion"),
]
