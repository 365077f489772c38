"""The terminal and the browser show the same session: the same ideas in the same order,
the same parent goals on the ladder, the same SMART letters. Runs on whichever database
the suite runs on (CI runs it on SQLite and PostgreSQL, whose jsonb sorts object keys)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import pytest
from django.test import Client

from cairn.accounts.models import User
from cairn.cli.plan import step_functions
from cairn.cli.plan_run import Run
from cairn.goals import services as goal_services
from cairn.goals.models import Goal, Status
from cairn.planning import services
from cairn.planning.models import PlanSession
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db


class Recorder:
    """Takes every default (Enter) and writes down the choices each question offered."""

    def __init__(self, answers: dict[str, Any] | None = None) -> None:
        self.answers = answers or {}
        self.offered: dict[str, list[Any]] = {}
        self.said: list[str] = []

    def _answer(self, message: str, default: Any) -> Any:
        return next((a for part, a in self.answers.items() if part in message), default)

    def say(self, text: str = "", style: str | None = None) -> None:
        self.said.append(text)

    def text(self, message: str, *, default: str = "", **_: Any) -> str:
        return str(self._answer(message, default))

    def select(
        self, message: str, choices: Sequence[tuple[str, Any]], *, default: Any = None
    ) -> Any:
        self.offered[message] = [value for _, value in choices]
        return self._answer(message, default)

    def checkbox(
        self, message: str, choices: Sequence[tuple[str, Any]], *, checked: Sequence[Any] = ()
    ) -> list[Any]:
        return list(checked)

    def confirm(self, message: str, *, default: bool = True) -> bool:
        return default


def run_step(session: PlanSession, step: str, ui: Recorder, today: dt.date) -> None:
    session = PlanSession.objects.select_related("goal", "owner").get(pk=session.pk)
    step_functions()[step](Run(session, ui, today))


def offered(ui: Recorder, question: str) -> list[Any]:
    return next(values for message, values in ui.offered.items() if question in message)


def brainstormed(alice_client: Client, session: PlanSession) -> None:
    """Ideas typed in the browser, in areas whose names JSON key sorting reorders
    (jsonb puts shorter keys first: 'power' before 'earnings')."""
    response = alice_client.post(
        f"/plan/{session.pk}/brainstorm/",
        {
            "ideas_earnings": "Ask for a raise\nFreelance on weekends",
            "ideas_power": "Lead the guild",
            "ideas_experiences": "Work a year abroad",
        },
    )
    assert response.status_code == 302


def test_terminal_and_browser_list_the_same_ideas_in_the_same_order(
    alice: User, alice_client: Client, today: dt.date
) -> None:
    session = services.start_session(owner=alice)
    brainstormed(alice_client, session)
    page = alice_client.get(f"/plan/{session.pk}/draft/")
    in_browser = [value for value, _ in page.context["form"].fields["idea"].choices]
    ui = Recorder({"actionable sentence": "Earn $120K a year by 2027", "What now": "keep"})
    run_step(session, "draft", ui, today)
    in_terminal = [idea for idea in offered(ui, "Which idea") if idea]
    expected = ["Ask for a raise", "Freelance on weekends", "Lead the guild", "Work a year abroad"]
    assert in_browser == expected
    assert in_terminal == expected


def test_ideas_follow_the_brainstorm_order_not_the_stored_key_order(
    alice: User, alice_client: Client, today: dt.date
) -> None:
    """The stored mapping's key order differs from the order brainstormed: the order
    brainstormed wins in both front ends, on every database."""
    session = services.start_session(owner=alice)
    ideas = {"power": ["Lead the guild"], "earnings": ["Ask for a raise"]}
    data = {"ideas": ideas, "areas": ["earnings", "power"]}
    services.save_step(session, step="brainstorm", data=data)
    page = alice_client.get(f"/plan/{session.pk}/draft/")
    in_browser = [value for value, _ in page.context["form"].fields["idea"].choices]
    ui = Recorder({"actionable sentence": "Lead the guild by 2027", "What now": "keep"})
    run_step(session, "draft", ui, today)
    in_terminal = [idea for idea in offered(ui, "Which idea") if idea]
    assert in_browser == in_terminal == ["Ask for a raise", "Lead the guild"]


def test_terminal_and_browser_offer_the_same_parents_on_the_ladder(
    alice: User, charlie: User, alice_client: Client, today: dt.date
) -> None:
    session = services.start_session(owner=alice)
    services.save_step(session, step="draft", data={"statement": "Earn $120K a year"})
    deadline = today + dt.timedelta(days=300)
    services.save_step(session, step="smart", data={"deadline": deadline, "horizon": 1})
    ten = make_goal(alice, "Run an engineering department by 2035", horizon=10)
    five = make_goal(alice, "Lead a team of 8 by 2030", horizon=5)
    paused = make_goal(alice, "Write a book on testing", horizon=5)
    goal_services.pause_goal(paused, by=alice)
    drafted = make_goal(alice, "Speak at a big conference", horizon=5, status=Status.DRAFT)
    make_goal(alice, "Get a certificate this year", horizon=1)  # not longer: refused on save
    gone = make_goal(alice, "Move to management", horizon=5)
    goal_services.abandon_goal(gone, by=alice, reason="Changed my mind")
    make_goal(charlie, "Charlie's own ten-year goal", horizon=10)
    page = alice_client.get(f"/plan/{session.pk}/ladder/")
    in_browser = {goal.pk for goal in page.context["form"].fields["parent"].queryset}
    ui = Recorder({"Which longer goal": None})
    run_step(session, "ladder", ui, today)
    in_terminal = {value for value in offered(ui, "Which longer goal") if isinstance(value, int)}
    assert in_browser == in_terminal == {ten.pk, five.pk, paused.pk, drafted.pk}


def browser_letters(client: Client, session: PlanSession) -> dict[str, bool | None]:
    page = client.get(f"/plan/{session.pk}/review/")
    return dict(page.context["verdicts"])


def terminal_letters(ui: Recorder) -> dict[str, bool | None]:
    line = next(text for text in ui.said if text.strip().startswith("SMART:"))
    marks = {"✓": True, "✗": False, "?": None}
    return {letter: marks[mark] for letter, mark in re.findall(r"([SMART]) ([✓✗?])", line)}


def test_terminal_shows_the_browser_letters_with_the_goal_fields_counted(
    alice: User, alice_client: Client, today: dt.date
) -> None:
    """The sentence names no number and no date; the measure and deadline typed in the
    goal's fields make it measurable and time-bound, in the terminal as in the browser."""
    session = services.start_session(owner=alice)
    services.save_step(session, step="draft", data={"statement": "Get better at public speaking"})
    ui = Recorder({"Ready": "later"})
    run_step(session, "review", ui, today)
    before = terminal_letters(ui)
    assert before == browser_letters(alice_client, session)
    assert before["M"] is not True and before["T"] is not True
    fields = {"metric_target": 10, "metric_unit": "talks", "deadline": today + dt.timedelta(90)}
    services.save_step(session, step="smart", data={**fields, "horizon": 1})
    ui = Recorder({"Ready": "later"})
    run_step(session, "review", ui, today)
    after = terminal_letters(ui)
    assert after == browser_letters(alice_client, session)
    assert after["M"] is True and after["T"] is True
    assert Goal.objects.get(statement="Get better at public speaking").status == Status.DRAFT
