from django.urls import include, path

urlpatterns = [
    path("accounts/", include("cairn.accounts.urls")),
    path("", include("cairn.goals.urls")),
    path("", include("cairn.planning.urls")),
    path("", include("cairn.accountability.urls")),
    path("", include("cairn.accounts.occupation_urls")),
    path("", include("cairn.portability.urls")),
    path("", include("cairn.webhooks.urls")),
    path("", include("cairn.api.urls")),
    path("", include("cairn.site.urls")),
]
