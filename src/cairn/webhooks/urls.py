from django.urls import path

from cairn.webhooks import views

urlpatterns = [
    path("accounts/webhooks/", views.webhook_list, name="webhooks"),
    path("accounts/webhooks/<int:webhook_id>/remove/", views.webhook_remove, name="webhook_remove"),
    path("accounts/webhooks/<int:webhook_id>/enable/", views.webhook_enable, name="webhook_enable"),
]
