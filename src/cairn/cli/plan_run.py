"""The state of one `cairn plan` run: the session, the prompter, and saving through the
planning services (every answer is saved at once, so Ctrl-C loses nothing)."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from cairn.accounts.models import Profile, User
from cairn.cli.plan_ui import Prompter
from cairn.goals import assess
from cairn.goals.models import Goal
from cairn.planning import services
from cairn.planning.models import STEPS, PlanSession
from cairn.planning.session_state import SessionState
from cairn.planning.steps import STEP_INFO
from cairn.smart import Assessment
from cairn.smart.model import LETTER_NAMES
from cairn.smart.verdict import Verdict


@dataclass
class Run:
    session: PlanSession
    ui: Prompter
    today: dt.date

    @property
    def owner(self) -> User:
        return self.session.owner

    @property
    def goal(self) -> Goal | None:
        return self.session.goal

    def need_goal(self) -> Goal:
        goal = services.require_goal(self.session)
        goal.refresh_from_db()
        return goal

    @property
    def session_state(self) -> SessionState:
        return SessionState(self.session)

    def save(self, step: str, data: dict[str, Any]) -> None:
        """Save one answer; raise ValidationError when the services refuse it."""
        saved = services.save_step(
            self.session, step=step, data=data, version=self.session.version, today=self.today
        )
        if saved.conflict:
            self.ui.say(
                "  Note: this session was also changed elsewhere (another tab or terminal); "
                "your answer was saved over it.",
                "warn",
            )
        self.session = saved.session

    def enter(self, step: str) -> None:
        """Mark that the person reached `step`, so that a resume lands there. Harmless: the
        data saved is what the step already holds."""
        data = self._current(step)
        if data is None or self.session.step == step:
            return
        # When refused, the step is still reached; a resume then lands one step earlier.
        with contextlib.suppress(ValidationError):
            self.save(step, data)

    def _current(self, step: str) -> dict[str, Any] | None:
        goal = self.session.goal
        if step == "brainstorm":
            return self.session_state.brainstorm.as_data()
        if step == "reflect":
            return {}
        if goal is None:
            return None
        if step == "draft":
            return {"statement": goal.statement}
        if step == "ladder":
            return {"parent": goal.parent}
        return {}

    def reload(self) -> None:
        self.session = PlanSession.objects.select_related("goal", "owner").get(pk=self.session.pk)

    def assess(self, statement: str) -> Assessment:
        return assess.assess_for(self.owner, statement, self.today)

    def verdict(self, statement: str, goal: Goal | None = None) -> Verdict:
        """What the web shows for the same statement and goal (cairn.smart.verdict)."""
        return assess.verdict_for(self.owner, statement, self.today, goal)


def profile_context(user: User) -> dict[str, Any]:
    """What the analyzer may know about the person: the same context the web app gives it."""
    return assess.profile_context(Profile.objects.filter(user=user).first())


def letters_line(found: Verdict) -> str:
    marks = {True: "✓", False: "✗", None: "?"}
    return "  ".join(f"{letter} {marks[ok]}" for letter, ok in found.letters.items())


def show_verdict(ui: Prompter, found: Verdict) -> None:
    verdict = "SMART" if found.is_smart else "not SMART yet"
    ui.say(f"  {letters_line(found)}   {verdict}", "ok" if found.is_smart else "warn")
    evidence = [f"{piece} ({kind})" for piece, kind in found.pieces if kind]
    if evidence:  # the words the web underlines, the same spans
        ui.say("  Read: " + " · ".join(evidence), "dim")
    for suggestion in found.suggestions:
        name = LETTER_NAMES.get(suggestion.key, suggestion.key.replace("_", " "))
        ui.say(f"  [{name}] {suggestion.message}")


def header(run: Run, step: str) -> None:
    run.ui.say()
    run.ui.say(f"Step {STEPS.index(step) + 1} of {len(STEPS)} · {STEP_INFO[step].title}", "title")


def describe(session: PlanSession) -> str:
    goal = session.goal
    what = f"“{goal.statement}”" if goal else "no statement yet"
    when = session.updated_at.strftime("%Y-%m-%d %H:%M")
    return f"{what} — step {session.step_number} of {len(STEPS)} ({session.step}), saved {when}"
