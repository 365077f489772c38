"""After a goal is achieved: enjoy the reward, and pick the next goal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from cairn.accounts.models import User
from cairn.goals.models import Goal, RewardSize, Status

LONG_GOAL_DAYS = 91  # about three months

REWARD_IDEAS = {
    RewardSize.SMALL: "a favourite meal out, a new book, an afternoon off",
    RewardSize.MEDIUM: "a concert or show, a gadget you have wanted, a weekend away",
    RewardSize.LARGE: "the trip you have long planned, a course just for fun, a week off",
}


@transaction.atomic
def enjoy_reward(goal: Goal) -> Goal:
    """The person enjoyed the reward they set at the start: the celebration is done."""
    if goal.reward_enjoyed_at is None:
        goal.reward_enjoyed_at = timezone.now()
        goal.save(update_fields=["reward_enjoyed_at"])
    return goal


def suggested_reward_size(goal: Goal, today: dt.date | None = None) -> RewardSize:
    """Size a reward to the goal: longer horizons, longer spans and more micro-goals earn
    more (the one rule for the celebrate page and the guided session, web and terminal)."""
    if goal.horizon and goal.horizon >= 5:
        return RewardSize.LARGE
    if goal.horizon == 1 or goal.steps.count() >= 3:
        return RewardSize.MEDIUM
    return RewardSize.MEDIUM if runs_long(goal, today or timezone.localdate()) else RewardSize.SMALL


def runs_long(goal: Goal, today: dt.date) -> bool:
    """Over three months, or open-ended: too far off to start on without a micro-goal, and
    worth more than a small reward."""
    return goal.deadline is None or goal.deadline > today + dt.timedelta(days=LONG_GOAL_DAYS)


def celebration_invitation(goal: Goal, owner: User) -> str:
    """The words to invite a buddy to celebrate (sent by email once buddies exist)."""
    reward = f" I promised myself {goal.reward}." if goal.reward else ""
    return (
        f"I did it: “{goal.statement}”.{reward} You helped me get here; "
        f"will you celebrate with me? — {owner.get_username()}"
    )


@dataclass(frozen=True)
class NextStep:
    kind: str  # "rung": a goal on the ladder to work on next; "idea": an open brainstorm idea
    text: str
    goal_id: int | None = None


def next_steps(goal: Goal) -> list[NextStep]:
    """What to pursue next: open goals on the same ladder, then unused brainstorm ideas."""
    proposals = [NextStep("rung", g.statement, g.pk) for g in _ladder_neighbours(goal)]
    proposals += [NextStep("idea", idea) for idea in _open_ideas(goal.owner)]
    return proposals[:6]


def _ladder_neighbours(goal: Goal) -> list[Goal]:
    open_goals = Goal.objects.filter(
        owner_id=goal.owner_id, status__in=[Status.DRAFT, Status.ACTIVE]
    )
    if goal.parent_id is None:
        return list(open_goals.filter(parent=goal)[:3])
    siblings = open_goals.filter(parent_id=goal.parent_id).exclude(pk=goal.pk)
    return list(siblings[:2]) + list(open_goals.filter(pk=goal.parent_id))


# Where proposed next goals beyond the ladder come from. Planning, the layer above goals,
# registers its brainstorm ideas here in its AppConfig.ready: goals never imports it.
IdeaSource = Callable[[User], list[str]]
IDEA_SOURCES: list[IdeaSource] = []


def register_idea_source(source: IdeaSource) -> None:
    if source not in IDEA_SOURCES:
        IDEA_SOURCES.append(source)


def _open_ideas(owner: User) -> list[str]:
    return [idea for source in IDEA_SOURCES for idea in source(owner)]
