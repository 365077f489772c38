"""Writing the export document and the check-ins CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Model, Q
from django.utils import timezone

from cairn.accountability.models import Comment, ReminderSettings, Review, SharingSettings
from cairn.accounts.models import User
from cairn.accounts.services import get_profile
from cairn.goals.access import owned_goals
from cairn.goals.models import CheckIn, Goal, GoalReflection, ReflectionAnswer, Revision, Step
from cairn.planning.models import PlanSession
from cairn.portability import fields

FORMAT = "cairn-export"
VERSION = 1


def plain(value: Any) -> Any:
    """A field's value as JSON: decimals as strings (no float rounding), times in ISO 8601."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def row(instance: Model, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: plain(getattr(instance, name)) for name in names}


def export_document(user: User) -> dict[str, Any]:
    """Everything `user` owns or wrote, as one JSON-ready document."""
    goals = list(owned_goals(user).order_by("created_at", "id"))
    refs = {goal.pk: f"g{number}" for number, goal in enumerate(goals, start=1)}
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": plain(timezone.now().replace(microsecond=0)),
        "account": _account(user),
        "profile": _profile(user),
        "reflections": _reflections(user),
        "settings": _settings(user),
        "goals": _goals(goals, refs),
        "sessions": _sessions(user, refs),
        "reviews": _reviews(user, refs),
        "comments": _comments(user, refs),
    }


def _account(user: User) -> dict[str, Any]:
    return row(user, ("username", "email", "first_name", "last_name", "date_joined"))


def _profile(user: User) -> dict[str, Any]:
    profile = get_profile(user)
    data = row(profile, fields.PROFILE)
    data["occupation"] = profile.occupation_id
    data["target_occupation"] = profile.target_occupation_id
    return data


def _reflections(user: User) -> list[dict[str, Any]]:
    answers = ReflectionAnswer.objects.filter(owner=user).order_by("created_at", "id")
    return [row(answer, fields.REFLECTION) for answer in answers]


def _settings(user: User) -> dict[str, Any]:
    reminders = ReminderSettings.objects.filter(user=user).first()
    return {"reminders": row(reminders, fields.REMINDERS) if reminders else None}


def _grouped(model: type[Model], goals: list[Goal], order: tuple[str, ...]) -> dict[int, list]:
    """The rows of `model` for these goals, by goal id, in one query."""
    grouped: dict[int, list[Any]] = defaultdict(list)
    for item in model.objects.filter(goal__in=goals).order_by("goal_id", *order):  # type: ignore[attr-defined]
        grouped[item.goal_id].append(item)
    return grouped


def _goals(goals: list[Goal], refs: dict[int, str]) -> list[dict[str, Any]]:
    revisions = _grouped(Revision, goals, ("at", "id"))
    steps = _grouped(Step, goals, ("order", "id"))
    check_ins = _grouped(CheckIn, goals, ("date", "created_at", "id"))
    reflections = {r.goal_id: r for r in GoalReflection.objects.filter(goal__in=goals)}
    money = set(SharingSettings.objects.filter(goal__in=goals, show_money=True).values_list(
        "goal_id", flat=True))  # fmt: skip
    return [
        {
            "ref": refs[goal.pk],
            **row(goal, fields.GOAL),
            "parent": refs.get(goal.parent_id) if goal.parent_id else None,
            "show_money_to_buddies": goal.pk in money,
            "revisions": [_revision(item, goal) for item in revisions[goal.pk]],
            "micro_goals": [row(item, fields.STEP) for item in steps[goal.pk]],
            "check_ins": [row(item, fields.CHECK_IN) for item in check_ins[goal.pk]],
            "reflection": _reflection(reflections.get(goal.pk)),
        }
        for goal in goals
    ]


def _revision(revision: Revision, goal: Goal) -> dict[str, Any]:
    by = "you" if revision.author_id == goal.owner_id else None
    return {**row(revision, fields.REVISION), "by": by}


def _reflection(reflection: GoalReflection | None) -> dict[str, Any] | None:
    return row(reflection, fields.GOAL_REFLECTION) if reflection else None


def _sessions(user: User, refs: dict[int, str]) -> list[dict[str, Any]]:
    sessions = PlanSession.objects.filter(owner=user).order_by("created_at", "id")
    return [{**row(s, fields.SESSION), "goal": refs.get(s.goal_id or 0)} for s in sessions]


def _reviews(user: User, refs: dict[int, str]) -> list[dict[str, Any]]:
    """Reviews alone and with a buddy; of a review with a buddy, only this person's notes."""
    mine = Q(owner=user) | Q(pact__first=user) | Q(pact__second=user)
    reviews = Review.objects.filter(mine).select_related("pact__first", "pact__second")
    result = []
    for review in reviews.prefetch_related("decisions").order_by("scheduled_for", "id"):
        pact = review.pact
        first = pact is None or pact.first_id == user.pk
        buddy = None if pact is None else (pact.second if first else pact.first)
        decisions = [
            {**row(d, fields.DECISION), "goal": refs.get(d.goal_id)}
            for d in sorted(review.decisions.all(), key=lambda d: (d.created_at, d.pk))
            if d.goal_id in refs
        ]
        notes = review.first_notes if first else review.second_notes
        result.append({**row(review, fields.REVIEW), "notes": notes,
                       "with": buddy.get_username() if buddy else None,
                       "decisions": decisions})  # fmt: skip
    return result


def _comments(user: User, refs: dict[int, str]) -> list[dict[str, Any]]:
    """Comments this person wrote: on their own goals (by ref) and on others' (by owner)."""
    comments = Comment.objects.filter(author=user).select_related("goal__owner")
    return [
        {
            **row(c, fields.COMMENT),
            "goal": refs.get(c.goal_id),
            "on_goal_of": None if c.goal_id in refs else c.goal.owner.get_username(),
            "on_goal": None if c.goal_id in refs else c.goal.statement,
        }
        for c in comments.order_by("created_at", "id")
    ]


CSV_COLUMNS = ("goal", "date", "value", "unit", "note", "logged_at")


def checkins_csv(user: User) -> str:
    """Every check-in, a row each, for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    check_ins = CheckIn.objects.filter(goal__owner=user).select_related("goal")
    for item in check_ins.order_by("goal__created_at", "goal_id", "date", "id"):
        writer.writerow([_cell(item.goal.statement), item.date.isoformat(),
                         plain(item.value) or "", _cell(item.goal.metric_unit), _cell(item.note),
                         plain(item.created_at)])  # fmt: skip
    return out.getvalue()


def _cell(text: str) -> str:
    """Text a spreadsheet would run as a formula ("=HYPERLINK(...)") is kept as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
