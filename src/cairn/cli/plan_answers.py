"""`cairn plan --answers FILE.yaml`: the guided session from a file, in one transaction.

The file's format is documented in `cairn plan --help` (see cairn.cli.plan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from cairn.accounts.models import User
from cairn.goals.access import owned_goals
from cairn.goals.models import Goal, Prompt
from cairn.goals.rules import parent_choices
from cairn.goals.services import add_step
from cairn.goals.services.steps import STEP_FIELDS
from cairn.planning import services
from cairn.planning.models import PlanSession
from cairn.planning.services import SMART_GOAL_FIELDS, SMART_NOTES

from .plan_ui import parse_date, parse_number

SECTIONS = ("reflect", "brainstorm", "draft", "smart", "ladder", "breakdown", "reward")
KEYS = {
    "reflect": tuple(Prompt.values),
    "brainstorm": ("ideas", "own_area"),
    "draft": ("statement", "idea"),
    "smart": (*SMART_GOAL_FIELDS, *SMART_NOTES, "confirm_past_deadline"),
    "ladder": ("parent", "new_rung"),
    "new_rung": ("statement", "horizon"),
    "breakdown": STEP_FIELDS,
    "reward": ("size", "text"),
}
DATES = {"deadline"}
NUMBERS = {"metric_baseline", "metric_target"}
WHOLE = {"horizon", "frequency_count"}


class AnswerError(Exception):
    """A problem in the answers file, located by step, field and (for micro-goals) item."""

    def __init__(self, step: str, field: str | None, message: str, item: int | None = None):
        where = f"step '{step}'" + (f" (micro-goal {item})" if item else "")
        where += f", field '{field}'" if field else ""
        super().__init__(f"{where}: {message}")


def load(stream: IO[str]) -> dict[str, Any]:
    import yaml

    try:
        document = yaml.safe_load(stream)
    except yaml.YAMLError as error:
        raise AnswerError("file", None, f"not valid YAML: {error}") from None
    if not isinstance(document, dict):
        raise AnswerError("file", None, "expected a mapping of steps (reflect:, draft:, ...)")
    unknown = sorted(set(map(str, document)) - set(SECTIONS))
    if unknown:
        raise AnswerError(unknown[0], None, f"unknown step; the steps are {', '.join(SECTIONS)}")
    if not isinstance(document.get("draft"), dict) or not document["draft"].get("statement"):
        raise AnswerError("draft", "statement", "required: the goal as one sentence")
    return document


@transaction.atomic
def create_goal(owner: User, document: dict[str, Any], today: dt.date) -> Goal:
    """Run every step, then commit; any error rolls everything back."""
    session = services.start_session(owner=owner)
    for step in SECTIONS:
        if document.get(step) is not None:
            session = APPLY[step](session, document[step], today)
    try:
        return services.commit_session(session, today=today)
    except ValidationError as error:
        raise AnswerError("review", None, " ".join(error.messages)) from None


def _mapping(step: str, value: Any, keys: str | None = None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise AnswerError(step, keys, "expected a mapping of field: value")
    known = KEYS[keys or step]
    for name in value:
        if name not in known:
            raise AnswerError(step, str(name), f"unknown field; known: {', '.join(known)}")
    return dict(value)


def _convert(step: str, name: str, value: Any, today: dt.date, item: int | None = None) -> Any:
    try:
        if name in DATES:
            return parse_date(value, today) if value not in (None, "") else None
        if name in NUMBERS:
            return parse_number(value) if value not in (None, "") else None
        if name in WHOLE:
            return int(value) if value not in (None, "") else None
    except (TypeError, ValueError) as error:
        raise AnswerError(step, name, str(error), item) from None
    if isinstance(value, dict | list):
        raise AnswerError(step, name, "expected text, not a list or mapping", item)
    return value if isinstance(value, bool) else "" if value is None else str(value)


def _save(
    session: PlanSession,
    step: str,
    data: dict[str, Any],
    today: dt.date,
    rename: dict[str, str] | None = None,
) -> PlanSession:
    try:
        return services.save_step(session, step=step, data=data, today=today).session
    except ValidationError as error:
        raise _located(step, error, rename=rename) from None


def _located(
    step: str, error: ValidationError, item: int | None = None, rename: dict[str, str] | None = None
) -> AnswerError:
    """The service's message, with the field named as the file names it."""
    if not hasattr(error, "error_dict"):
        return AnswerError(step, None, " ".join(error.messages), item)
    field, messages = next(iter(error.message_dict.items()))
    name = None if field == "__all__" else (rename or {}).get(field, field)
    return AnswerError(step, name, " ".join(messages), item)


def _reflect(session: PlanSession, value: Any, today: dt.date) -> PlanSession:
    answers = _mapping("reflect", value)
    data = {name: _convert("reflect", name, text, today) for name, text in answers.items()}
    return _save(session, "reflect", data, today)


def _brainstorm(session: PlanSession, value: Any, today: dt.date) -> PlanSession:
    section = _mapping("brainstorm", value)
    ideas = section.get("ideas") or {}
    if not isinstance(ideas, dict):
        raise AnswerError("brainstorm", "ideas", "expected area: [idea, ...]")
    lists = {
        str(area): items if isinstance(items, list) else [items] for area, items in ideas.items()
    }
    data = {
        "ideas": lists,
        "own_area": _convert("brainstorm", "own_area", section.get("own_area"), today),
    }
    return _save(session, "brainstorm", data, today)


def _draft(session: PlanSession, value: Any, today: dt.date) -> PlanSession:
    section = _mapping("draft", value)
    data = {name: _convert("draft", name, text, today) for name, text in section.items()}
    return _save(session, "draft", data, today)


def _smart(session: PlanSession, value: Any, today: dt.date) -> PlanSession:
    section = _mapping("smart", value)
    data = {name: _convert("smart", name, item, today) for name, item in section.items()}
    for name in ("metric_unit", "frequency_period"):
        if data.get(name) is None and name in data:
            data[name] = ""
    return _save(session, "smart", data, today)


def _ladder(session: PlanSession, value: Any, today: dt.date) -> PlanSession:
    section = _mapping("ladder", value)
    if "parent" in section and "new_rung" in section:
        raise AnswerError("ladder", "new_rung", "give either parent or new_rung, not both")
    if section.get("new_rung") is not None:
        rung = _mapping("ladder", section["new_rung"], "new_rung")
        data = {
            "new_rung_statement": _convert(
                "ladder", "new_rung.statement", rung.get("statement"), today
            ),
            "new_rung_horizon": _convert("ladder", "horizon", rung.get("horizon"), today),
        }
        if not data["new_rung_statement"].strip():
            raise AnswerError("ladder", "new_rung.statement", "required: the longer goal")
        rename = {
            "statement": "new_rung.statement",
            "horizon": "new_rung.horizon",
            "parent": "new_rung",
        }
        return _save(session, "ladder", data, today, rename)
    return _save(session, "ladder", {"parent": _find_parent(session, section.get("parent"))}, today)


def _find_parent(session: PlanSession, reference: Any) -> Goal | None:
    if reference in (None, ""):
        return None
    goals = owned_goals(session.owner)
    if isinstance(reference, int) and not isinstance(reference, bool):
        found = goals.filter(pk=reference).first()
    else:
        found = goals.filter(statement__iexact=str(reference).strip()).first()
    if found is None:
        raise AnswerError(
            "ladder", "parent", f"none of your goals is {reference!r} (give its id or statement)"
        )
    if not parent_choices(session.owner, session.goal).filter(pk=found.pk).exists():
        raise AnswerError("ladder", "parent", f"{found.statement!r} is {found.status}: not open")
    return found


def _breakdown(session: PlanSession, value: Any, today: dt.date) -> PlanSession:
    if not isinstance(value, list):
        raise AnswerError("breakdown", None, "expected a list of micro-goals (- title: ...)")
    goal = session.goal
    if goal is None:  # pragma: no cover - load() requires a statement
        raise AnswerError("breakdown", None, "write the goal statement first")
    for item, entry in enumerate(value, start=1):
        if not isinstance(entry, dict):
            raise AnswerError("breakdown", None, "expected title: ..., deadline: ...", item)
        for name in entry:
            if name not in STEP_FIELDS:
                raise AnswerError(
                    "breakdown", str(name), f"unknown field; known: {', '.join(STEP_FIELDS)}", item
                )
        fields = {name: _convert("breakdown", name, v, today, item) for name, v in entry.items()}
        try:
            add_step(goal, **{"title": "", **fields})
        except ValidationError as error:
            raise _located("breakdown", error, item) from None
    return _save(session, "breakdown", {}, today)


def _reward(session: PlanSession, value: Any, today: dt.date) -> PlanSession:
    section = _mapping("reward", value)
    data = {
        "reward_size": _convert("reward", "size", section.get("size"), today),
        "reward": _convert("reward", "text", section.get("text"), today),
    }
    return _save(session, "reward", data, today, {"reward_size": "size", "reward": "text"})


APPLY: dict[str, Callable[[PlanSession, Any, dt.date], PlanSession]] = {
    "reflect": _reflect,
    "brainstorm": _brainstorm,
    "draft": _draft,
    "smart": _smart,
    "ladder": _ladder,
    "breakdown": _breakdown,
    "reward": _reward,
}
