"""Micro-goals: add, edit, reorder, complete."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from cairn.goals import rules
from cairn.goals.events import announce
from cairn.goals.models import Goal, Step

STEP_FIELDS = (
    "title",
    "action_plan",
    "deadline",
    "resources",
    "helpers",
    "done_when",
    "if_then",
)


def _validate(step: Step) -> None:
    rules.require_text("title", step.title, "Name the micro-goal.")
    step.title = step.title.strip()
    rules.check_step_deadline(step.goal, step.deadline)
    step.full_clean(exclude=["goal"])


@transaction.atomic
def add_step(goal: Goal, *, title: str, **fields: Any) -> Step:
    _reject_unknown(fields)
    last = goal.steps.aggregate(last=Max("order"))["last"]
    step = Step(goal=goal, title=title, order=(last or 0) + 1, **fields)
    _validate(step)
    step.save()
    return step


@transaction.atomic
def update_step(step: Step, **fields: Any) -> Step:
    _reject_unknown(fields)
    for name, value in fields.items():
        setattr(step, name, value)
    _validate(step)
    step.save()
    return step


def _reject_unknown(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(STEP_FIELDS)
    if unknown:
        raise TypeError(f"not step fields: {sorted(unknown)}")


@transaction.atomic
def move_step(step: Step, *, up: bool) -> None:
    """Swap a micro-goal with its neighbour above (up) or below."""
    steps = list(step.goal.steps.select_for_update().order_by("order", "id"))
    index = next(i for i, s in enumerate(steps) if s.pk == step.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(steps):
        return
    steps[index], steps[other] = steps[other], steps[index]
    for position, item in enumerate(steps, start=1):
        if item.order != position:
            Step.objects.filter(pk=item.pk).update(order=position)


@transaction.atomic
def complete_step(step: Step) -> Step:
    if step.completed_at is None:
        step.completed_at = timezone.now()
        step.save(update_fields=["completed_at"])
        goal = step.goal
        announce(goal.owner, "micro_goal.done", goal=goal.pk, statement=goal.statement,
                 micro_goal=step.pk, title=step.title)  # fmt: skip
    return step


@transaction.atomic
def reopen_step(step: Step) -> Step:
    step.completed_at = None
    step.save(update_fields=["completed_at"])
    return step


@transaction.atomic
def delete_step(step: Step) -> None:
    step.delete()
