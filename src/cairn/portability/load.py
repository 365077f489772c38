"""Loading an export document into an account: everything checked first against the models'
own field rules, then written in one transaction, so a bad file changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from cairn.accountability.models import (
    Comment,
    ReminderSettings,
    Review,
    ReviewDecision,
    SharingSettings,
)
from cairn.accounts.models import Profile, User
from cairn.accounts.services import get_profile
from cairn.careerdata.models import Occupation
from cairn.goals.models import CheckIn, Goal, GoalReflection, ReflectionAnswer, Revision, Step
from cairn.planning.models import PlanSession
from cairn.portability import fields
from cairn.portability.document import FORMAT, VERSION

SECTIONS = ("profile", "reflections", "settings", "goals", "sessions", "reviews", "comments")


class DocumentError(ValueError):
    """The file is not a Cairn export this version can load; `where` names the field."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass
class ImportReport:
    counts: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # what needs someone not on this instance

    def add(self, kind: str, number: int) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + number

    def summary(self) -> str:
        """ "3 goals, 1 check-in, ..." in the order they were loaded, or "nothing"."""
        parts = [f"{n:,} {NAMES[kind][0 if n == 1 else 1]}" for kind, n in self.counts.items()]
        return ", ".join(parts) or "nothing"


NAMES = {
    "reflections": ("reflection answer", "reflection answers"),
    "goals": ("goal", "goals"),
    "revisions": ("history entry", "history entries"),
    "micro_goals": ("micro-goal", "micro-goals"),
    "check_ins": ("check-in", "check-ins"),
    "goal_reflections": ("finish reflection", "finish reflections"),
    "sharing": ("sharing setting", "sharing settings"),
    "sessions": ("guided session", "guided sessions"),
    "reviews": ("review", "reviews"),
    "review_decisions": ("review decision", "review decisions"),
    "comments": ("comment", "comments"),
}


def _need(data: Any, kind: type, where: str) -> Any:
    if not isinstance(data, kind):
        raise DocumentError(where, f"expected {'an object' if kind is dict else 'a list'}")
    return data


def clean(model: type[models.Model], names: Iterable[str], data: Any, where: str) -> dict:
    """The named fields of `data`, each checked and converted by the model's own field."""
    _need(data, dict, where)
    values = {}
    for name in names:
        if name not in data:
            raise DocumentError(f"{where}.{name}", "missing")
        model_field = model._meta.get_field(name)
        try:
            value = model_field.clean(data[name], None)  # type: ignore[union-attr]
        except ValidationError as error:
            raise DocumentError(f"{where}.{name}", " ".join(error.messages)) from error
        if name in fields.STAMPED and value is None:
            raise DocumentError(f"{where}.{name}", "a date and time is needed")
        values[name] = value
    return values


def _header(document: Any) -> None:
    _need(document, dict, "document")
    if document.get("format") != FORMAT:
        raise DocumentError("format", f"not a Cairn export (expected {FORMAT!r})")
    if document.get("version") != VERSION:
        raise DocumentError("version", f"version {document.get('version')!r}; this Cairn "
                            f"reads version {VERSION}")  # fmt: skip
    for section in SECTIONS:
        if section not in document:
            raise DocumentError(section, "missing")


def import_document(*, user: User, document: Any) -> ImportReport:
    """Add the document's content to `user`'s account (their profile and settings are
    replaced); DocumentError, and nothing written, when any part is wrong."""
    _header(document)
    plan = _Plan(user, document)  # every check happens here, before any write
    with transaction.atomic():
        return plan.write()


class _Plan:
    """The document read into unsaved rows; `write` saves them."""

    def __init__(self, user: User, document: dict[str, Any]) -> None:
        self.user = user
        self.report = ImportReport()
        self.profile = self._profile(document["profile"])
        self.reflections = [
            ReflectionAnswer(owner=user, **clean(ReflectionAnswer, fields.REFLECTION, item, w))
            for item, w in _items(document["reflections"], "reflections")
        ]
        self.reminders = self._reminders(document["settings"])
        self.goals: dict[str, Goal] = {}
        self.parents: dict[str, str] = {}
        self.children: list[tuple[str, models.Model]] = []
        for item, where in _items(document["goals"], "goals"):
            self._goal(item, where)
        for ref, parent in self.parents.items():
            if parent not in self.goals or parent == ref:
                raise DocumentError(f"goals[{ref}].parent", f"no other goal {parent!r}")
        self._no_cycles()
        self.sessions = [self._session(item, w) for item, w in _items(document["sessions"],
                                                                       "sessions")]  # fmt: skip
        self.reviews = [self._review(item, w) for item, w in _items(document["reviews"], "reviews")]
        self.comments = [self._comment(item, w)
                         for item, w in _items(document["comments"], "comments")]  # fmt: skip

    # --- reading -------------------------------------------------------------------------

    def _no_cycles(self) -> None:
        """A goal cannot be its own ancestor (a ladder is a tree)."""
        for start in self.parents:
            seen, ref = {start}, self.parents[start]
            while ref in self.parents:
                if ref in seen:
                    raise DocumentError(
                        f"goals[{start}].parent", "the parents go round in a circle"
                    )
                seen.add(ref)
                ref = self.parents[ref]

    def _profile(self, data: Any) -> dict[str, Any]:
        values = clean(Profile, fields.PROFILE, data, "profile")
        for name in ("occupation", "target_occupation"):
            code = data.get(name)
            if code is not None and not isinstance(code, str):
                raise DocumentError(f"profile.{name}", "expected an O*NET code or null")
            values[name] = code
        return values

    def _reminders(self, data: Any) -> dict[str, Any] | None:
        reminders = _need(data, dict, "settings").get("reminders")
        if reminders is None:
            return None
        return clean(ReminderSettings, fields.REMINDERS, reminders, "settings.reminders")

    def _ref(self, data: dict[str, Any], key: str, where: str) -> str | None:
        ref = data.get(key)
        if ref is not None and ref not in self.goals:
            raise DocumentError(f"{where}.{key}", f"no goal {ref!r} in this file")
        return ref

    def _goal_of(self, data: Any, where: str) -> str:
        ref = self._ref(_need(data, dict, where), "goal", where)
        if ref is None:
            raise DocumentError(f"{where}.goal", "missing")
        return ref

    def _goal(self, data: Any, where: str) -> None:
        goal = Goal(owner=self.user, **clean(Goal, fields.GOAL, data, where))
        ref = data.get("ref")
        if not isinstance(ref, str) or not ref or ref in self.goals:
            raise DocumentError(f"{where}.ref", "each goal needs its own ref, e.g. 'g1'")
        self.goals[ref] = goal
        if data.get("parent") is not None:
            self.parents[ref] = data["parent"]
        if data.get("show_money_to_buddies") is True:
            self.children.append((ref, SharingSettings(show_money=True)))
        self._goal_rows(ref, data, where)

    def _goal_rows(self, ref: str, data: dict[str, Any], where: str) -> None:
        kinds: list[tuple[str, type[models.Model], tuple[str, ...]]] = [
            ("revisions", Revision, fields.REVISION),
            ("micro_goals", Step, fields.STEP),
            ("check_ins", CheckIn, fields.CHECK_IN),
        ]
        for key, model, names in kinds:
            for item, place in _items(data.get(key), f"{where}.{key}"):
                instance: Any = model(**clean(model, names, item, place))
                if key == "revisions" and item.get("by") == "you":
                    instance.author = self.user
                self.children.append((ref, instance))
        if data.get("reflection") is not None:
            values = clean(GoalReflection, fields.GOAL_REFLECTION, data["reflection"],
                           f"{where}.reflection")  # fmt: skip
            self.children.append((ref, GoalReflection(**values)))

    def _session(self, data: Any, where: str) -> tuple[str | None, PlanSession]:
        values = clean(PlanSession, fields.SESSION, data, where)
        return self._ref(data, "goal", where), PlanSession(owner=self.user, **values)

    def _review(self, data: Any, where: str) -> tuple[Review, list] | None:
        values = clean(Review, fields.REVIEW, data, where)
        if _need(data, dict, where).get("with"):
            self.report.skipped.append(f"a review with {data['with']} on "
                                       f"{values['scheduled_for']:%Y-%m-%d}")  # fmt: skip
            return None
        notes = clean(Review, ("first_notes",), {"first_notes": data.get("notes", "")}, where)
        decisions = [
            (self._goal_of(item, place), ReviewDecision(
                decided_by=self.user, **clean(ReviewDecision, fields.DECISION, item, place)))
            for item, place in _items(data.get("decisions"), f"{where}.decisions")
        ]  # fmt: skip
        return Review(owner=self.user, **values, **notes), decisions

    def _comment(self, data: Any, where: str) -> tuple[str, Comment] | None:
        values = clean(Comment, fields.COMMENT, data, where)
        ref = self._ref(data, "goal", where)
        if ref is None:
            self.report.skipped.append(f"a comment on {data.get('on_goal_of')}'s goal")
            return None
        return ref, Comment(author=self.user, **values)

    # --- writing -------------------------------------------------------------------------

    def write(self) -> ImportReport:
        self._write_profile()
        _create(ReflectionAnswer, self.reflections, self.report, "reflections")
        if self.reminders is not None:
            ReminderSettings.objects.update_or_create(user=self.user, defaults=self.reminders)
        self._write_goals()
        for ref, session in self.sessions:
            session.goal = self.goals[ref] if ref else None
        _create(PlanSession, [s for _, s in self.sessions], self.report, "sessions")
        self._write_reviews()
        comments = [c for c in self.comments if c is not None]
        for ref, comment in comments:
            comment.goal = self.goals[ref]
        _create(Comment, [c for _, c in comments], self.report, "comments")
        return self.report

    def _write_profile(self) -> None:
        profile = get_profile(self.user)
        for name, value in self.profile.items():
            if name in ("occupation", "target_occupation"):
                found = Occupation.objects.filter(pk=value).first() if value else None
                if value and found is None:
                    self.report.skipped.append(f"the occupation {value} (not in this data)")
                setattr(profile, name, found)
            else:
                setattr(profile, name, value)
        profile.save()

    def _write_goals(self) -> None:
        goals = list(self.goals.values())
        _create(Goal, goals, self.report, "goals")
        for ref, parent in self.parents.items():
            self.goals[ref].parent = self.goals[parent]
        Goal.objects.bulk_update([self.goals[r] for r in self.parents], ["parent"])
        by_model: dict[type[models.Model], list[models.Model]] = {}
        for ref, child in self.children:
            child.goal = self.goals[ref]  # type: ignore[attr-defined]
            by_model.setdefault(type(child), []).append(child)
        names = {Revision: "revisions", Step: "micro_goals", CheckIn: "check_ins",
                 GoalReflection: "goal_reflections", SharingSettings: "sharing"}  # fmt: skip
        for model, rows in by_model.items():
            _create(model, rows, self.report, names[model])

    def _write_reviews(self) -> None:
        reviews = [r for r in self.reviews if r is not None]
        _create(Review, [review for review, _ in reviews], self.report, "reviews")
        decisions = []
        for review, items in reviews:
            for ref, decision in items:
                decision.review, decision.goal = review, self.goals[ref]
                decisions.append(decision)
        _create(ReviewDecision, decisions, self.report, "review_decisions")


def _items(data: Any, where: str) -> list[tuple[Any, str]]:
    if data is None:
        return []
    return [(item, f"{where}[{index}]") for index, item in enumerate(_need(data, list, where))]


def _create(model: type[models.Model], rows: list, report: ImportReport, kind: str) -> None:
    """Insert the rows; their times stay the file's (creation times are model defaults, not
    auto_now_add, so an insert keeps them)."""
    if rows:
        model.objects.bulk_create(rows, batch_size=500)  # type: ignore[attr-defined]
        report.add(kind, len(rows))
