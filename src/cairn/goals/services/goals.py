"""Creating, editing and finishing goals. Each change is recorded as a Revision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cairn.accounts.models import User
from cairn.goals import rules
from cairn.goals.events import announce
from cairn.goals.models import Goal, Revision, Status
from cairn.goals.services.reflections import save_goal_reflection

# Fields a person edits on the goal form; changes to any of them enter the history.
EDITABLE = (
    "statement",
    "area",
    "horizon",
    "parent",
    "metric_unit",
    "metric_baseline",
    "metric_target",
    "deadline",
    "frequency_count",
    "frequency_period",
    "visibility",
    "reward",
    "reward_size",
)
OPEN = frozenset({Status.DRAFT, Status.ACTIVE, Status.PAUSED})
# Which status each change of status may start from, and the status it leads to. The one
# table: the services enforce it, views and the CLI ask `can` / `allowed_transitions`.
TRANSITIONS: dict[str, tuple[frozenset[Status], Status]] = {
    "activate": (frozenset({Status.DRAFT}), Status.ACTIVE),
    "achieve": (OPEN, Status.ACHIEVED),
    "abandon": (OPEN, Status.ABANDONED),
    "pause": (frozenset({Status.ACTIVE}), Status.PAUSED),
    "resume": (frozenset({Status.PAUSED}), Status.ACTIVE),
    "reopen": (frozenset({Status.ACHIEVED, Status.ABANDONED}), Status.ACTIVE),
}
# How a refusal names the change: "... so it cannot be committed to."
DONE_WORDS = {
    "activate": "committed to",
    "achieve": "marked achieved",
    "abandon": "abandoned",
    "pause": "paused",
    "resume": "resumed",
    "reopen": "reopened",
}
TIMESTAMP_OF = {
    Status.ACTIVE: "activated_at",
    Status.ACHIEVED: "achieved_at",
    Status.ABANDONED: "abandoned_at",
}


def _validate(
    goal: Goal, today: dt.date, *, confirm_past_deadline: bool, new_deadline: bool
) -> None:
    goal.statement = rules.check_statement(goal.statement)
    rules.check_parent(goal, goal.parent)
    rules.check_metric(goal)
    rules.check_frequency(goal)
    if new_deadline:
        rules.check_deadline_not_past(goal.deadline, today, confirmed=confirm_past_deadline)
    rules.check_horizon(goal, today)
    rules.check_steps_fit(goal)
    goal.full_clean(exclude=["owner", "parent"])


def _record(goal: Goal, by: User | None, changes: dict[str, list[str]], reason: str = "") -> None:
    if changes:
        Revision.objects.create(goal=goal, author=by, changes=changes, reason=reason.strip())


def _set_status(goal: Goal, status: str) -> list[str]:
    before = goal.status
    goal.status = status
    if status in TIMESTAMP_OF:
        setattr(goal, TIMESTAMP_OF[Status(status)], timezone.now())
    return [before, status]


@transaction.atomic
def create_goal(
    *,
    owner: User,
    statement: str,
    status: str = Status.DRAFT,
    confirm_past_deadline: bool = False,
    today: dt.date | None = None,
    **fields: Any,
) -> Goal:
    """Create a goal (a draft unless status says active) and record its first revision."""
    _reject_unknown(fields)
    goal = Goal(owner=owner, statement=statement, **fields)
    today = today or timezone.localdate()
    _validate(goal, today, confirm_past_deadline=confirm_past_deadline, new_deadline=True)
    changes = {"statement": ["", goal.statement], "status": ["", status]}
    _set_status(goal, status)
    for name in EDITABLE:  # everything set at creation is part of the history
        value = getattr(goal, name)
        if name != "statement" and value not in (None, ""):
            changes[name] = ["", rules.display(value)]
    goal.save()
    _record(goal, owner, changes, "Created")
    return goal


@transaction.atomic
def update_goal(
    goal: Goal,
    *,
    by: User,
    reason: str = "",
    confirm_past_deadline: bool = False,
    today: dt.date | None = None,
    **fields: Any,
) -> Goal:
    """Change a goal's fields; every changed field enters its history with the reason."""
    _reject_unknown(fields)
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    changes = {}
    for name, value in fields.items():
        before = getattr(goal, name)
        if before != value:
            changes[name] = [rules.display(before), rules.display(value)]
            setattr(goal, name, value)
    today = today or timezone.localdate()
    new_deadline = "deadline" in changes
    _validate(goal, today, confirm_past_deadline=confirm_past_deadline, new_deadline=new_deadline)
    if changes:
        goal.save()
        _record(goal, by, changes, reason)
    return goal


def _reject_unknown(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable goal fields: {sorted(unknown)}")


class TransitionRefused(ValidationError):
    """A change of status the goal's current status does not allow (e.g. a second Commit).
    A ValidationError, so forms show it like any other broken rule."""


def can(goal: Goal, transition: str) -> bool:
    """Whether `goal`, in its status as loaded, may make `transition` (a TRANSITIONS key)."""
    return goal.status in TRANSITIONS[transition][0]


def allowed_transitions(goal: Goal) -> set[str]:
    """The transitions `goal` may make now: what the goal page offers as buttons."""
    return {name for name in TRANSITIONS if can(goal, name)}


def refusal(goal: Goal, transition: str) -> TransitionRefused:
    """Why `goal` may not make `transition`: the message views and the CLI show."""
    status = "a draft" if goal.status == Status.DRAFT else goal.get_status_display().lower()
    done = DONE_WORDS[transition]
    return TransitionRefused(f"This goal is {status}, so it cannot be {done}.", code="transition")


def _change_status(goal: Goal, *, by: User, transition: str, reason: str) -> Goal:
    # Locked and re-read: the status decides, as it is now, not as the caller loaded it.
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    if not can(goal, transition):
        raise refusal(goal, transition)
    changes = {"status": _set_status(goal, TRANSITIONS[transition][1])}
    goal.save()
    _record(goal, by, changes, reason)
    return goal


@transaction.atomic
def activate_goal(goal: Goal, *, by: User) -> Goal:
    """Commit to a draft: it becomes active."""
    return _change_status(goal, by=by, transition="activate", reason="")


@transaction.atomic
def achieve_goal(goal: Goal, *, by: User, reason: str = "", **reflection: str) -> Goal:
    """Mark achieved and keep the reflection (what was hard, easy, who helped, differently)."""
    goal = _change_status(goal, by=by, transition="achieve", reason=reason)
    save_goal_reflection(goal, **reflection)
    announce(goal.owner, "goal.achieved", goal=goal.pk, statement=goal.statement)
    return goal


@transaction.atomic
def abandon_goal(goal: Goal, *, by: User, reason: str) -> Goal:
    """Stop pursuing a goal; the reason is required and kept in its history."""
    rules.require_text("reason", reason, "Say why you are letting this goal go.")
    goal = _change_status(goal, by=by, transition="abandon", reason=reason)
    Goal.objects.filter(pk=goal.pk).update(abandon_reason=reason.strip())
    goal.abandon_reason = reason.strip()
    return goal


@transaction.atomic
def pause_goal(goal: Goal, *, by: User, reason: str = "") -> Goal:
    """Set an active goal aside for a while (e.g. at a review); the history says why."""
    return _change_status(goal, by=by, transition="pause", reason=reason)


@transaction.atomic
def resume_goal(goal: Goal, *, by: User, reason: str = "") -> Goal:
    """Take a paused goal up again."""
    return _change_status(goal, by=by, transition="resume", reason=reason)


@transaction.atomic
def reopen_goal(goal: Goal, *, by: User, reason: str = "") -> Goal:
    """Take an achieved or abandoned goal up again."""
    return _change_status(goal, by=by, transition="reopen", reason=reason)


@transaction.atomic
def delete_goal(goal: Goal, *, by: User) -> None:
    """Delete a goal for good (the view asks for confirmation); sub-goals are kept, unlinked."""
    goal.delete()
