"""Who may see and change what, as functions of a person (not a request), so the web, the
CLI and the coming API ask the same rules. Another person's goal, step or check-in raises
NotFound, exactly as a missing one does: never its content, never a hint that it exists
(the web answers 404, cairn.web.middleware)."""

from __future__ import annotations

from django.db.models import Model, QuerySet

from cairn.accounts.models import User
from cairn.errors import NotFound
from cairn.goals.models import CheckIn, Goal, Step


def owned_goals(user: User) -> QuerySet[Goal]:
    """Every goal of `user`'s, in any status."""
    return Goal.objects.filter(owner_id=user.pk)


def one_or_not_found[M: Model](found: QuerySet[M], what: str) -> M:
    """The one row `found` selects; NotFound (the same for absent and not yours) otherwise."""
    item = found.first()
    if item is None:
        raise NotFound(f"No such {what}.")
    return item


def own_goal(user: User, goal_id: int) -> Goal:
    return one_or_not_found(owned_goals(user).filter(pk=goal_id), "goal")


def own_step(user: User, goal_id: int, step_id: int) -> Step:
    steps = Step.objects.select_related("goal")
    mine = steps.filter(pk=step_id, goal_id=goal_id, goal__owner_id=user.pk)
    return one_or_not_found(mine, "step")


def own_check_in(user: User, goal_id: int, check_in_id: int) -> CheckIn:
    check_ins = CheckIn.objects.select_related("goal")
    mine = check_ins.filter(pk=check_in_id, goal_id=goal_id, goal__owner_id=user.pk)
    return one_or_not_found(mine, "check-in")


def own_step_by_id(user: User, step_id: int) -> Step:
    """A micro-goal of `user`'s found by its own number (the CLI's `cairn done STEP`)."""
    mine = Step.objects.select_related("goal").filter(pk=step_id, goal__owner_id=user.pk)
    return one_or_not_found(mine, "micro-goal")
