"""The operator's view of accounts (Django's admin, for staff): who exists, who is locked
out; deactivate, reactivate, lift a lockout. Read-only otherwise: changes go through the
services, and people's goals and notes are not browsable here at all."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from cairn.accounts import services
from cairn.accounts.models import FailedLogin, User


class ReadOnly(admin.ModelAdmin):
    """Lists and details only: an operator acts through the actions, which call services."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(ReadOnly):
    list_display = ("username", "email", "is_active", "is_staff", "date_joined", "last_login")
    list_filter = ("is_active", "is_staff")
    search_fields = ("username", "email")
    fields = ("username", "email", "is_active", "is_staff", "date_joined", "last_login")
    actions = ("deactivate", "reactivate", "lift_lockout")

    @admin.action(description="Deactivate: can no longer log in (nothing is deleted)")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.set_account_active(user=user, active=False)
        self.message_user(request, f"Deactivated {queryset.count()} account(s).", messages.SUCCESS)

    @admin.action(description="Reactivate")
    def reactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.set_account_active(user=user, active=True)
        self.message_user(request, f"Reactivated {queryset.count()} account(s).", messages.SUCCESS)

    @admin.action(description="Lift the lockout after failed logins")
    def lift_lockout(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.clear_failed_logins(user.username)
        self.message_user(request, "Lockouts lifted.", messages.SUCCESS)


@admin.register(FailedLogin)
class FailedLoginAdmin(ReadOnly):
    list_display = ("username", "ip_address", "at")
    search_fields = ("username", "ip_address")
    date_hierarchy = "at"
