"""Deleting an account: asked for with the password, 14 days to change one's mind, then
the worker deletes it for good. Here because it reaches into every app (the layer above
planning and accountability), as export and import do."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cairn.accountability.access import active_pacts
from cairn.accountability.services import calendar, pacts, sharing
from cairn.accounts import tokens
from cairn.accounts.models import User

GRACE = dt.timedelta(days=14)


@transaction.atomic
def request_deletion(*, user: User, password: str, now: dt.datetime | None = None) -> User:
    """Schedule the account's deletion; at once, nothing leaves it any more: its calendar
    feed and API tokens stop working."""
    if not user.check_password(password or ""):
        raise ValidationError({"password": "That is not your password."})
    now = now or timezone.now()
    User.objects.filter(pk=user.pk).update(delete_after=now + GRACE)
    user.delete_after = now + GRACE
    calendar.revoke_token(user)
    tokens.revoke_all(user=user)
    return user


@transaction.atomic
def cancel_deletion(*, user: User) -> User:
    User.objects.filter(pk=user.pk).update(delete_after=None)
    user.delete_after = None
    return user


@transaction.atomic
def delete_account(*, user: User) -> str:
    """Delete now: end the pacts and tell those buddies, then the account and all it owns
    (goals, and the comments buddies left on them, go too; comments it left on others'
    goals stay, from "a former buddy"). Returns the username, for the record."""
    name = user.get_username()
    for pact in active_pacts(user):
        pacts.end(pact, by=user)
        ended = f"{name} deleted their Cairn account; your pact has ended."
        sharing.tell(recipient_id=pact.other(user.pk), text=ended)
    user.delete()
    return name


def delete_due_accounts(now: dt.datetime | None = None) -> list[str]:
    """The worker's pass: delete every account whose 14 days are over."""
    now = now or timezone.now()
    due = User.objects.filter(delete_after__isnull=False, delete_after__lte=now)
    return [delete_account(user=user) for user in due]
