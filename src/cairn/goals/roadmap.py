"""The 1/5/10-year ladder as a timeline: which shorter goals serve which longer ones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cairn.goals.models import Goal

YEARS_SHOWN = 10


@dataclass
class Rung:
    goal: Goal
    depth: int
    position: float | None  # where the deadline falls on the timeline, 0..100 (%)
    children: list[Rung] = field(default_factory=list)


def timeline_position(deadline: dt.date | None, today: dt.date) -> float | None:
    if deadline is None:
        return None
    span = (dt.date(today.year + YEARS_SHOWN, today.month, 1) - today).days
    return round(max(0.0, min(100.0, (deadline - today).days / span * 100)), 1)


def build(goals: list[Goal], today: dt.date) -> list[Rung]:
    """Goals as trees, longest horizon first; goals whose parent is not shown start a tree."""
    by_parent: dict[int | None, list[Goal]] = {}
    shown = {goal.pk for goal in goals}
    for goal in goals:
        parent = goal.parent_id if goal.parent_id in shown else None
        by_parent.setdefault(parent, []).append(goal)
    return _rungs(by_parent, None, 0, today, seen=set())


def _rungs(
    by_parent: dict[int | None, list[Goal]],
    parent: int | None,
    depth: int,
    today: dt.date,
    seen: set[int],
) -> list[Rung]:
    children = sorted(by_parent.get(parent, []), key=_ladder_order)
    rungs = []
    for goal in children:
        if goal.pk in seen:  # the services refuse loops; this guards old data all the same
            continue
        seen.add(goal.pk)
        rung = Rung(goal, depth, timeline_position(goal.deadline, today))
        rung.children = _rungs(by_parent, goal.pk, depth + 1, today, seen)
        rungs.append(rung)
    return rungs


def _ladder_order(goal: Goal) -> tuple[int, dt.date, int]:
    return (-(goal.horizon or 0), goal.deadline or dt.date.max, goal.pk)


def flatten(rungs: list[Rung]) -> list[Rung]:
    """Depth-first, for a table-like rendering with indentation."""
    flat: list[Rung] = []
    for rung in rungs:
        flat.append(rung)
        flat.extend(flatten(rung.children))
    return flat


def year_marks(today: dt.date) -> list[tuple[int, float]]:
    return [
        (year, timeline_position(dt.date(year, 1, 1), today) or 0.0)
        for year in range(today.year + 1, today.year + YEARS_SHOWN + 1)
    ]
