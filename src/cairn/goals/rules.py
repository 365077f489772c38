"""The business rules of a goal, in one place: the services enforce them for the web,
the CLI and the tests alike, and raise ValidationError keyed by field name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from cairn.accounts.models import User
from cairn.goals.access import owned_goals
from cairn.goals.models import STATEMENT_MAX, Goal, Horizon, Period, Status


def check_statement(statement: str) -> str:
    statement = (statement or "").strip()
    if not statement:
        raise ValidationError({"statement": "Write the goal as one sentence."})
    if len(statement) > STATEMENT_MAX:
        raise ValidationError(
            {
                "statement": f"Keep the statement to {STATEMENT_MAX} characters "
                f"(it has {len(statement)}); put details in the micro-goals."
            }
        )
    return statement


def check_parent(goal: Goal, parent: Goal | None) -> None:
    """A parent must be the owner's own goal, on a longer horizon, and no loop."""
    if parent is None:
        return
    if parent.owner_id != goal.owner_id:
        raise ValidationError({"parent": "Choose one of your own goals."})
    if goal.pk is not None and _is_ancestor_or_self(goal.pk, parent):
        raise ValidationError({"parent": "A goal cannot serve itself or one of its own sub-goals."})
    if goal.horizon and parent.horizon and parent.horizon <= goal.horizon:
        raise ValidationError(
            {
                "parent": f"A {goal.horizon}-year goal can only serve a longer goal; "
                f"this one is a {parent.horizon}-year goal."
            }
        )


# `longer_than` leaves out rungs that are not longer. The goal form passes none: there the
# horizon may change together with the parent, and check_parent judges the pair on save.
# The current parent stays offered, so that saving without a change keeps it.
def parent_choices(
    owner: User, goal: Goal | None = None, *, longer_than: int | None = None
) -> QuerySet[Goal]:
    """The goals offered as the one `goal` serves, in every front end: the owner's open
    goals (a finished or abandoned goal has nothing left to serve), never the goal itself."""
    goals = owned_goals(owner)
    offered = Q(status__in=[Status.DRAFT, Status.ACTIVE, Status.PAUSED])
    if longer_than:
        offered &= Q(horizon__gt=longer_than) | Q(horizon__isnull=True)
    if goal is not None and goal.parent_id is not None:
        offered |= Q(pk=goal.parent_id)
    if goal is not None and goal.pk is not None:
        goals = goals.exclude(pk=goal.pk)
    return goals.filter(offered)


def _is_ancestor_or_self(goal_id: int, start: Goal) -> bool:
    seen: set[int] = set()
    node: Goal | None = start
    while node is not None and node.pk not in seen:
        if node.pk == goal_id:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


def check_metric(goal: Goal) -> None:
    has_any = goal.metric_unit or goal.metric_baseline is not None
    if has_any and goal.metric_target is None:
        raise ValidationError({"metric_target": "Set a target for the metric."})
    if goal.metric_target is not None and goal.metric_target == goal.metric_baseline:
        raise ValidationError({"metric_target": "The target equals the baseline: nothing to do."})


def check_frequency(goal: Goal) -> None:
    if goal.frequency_count and not goal.frequency_period:
        raise ValidationError({"frequency_period": "Say how often: a week, a month, ..."})
    if goal.frequency_period and not goal.frequency_count:
        raise ValidationError({"frequency_count": "Say how many times per period."})
    if goal.frequency_period and goal.frequency_period not in Period.values:
        raise ValidationError({"frequency_period": "Choose a week, month, quarter or year."})


def horizon_for(deadline: dt.date, today: dt.date) -> int:
    """The rung a deadline puts a goal on: up to 18 months 1 year, up to 66 months 5."""
    months = (deadline.year - today.year) * 12 + deadline.month - today.month
    if months <= 18:
        return Horizon.ONE
    return Horizon.FIVE if months <= 66 else Horizon.TEN


def check_horizon(goal: Goal, today: dt.date) -> None:
    if not (goal.horizon and goal.deadline) or goal.deadline < today:
        return
    fitting = horizon_for(goal.deadline, today)
    if fitting != goal.horizon:
        raise ValidationError(
            {
                "horizon": f"A deadline of {nice_date(goal.deadline)} makes this a "
                f"{fitting}-year goal, not a {goal.horizon}-year one."
            }
        )


def check_deadline_not_past(
    deadline: dt.date | None, today: dt.date, *, confirmed: bool, field: str = "deadline"
) -> None:
    if deadline is not None and deadline < today and not confirmed:
        message = f"{nice_date(deadline)} is in the past. Tick the box to keep it anyway."
        raise ValidationError({field: ValidationError(message, code="past_deadline")})


def check_steps_fit(goal: Goal) -> None:
    """No micro-goal may be due after its goal."""
    if goal.pk is None or goal.deadline is None:
        return
    late = goal.steps.filter(deadline__gt=goal.deadline).count()
    if late:
        raise ValidationError(
            {"deadline": f"{late} micro-goal(s) are due after this date; move them first."}
        )


def check_step_deadline(goal: Goal, deadline: dt.date | None) -> None:
    if deadline and goal.deadline and deadline > goal.deadline:
        raise ValidationError(
            {
                "deadline": f"A micro-goal must be due on or before its goal's deadline "
                f"({nice_date(goal.deadline)})."
            }
        )


def check_check_in(goal: Goal, date: dt.date, value: Decimal | None, today: dt.date) -> None:
    if date > today:
        raise ValidationError({"date": "A check-in cannot be dated in the future."})
    if goal.has_metric and value is None:
        raise ValidationError({"value": f"Enter the {goal.metric_unit or 'value'} reached."})


def require_text(field: str, value: str, message: str) -> None:
    if not (value or "").strip():
        raise ValidationError({field: message})


def nice_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def display(value: Any) -> str:
    """How a value appears in the goal's history."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Goal):
        return value.statement
    return str(value)
