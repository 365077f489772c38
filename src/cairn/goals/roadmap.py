"""The 1/5/10-year ladder as a timeline: which shorter goals serve which longer ones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from cairn.goals.models import Goal, Horizon, Status

YEARS_SHOWN = 10


@dataclass(frozen=True, slots=True)
class Node:
    """The few columns the roadmap shows: plain values, not model instances (500 goals
    as models cost ~15 ms to build; as tuples ~1 ms)."""

    pk: int
    parent_id: int | None
    statement: str
    status: str
    horizon: int | None
    deadline: dt.date | None


def nodes(goals: QuerySet[Goal]) -> list[Node]:
    fields = ("pk", "parent_id", "statement", "status", "horizon", "deadline")
    return [Node(*row) for row in goals.values_list(*fields)]


@dataclass
class Rung:
    goal: Node
    depth: int
    position: float | None  # where the deadline falls on the timeline, 0..100 (%)
    children: list[Rung] = field(default_factory=list)


def timeline_position(deadline: dt.date | None, today: dt.date) -> float | None:
    if deadline is None:
        return None
    span = (dt.date(today.year + YEARS_SHOWN, today.month, 1) - today).days
    return round(max(0.0, min(100.0, (deadline - today).days / span * 100)), 1)


def build(goals: list[Node], today: dt.date) -> list[Rung]:
    """Goals as trees, longest horizon first; goals whose parent is not shown start a tree."""
    by_parent: dict[int | None, list[Node]] = {}
    shown = {goal.pk for goal in goals}
    for goal in goals:
        parent = goal.parent_id if goal.parent_id in shown else None
        by_parent.setdefault(parent, []).append(goal)
    return _rungs(by_parent, None, 0, today, seen=set())


def _rungs(
    by_parent: dict[int | None, list[Node]],
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


def _ladder_order(goal: Node) -> tuple[int, dt.date, int]:
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


def rows_html(rungs: list[Rung]) -> SafeString:
    """The table rows, built here rather than in a template loop: with hundreds of goals
    the template took ~0.2 ms a row (measured with benchmarks/dashboard.py), this ~0.02."""
    return format_html_join("\n", ROW, (_row_args(rung) for rung in rungs))


HORIZON_LABELS: dict[int | None, str] = dict(Horizon.choices)
STATUS_LABELS = dict(Status.choices)
ROW = (
    '<tr class="status-{}"><th scope="row"><span class="indent" style="margin-left: {}rem">'
    '{}</span><a href="/goals/{}/">{}</a></th><td>{}</td><td>{}</td><td>{}</td>'
    '<td class="timeline" aria-hidden="true">{}</td></tr>'
)


def _row_args(rung: Rung) -> tuple[object, ...]:
    goal = rung.goal
    bar = (
        format_html('<span class="bar" style="width: {}%"></span>', rung.position)
        if rung.position is not None
        else ""
    )
    deadline = (
        f"{goal.deadline:%b} {goal.deadline.day}, {goal.deadline.year}" if goal.deadline else "—"
    )
    return (
        goal.status,
        rung.depth,
        "↳ " if rung.depth else "",
        goal.pk,
        goal.statement,
        HORIZON_LABELS.get(goal.horizon, "—"),
        deadline,
        STATUS_LABELS[goal.status],
        bar,
    )
