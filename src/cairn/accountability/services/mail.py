"""The daily digest email: a person's due reminders (and unread notices) in one message,
with a one-click unsubscribe link for each kind of reminder it carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from cairn.accountability.models import Notice, Reminder, ReminderSettings
from cairn.accountability.services.reminders import SETTINGS_FLAGS
from cairn.accounts.models import User

Kind = Reminder.Kind
ALL = "all"
# The order of a digest's sections, and the heading of each.
SECTIONS = {
    Kind.DEADLINE: "Your deadlines",
    Kind.NUDGE: "Goals waiting for a check-in",
    Kind.REVIEW: "Review meetings",
    Kind.BUDDY: "Your buddies' deadlines",
}
UNSUBSCRIBE_LABELS: dict[str, str] = {
    Kind.DEADLINE: "deadline reminders",
    Kind.BUDDY: "reminders of your buddies' deadlines",
    Kind.NUDGE: "check-in nudges",
    Kind.REVIEW: "review meeting reminders",
    ALL: "all reminder emails",
}


def open_mailer() -> Any:
    """The default mailer (Django 6.1 MAILERS; `get_connection()` before): one connection
    is reused for a whole pass of the worker."""
    mailers = getattr(mail, "mailers", None)
    return mailers.default if mailers is not None else mail.get_connection()


def unsubscribe_url(token: str, kind: str) -> str:
    return settings.SITE_URL + reverse("unsubscribe", args=[token, kind])


def reminder_settings(user: User) -> ReminderSettings:
    """The person's settings (made on their first email: it needs an unsubscribe token)."""
    try:
        return user.reminder_settings
    except ReminderSettings.DoesNotExist:
        found, _ = ReminderSettings.objects.get_or_create(user=user)
        return found


@transaction.atomic
def unsubscribe(found: ReminderSettings, *, kind: str) -> None:
    """Stop one kind of reminder email, or every kind (ALL), as an email's link asks."""
    flags = [flag for k, flag in SETTINGS_FLAGS.items() if kind in (k, ALL)]
    ReminderSettings.objects.filter(pk=found.pk).update(**dict.fromkeys(flags, False))


def subject(reminders: Sequence[Reminder], day: dt.date) -> str:
    if len(reminders) == 1:
        text = reminders[0].text
        return text if len(text) <= 120 else text[:119] + "…"
    return f"Cairn: {len(reminders)} reminders for {day:%A} {day.day} {day:%B}"


def context(
    user: User, reminders: Sequence[Reminder], notices: Sequence[Notice], token: str
) -> dict[str, Any]:
    kinds = [kind for kind in SECTIONS if any(r.kind == kind for r in reminders)]
    sections = [(SECTIONS[kind], [r for r in reminders if r.kind == kind]) for kind in kinds]
    unsubscribe = [(UNSUBSCRIBE_LABELS[k], unsubscribe_url(token, k)) for k in [*kinds, ALL]]
    return {
        "name": user.first_name or user.get_username(),
        "sections": sections,
        "notices": notices,
        "site_url": settings.SITE_URL,
        "unsubscribe": unsubscribe,
    }


def compose(
    user: User,
    reminders: Sequence[Reminder],
    notices: Sequence[Notice],
    token: str,
    day: dt.date,
) -> EmailMultiAlternatives:
    """The digest; its List-Unsubscribe header (RFC 8058 one-click) stops the kind it
    carries, or every reminder email when it carries several kinds."""
    data = context(user, reminders, notices, token)
    kinds = {r.kind for r in reminders}
    header_kind = next(iter(kinds)) if len(kinds) == 1 else ALL
    message = EmailMultiAlternatives(
        subject=subject(reminders, day),
        body=render_to_string("accountability/email/digest.txt", data),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url(token, header_kind)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(
        render_to_string("accountability/email/digest.html", data), "text/html"
    )
    return message


def unread_notices(user_id: int, since: dt.datetime | None) -> list[Notice]:
    """What the person was told in the app since their last digest and has not read yet."""
    found = Notice.objects.filter(recipient_id=user_id, read_at__isnull=True)
    if since is not None:
        found = found.filter(created_at__gt=since)
    return list(found[:20])
