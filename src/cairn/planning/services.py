"""Every change to a guided session goes through here: the web pages, `cairn plan` and
the tests call the same functions, so a session started in one resumes in the other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from cairn.accounts.models import User
from cairn.accounts.services import update_profile
from cairn.goals import rules
from cairn.goals import services as goal_services
from cairn.goals.access import owned_goals
from cairn.goals.models import (
    Area,
    Goal,
    GoalReflection,
    Prompt,
    ReflectionAnswer,
    Status,
    Step,
)
from cairn.goals.services.finish import runs_long, suggested_reward_size
from cairn.planning.models import STEPS, PlanSession
from cairn.planning.session_state import SessionState, ordered_brainstorm

UNDO_DAYS = 30
# A goal due further out than this (or with no deadline) needs a micro-goal to start on.
FIRST_STEP_DAYS = 14
IDEA_MAX = 300
NOTE_MAX = 2000
SMART_GOAL_FIELDS = (
    "area",
    "horizon",
    "metric_unit",
    "metric_baseline",
    "metric_target",
    "deadline",
    "frequency_count",
    "frequency_period",
)
SMART_NOTES = ("specific_note", "attainable_note", "network_contact", "relevant_note")


@dataclass(frozen=True)
class Saved:
    session: PlanSession
    conflict: bool  # another tab saved this session since this one loaded it


def start_session(*, owner: User) -> PlanSession:
    return PlanSession.objects.create(owner=owner)


def open_sessions(owner: User) -> QuerySet[PlanSession]:
    return PlanSession.objects.filter(
        owner=owner, committed_at__isnull=True, discarded_at__isnull=True
    ).select_related("goal")


@transaction.atomic
def save_step(
    session: PlanSession,
    *,
    step: str,
    data: dict[str, Any],
    version: int | None = None,
    today: dt.date | None = None,
) -> Saved:
    """Save what was typed on one step. Last write wins, but the writer is told."""
    if step not in STEPS:
        raise ValidationError({"step": f"Unknown step {step!r}."})
    session = PlanSession.objects.select_for_update().get(pk=session.pk)
    if not session.is_open:
        raise ValidationError("This session is finished or discarded.")
    tab = str(data.pop("tab", "") or "")[:40]
    stale = version is not None and version != session.version
    # A stale version from the tab that wrote last is its own save still in flight.
    state = SessionState(session)
    conflict = stale and not (tab and state.last_tab == tab)
    HANDLERS[step](session, data, today or timezone.localdate())
    if tab:
        state.last_tab = tab
    if session.goal is not None:
        session.goal.refresh_from_db()  # the goal services saved their own copy
    session.step = step
    session.version += 1
    session.save()
    return Saved(session, conflict)


def _reflect(session: PlanSession, data: dict[str, Any], today: dt.date) -> None:
    """Answers by prompt key; `question` (1-6) remembers where the person is."""
    for prompt, text in data.items():
        if prompt == "question":
            SessionState(session).question = max(1, min(len(Prompt.values), int(text)))
        else:
            goal_services.save_reflection_answer(owner=session.owner, prompt=prompt, text=text)


def _brainstorm(session: PlanSession, data: dict[str, Any], today: dt.date) -> None:
    ideas = {
        str(area)[:40]: [_short(idea, IDEA_MAX) for idea in items if str(idea).strip()]
        for area, items in (data.get("ideas") or {}).items()
    }
    areas = [str(area)[:40] for area in data.get("areas", []) or ideas]
    own_area = _short(data.get("own_area", ""), 100)
    stored = {"areas": areas, "ideas": ideas, "own_area": own_area}
    SessionState(session).brainstorm = ordered_brainstorm(stored)


def _short(value: Any, limit: int) -> str:
    text = str(value or "").strip()
    if len(text) > limit:
        raise ValidationError(f"Keep each entry under {limit} characters.")
    return text


def all_ideas(session: PlanSession) -> list[str]:
    """Every brainstormed idea, in the order the areas were brainstormed."""
    return SessionState(session).brainstorm.all_ideas()


def chosen_idea(session: PlanSession) -> str:
    return SessionState(session).idea


def area_of_idea(session: PlanSession, idea: str) -> str | None:
    """The goal area of a brainstormed idea; None when the idea came from the person's own
    area (or "other"), which names no goal area, or was not brainstormed."""
    area = SessionState(session).brainstorm.area_of(idea)
    return area if area in Area.values and area != Area.OTHER else None


def _draft(session: PlanSession, data: dict[str, Any], today: dt.date) -> None:
    statement = str(data.get("statement", ""))
    if "idea" in data:
        SessionState(session).idea = _short(data["idea"], IDEA_MAX)
    area = area_of_idea(session, chosen_idea(session))
    unset = session.goal is None or session.goal.area == Area.OTHER
    fields: dict[str, Any] = {"area": area} if area and unset else {}
    if session.goal is None:
        session.goal = goal_services.create_goal(
            owner=session.owner, statement=statement, status=Status.DRAFT, today=today, **fields
        )
    else:
        goal_services.update_goal(
            session.goal, by=session.owner, statement=statement, today=today, **fields
        )


def require_goal(session: PlanSession) -> Goal:
    if session.goal is None:
        raise ValidationError({"statement": "Write the goal statement first (step 3)."})
    return session.goal


def _smart(session: PlanSession, data: dict[str, Any], today: dt.date) -> None:
    goal = require_goal(session)
    fields = {name: data[name] for name in SMART_GOAL_FIELDS if name in data}
    if fields.get("deadline") and not fields.get("horizon"):
        # The rung follows from the deadline unless the person chose one.
        fields["horizon"] = rules.horizon_for(fields["deadline"], today)
    notes = {name: _short(data[name], NOTE_MAX) for name in SMART_NOTES if name in data}
    if data.get("profile"):
        update_profile(user=session.owner, **data["profile"])
    goal_services.update_goal(
        goal,
        by=session.owner,
        today=today,
        confirm_past_deadline=bool(data.get("confirm_past_deadline")),
        **fields,
    )
    SessionState(session).add_notes(notes)


def ladder_parents(session: PlanSession) -> QuerySet[Goal]:
    """The longer goals the session's goal may serve, as the ladder step offers them."""
    goal = session.goal
    return rules.parent_choices(session.owner, goal, longer_than=goal.horizon if goal else None)


def _ladder(session: PlanSession, data: dict[str, Any], today: dt.date) -> None:
    goal = require_goal(session)
    parent = data.get("parent")
    rung = _short(data.get("new_rung_statement", ""), 500)
    if rung:
        parent = _drafted_rung(session, "rung_id", rung, data.get("new_rung_horizon"), None, today)
    goal_services.update_goal(goal, by=session.owner, parent=parent, today=today)
    child = _short(data.get("new_child_statement", ""), 500)
    if child:  # a shorter rung this goal needs, drafted now and placed under it
        _drafted_rung(session, "child_id", child, data.get("new_child_horizon"), goal, today)


def _drafted_rung(
    session: PlanSession,
    slot: str,
    statement: str,
    horizon: Any,
    parent: Goal | None,
    today: dt.date,
) -> Goal:
    """The goal drafted on the ladder step: made once, then updated as the person types
    (autosave would otherwise leave a goal for every pause in their typing)."""
    state = SessionState(session)
    drafted_id = state.drafted(slot)
    drafts = owned_goals(session.owner).filter(status=Status.DRAFT)
    drafted = drafts.filter(pk=drafted_id).first() if drafted_id else None
    if drafted is None:
        drafted = goal_services.create_goal(
            owner=session.owner,
            statement=statement,
            horizon=horizon,
            parent=parent,
            status=Status.DRAFT,
            today=today,
        )
        state.set_drafted(slot, drafted.pk)
        return drafted
    return goal_services.update_goal(
        drafted, by=session.owner, statement=statement, horizon=horizon, today=today
    )


def _reward(session: PlanSession, data: dict[str, Any], today: dt.date) -> None:
    goal = require_goal(session)
    reward = {name: data[name] for name in ("reward", "reward_size") if name in data}
    goal_services.update_goal(goal, by=session.owner, today=today, **reward)


def _nothing(session: PlanSession, data: dict[str, Any], today: dt.date) -> None:
    """Micro-goals are saved one by one through the step services; review saves nothing."""


HANDLERS: dict[str, Callable[[PlanSession, dict[str, Any], dt.date], None]] = {
    "reflect": _reflect,
    "brainstorm": _brainstorm,
    "draft": _draft,
    "smart": _smart,
    "ladder": _ladder,
    "breakdown": _nothing,
    "reward": _reward,
    "review": _nothing,
}


def visit(session: PlanSession, step: str) -> None:
    """The person is on this step now: a later visit resumes here. Not a save."""
    if step in STEPS and session.step != step:
        PlanSession.objects.filter(pk=session.pk).update(step=step)


def add_micro_goal(session: PlanSession, **fields: Any) -> Step:
    """A micro-goal on the session's goal; the session remembers it is at 'breakdown'."""
    goal = PlanSession.objects.select_related("goal").get(pk=session.pk).goal
    if goal is None:
        raise ValidationError({"title": "Write the goal statement first (step 3)."})
    step = goal_services.add_step(goal, **fields)
    PlanSession.objects.filter(pk=session.pk).update(step="breakdown", version=F("version") + 1)
    return step


def prompts_answered(session: PlanSession) -> set[str]:
    """The reflection prompts answered since this session started."""
    answers = ReflectionAnswer.objects.filter(
        owner=session.owner, created_at__gte=session.created_at
    )
    return set(answers.values_list("prompt", flat=True))


def open_ideas(owner: User) -> list[str]:
    """Ideas of the latest brainstorm not yet made into goals: proposed as next goals
    when one is achieved (registered with goals in PlanningConfig.ready)."""
    latest = PlanSession.objects.filter(owner=owner).exclude(state={}).first()
    if latest is None:
        return []
    state = SessionState(latest)
    used = {state.idea, *owned_goals(owner).values_list("statement", flat=True)}
    return [idea for idea in state.brainstorm.all_ideas() if idea not in used][:3]


def restorable_sessions(owner: User) -> QuerySet[PlanSession]:
    limit = timezone.now() - dt.timedelta(days=UNDO_DAYS)
    return PlanSession.objects.filter(owner=owner, discarded_at__gte=limit).select_related("goal")


def lessons(owner: User) -> list[str]:
    """What the person would do differently, from the goals they finished: read when drafting."""
    reflections = GoalReflection.objects.filter(goal__owner=owner).exclude(differently="")
    return list(reflections.order_by("-created_at").values_list("differently", flat=True)[:3])


@dataclass(frozen=True)
class Missing:
    """One thing that still stands between a session and an active goal."""

    code: str  # "statement", "time", "measure" or "micro_goal"
    step: str  # the step of the session where it is put right
    message: str  # what to tell the person


NO_TIME = Missing("time", "smart", "Set a deadline or a frequency (Time-bound).")
NO_MEASURE = Missing("measure", "smart", "Say how you will measure it, or add micro-goals.")
NO_MICRO_GOAL = Missing(
    "micro_goal", "breakdown", "Add at least one micro-goal: this goal runs over three months."
)


def needs_micro_goal(goal: Goal, today: dt.date) -> bool:
    return runs_long(goal, today) and not goal.steps.exists()


def first_micro_goal_due(goal: Goal, today: dt.date) -> dt.date:
    """The deadline proposed for a first micro-goal: soon, to start at once, and never
    after the goal's own deadline."""
    soon = today + dt.timedelta(days=FIRST_STEP_DAYS)
    return min(soon, goal.deadline) if goal.deadline else soon


def reward_size_for(goal: Goal, today: dt.date) -> str:
    """The reward size the session proposes: the celebrate page's rule."""
    return suggested_reward_size(goal, today)


def missing_for_commit(session: PlanSession, today: dt.date) -> list[Missing]:
    """What still stands between this session and an active goal, and where to fix it."""
    goal = session.goal
    if goal is None:
        return [Missing("statement", "draft", "Write the goal statement.")]
    measured = goal.metric_target is not None or goal.has_frequency or goal.steps.exists()
    checks = [
        (goal.deadline is None and not goal.has_frequency, NO_TIME),
        (not measured, NO_MEASURE),
        (needs_micro_goal(goal, today), NO_MICRO_GOAL),
    ]
    return [missing for failed, missing in checks if failed]


@transaction.atomic
def commit_session(session: PlanSession, *, today: dt.date | None = None) -> Goal:
    """Make the session's goal active; refuse, saying why, while something is missing."""
    today = today or timezone.localdate()
    session = PlanSession.objects.select_for_update().get(pk=session.pk)
    missing = missing_for_commit(session, today)
    if missing:
        raise ValidationError([ValidationError(m.message, code=m.code) for m in missing])
    goal = goal_services.activate_goal(require_goal(session), by=session.owner)
    PlanSession.objects.filter(pk=session.pk).update(committed_at=timezone.now(), step="review")
    return goal


@transaction.atomic
def discard_session(session: PlanSession) -> None:
    """Set a session aside; it can be restored for UNDO_DAYS days."""
    PlanSession.objects.filter(pk=session.pk).update(discarded_at=timezone.now())


@transaction.atomic
def restore_session(session: PlanSession) -> None:
    limit = timezone.now() - dt.timedelta(days=UNDO_DAYS)
    if session.discarded_at is None or session.discarded_at < limit:
        raise ValidationError("This session can no longer be restored.")
    PlanSession.objects.filter(pk=session.pk).update(discarded_at=None)


@transaction.atomic
def purge_discarded(now: dt.datetime | None = None) -> int:
    """Delete sessions discarded more than UNDO_DAYS ago, with their draft goals."""
    limit = (now or timezone.now()) - dt.timedelta(days=UNDO_DAYS)
    old = PlanSession.objects.filter(discarded_at__lt=limit)
    Goal.objects.filter(plan_session__in=old, status=Status.DRAFT).delete()
    return old.delete()[0]
