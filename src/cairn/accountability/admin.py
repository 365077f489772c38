"""The operator's view of invitations and the reminder queue (Django's admin, staff only).
Read-only, and without what people wrote: a reminder's text names a goal, so it is left out."""

from __future__ import annotations

from django.contrib import admin

from cairn.accountability.models import Invitation, Reminder
from cairn.accounts.admin import ReadOnly


@admin.register(Invitation)
class InvitationAdmin(ReadOnly):
    list_display = ("inviter", "kind", "email", "created_at", "expires_at", "used_at",
                    "declined_at", "accepted_by")  # fmt: skip
    list_filter = ("kind",)
    search_fields = ("inviter__username", "email")
    exclude = ("code",)  # the code lets anyone accept: not for display


@admin.register(Reminder)
class ReminderAdmin(ReadOnly):
    list_display = ("recipient", "kind", "due_on", "claimed_by", "claimed_at", "sent_at",
                    "attempts", "next_attempt_at")  # fmt: skip
    list_filter = ("kind", "sent_at")
    search_fields = ("recipient__username",)
    date_hierarchy = "due_on"
    fields = list_display
