"""Check-ins: the record of progress on a goal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cairn.goals import rules
from cairn.goals.events import announce
from cairn.goals.models import CheckIn, Goal, Status


@transaction.atomic
def record_check_in(
    goal: Goal,
    *,
    date: dt.date | None = None,
    value: Decimal | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> CheckIn:
    if goal.status in (Status.ACHIEVED, Status.ABANDONED):
        raise ValidationError("This goal is closed; reopen it to log progress.")
    today = today or timezone.localdate()
    date = date or today
    rules.check_check_in(goal, date, value, today)
    check_in = CheckIn(goal=goal, date=date, value=value, note=(note or "").strip())
    check_in.full_clean(exclude=["goal"])
    check_in.save()
    announce(goal.owner, "check_in.logged", goal=goal.pk, statement=goal.statement,
             date=check_in.date.isoformat(), note=check_in.note,
             value=None if check_in.value is None else str(check_in.value))  # fmt: skip
    return check_in


@transaction.atomic
def delete_check_in(check_in: CheckIn) -> None:
    check_in.delete()
