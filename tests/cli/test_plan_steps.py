"""The steps of `cairn plan`, driven in-process by a scripted prompter (fast, exact)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import click
import pytest

from cairn.accounts.models import User
from cairn.cli.plan import interactive
from cairn.goals.models import Goal, Status
from cairn.planning import services
from cairn.planning.models import PlanSession
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db
KEEP = object()  # accept the default, as Enter does
OPTIONAL = ("current role", "Years of experience", "yearly pay", "Specific:", "Relevant:")


class Scripted:
    """Answers prompts in order; each script entry is (part of the question, answer)."""

    def __init__(self, script: list[tuple[str, Any]]):
        self.script = list(script)
        self.said: list[str] = []

    def _next(self, message: str, default: Any) -> Any:
        upcoming = self.script[0][0] if self.script else None
        if (upcoming is None or upcoming not in message) and any(q in message for q in OPTIONAL):
            return default  # asked or not depending on the analyzer's verdict
        assert self.script, f"unexpected question: {message}"
        expected, answer = self.script.pop(0)
        assert expected in message, f"asked {message!r}, script expected {expected!r}"
        if answer is KeyboardInterrupt:
            raise KeyboardInterrupt
        return default if answer is KEEP else answer

    def say(self, text: str = "", style: str | None = None) -> None:
        self.said.append(text)

    def text(
        self,
        message: str,
        *,
        default: str = "",
        instruction: str | None = None,
        validate: Any = None,
    ) -> str:
        while True:
            answer = str(self._next(message, default))
            problem = validate(answer) if validate else None
            if problem is None:
                return answer.strip()
            self.said.append(f"invalid: {problem}")

    def select(
        self, message: str, choices: Sequence[tuple[str, Any]], *, default: Any = None
    ) -> Any:
        answer = self._next(message, default)
        assert answer in [value for _, value in choices], f"{answer!r} not offered for {message!r}"
        return answer

    def checkbox(
        self, message: str, choices: Sequence[tuple[str, Any]], *, checked: Sequence[Any] = ()
    ) -> list[Any]:
        return list(self._next(message, list(checked)))

    def confirm(self, message: str, *, default: bool = True) -> bool:
        return bool(self._next(message, default))

    @property
    def output(self) -> str:
        return "\n".join(self.said)


def run(user: User, script: list[tuple[str, Any]], *, interrupted: bool = False) -> Scripted:
    ui = Scripted(script)
    if interrupted:
        with pytest.raises(click.exceptions.Exit) as stop:
            interactive(user, ui)
        assert stop.value.exit_code == 130
    else:
        interactive(user, ui)
    assert not ui.script, f"not asked: {ui.script}"
    return ui


def test_a_frequency_goal_with_a_new_rung_and_bad_input_on_the_way(
    alice: User, today: dt.date
) -> None:
    reflections = [
        (q, KEEP) for q in ("success", "money", "company", "peers", "ultimate", "admire")
    ]
    ui = run(
        alice,
        [
            ("career success", "Be known for good talks"),
            *reflections[1:],
            ("Which areas", ["knowledge", "own"]),
            ("Name your own area", "Speaking"),
            ("Idea 1 for Knowledge", "Take a speaking course"),
            ("Idea 2 for Knowledge", ""),
            ("Idea 1 for Speaking", "Talk at meetups every month"),
            ("Idea 2 for Speaking", ""),
            ("Which idea", "Talk at meetups every month"),
            ("actionable sentence", "x" * 501),
            ("actionable sentence", "Give a talk at a meetup every month"),
            ("What now", "keep"),
            ("Which area", "difference"),
            ("Measurable", "frequency"),
            ("Time-bound", "frequency"),
            ("How many times", "zero"),
            ("How many times", "1"),
            ("Per", "month"),
            ("Horizon", KEEP),
            ("Attainable", ""),
            ("network", "Sam"),
            ("Which longer goal", "new"),
            ("longer goal, in one sentence", ""),
            ("Its horizon", 5),
            ("longer goal, in one sentence", "Be a known speaker in my field by 2031"),
            # No deadline: the goal runs on, so a first micro-goal is asked without a confirm.
            ("Micro-goal", "Pick three topics"),
            ("Action plan", ""),
            ("Resources", ""),
            ("Who can help", ""),
            ("Deadline", "2020-01-01"),  # in the past: refused at the prompt
            ("Deadline", "+7d"),
            ("If-then", ""),
            ("Add a micro-goal", False),
            ("How big a reward", "medium"),
            ("Your reward", "A conference ticket"),
            ("Ready", "commit"),
        ],
    )
    goal = Goal.objects.get(owner=alice, statement="Give a talk at a meetup every month")
    assert goal.status == Status.ACTIVE and goal.area == "difference"
    assert (goal.frequency_count, goal.frequency_period, goal.horizon) == (1, "month", 1)
    assert goal.parent is not None and goal.parent.horizon == 5
    assert goal.steps.get().deadline == today + dt.timedelta(days=7)
    assert "Keep the statement to 500 characters" in ui.output
    assert "Read: " in ui.output and "every month (frequency)" in ui.output  # the web's spans
    assert "Write the longer goal in one sentence." in ui.output
    assert "invalid: That date is in the past" in ui.output
    assert "invalid: Enter a whole number" in ui.output or "invalid: 'zero' is not" in ui.output


def test_several_open_sessions_are_offered_and_a_long_goal_needs_a_micro_goal(
    alice: User, today: dt.date
) -> None:
    older = services.start_session(owner=alice)
    services.save_step(older, step="draft", data={"statement": "Lead a team of 5"})
    newer = services.start_session(owner=alice)
    services.save_step(newer, step="draft", data={"statement": "Earn $120K a year"})
    deadline = today + dt.timedelta(days=300)
    services.save_step(
        newer, step="smart", data={"deadline": deadline, "horizon": 1, "metric_target": 120000}
    )
    for step in ("ladder", "breakdown"):
        services.save_step(newer, step=step, data={})
    parent = make_goal(alice, "Head an engineering department by 2031", horizon=5)
    ui = run(
        alice,
        [
            ("2 open sessions", newer.pk),
            # No confirm: a goal over three months must have a micro-goal.
            ("Micro-goal", "Ask for a raise"),
            ("Action plan", ""),
            ("Resources", ""),
            ("Who can help", ""),
            ("Deadline", KEEP),
            ("If-then", "If my review is booked, then I bring three wins"),
            ("Add a micro-goal", False),
            ("How big a reward", KEEP),
            ("Your reward", "A new bike"),
            ("Ready", "ladder"),
            ("Which longer goal", parent.pk),
            ("Add a micro-goal", False),
            ("How big a reward", KEEP),
            ("Your reward", KEEP),
            ("Ready", "commit"),
        ],
    )
    assert "at least one micro-goal" in ui.output
    goal = Goal.objects.get(statement="Earn $120K a year")
    assert goal.status == Status.ACTIVE and goal.parent == parent
    assert goal.steps.get().deadline == today + dt.timedelta(days=14)
    assert goal.reward_size == "medium" and goal.reward == "A new bike"
    assert list(services.open_sessions(alice)) == [PlanSession.objects.get(pk=older.pk)]


def test_interrupt_leaves_the_session_at_its_step(alice: User) -> None:
    session = services.start_session(owner=alice)
    services.save_step(session, step="draft", data={"statement": "Speak at a meetup"})
    ui = run(
        alice,
        [("an open session", session.pk), ("actionable", KeyboardInterrupt)],
        interrupted=True,
    )
    assert "continues at step 3 (draft)" in ui.output
    ui = run(
        alice, [("an open session", None), ("career success", KeyboardInterrupt)], interrupted=True
    )
    assert services.open_sessions(alice).count() == 2
