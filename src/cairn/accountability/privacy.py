"""Money stays private: what others see of a goal has its amounts masked unless the owner
ticked 'show money amounts' for that goal."""

from __future__ import annotations

import re

from cairn.goals.models import Area, Goal
from cairn.smart import analyze

HIDDEN = "[amount hidden]"
CURRENCY = re.compile(r"^[A-Z]{3}$|[$€£¥₹]")


def is_money_goal(goal: Goal) -> bool:
    unit = goal.metric_unit or ""
    return goal.area == Area.EARNINGS or bool(CURRENCY.search(unit.strip()))


def masked_statement(statement: str) -> str:
    """The statement with every money amount the analyzer finds replaced."""
    spans = [e for e in analyze(statement).evidence if e.kind == "money"]
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        statement = statement[: span.start] + HIDDEN + statement[span.end :]
    return statement


def shown_statement(goal: Goal, viewer_id: int) -> str:
    """What `viewer_id` reads as the goal's statement: the owner sees it whole."""
    if goal.owner_id == viewer_id or not is_money_goal(goal):
        return goal.statement
    sharing = getattr(goal, "sharing", None)
    return goal.statement if sharing and sharing.show_money else masked_statement(goal.statement)
