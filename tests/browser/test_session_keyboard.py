"""Keyboard only through the guided session: Tab, Shift+Tab, typing, Space and Enter; every
stop shows where focus is, and Enter in a one-line field saves and moves on."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from cairn.accounts.models import User
from cairn.goals.models import ReflectionAnswer
from cairn.planning.models import PlanSession
from tests.browser.test_keyboard import Keyboard

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Shots

STATEMENT = "Maintain an open source library used by 100 teams by June 2027"


def tab_back_to(keys: Keyboard, id: str, limit: int = 20) -> None:
    for _ in range(limit):
        if keys.tab(shift=True)["id"] == id:
            return
    raise AssertionError(f"Shift+Tab never reached {id!r}; stops: {keys.stops[-limit:]}")


@pytest.mark.browser
def test_guided_session_with_the_keyboard_only(
    page: Page, log_in: Any, alice: User, shots: Shots
) -> None:
    from playwright.sync_api import expect

    keys = Keyboard(page)
    h1 = page.get_by_role("heading", level=1)
    log_in(alice)
    page.goto("/")
    keys.tab_to(text="Set a goal, step by step")
    page.keyboard.press("Enter")

    # Reflect: type, then Save and continue with Enter.
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    keys.tab_to(id="id_answer")
    page.keyboard.type("Work that other people build on.")
    keys.tab_to(text="Save and continue")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()

    # Type the second answer, go Back with Shift+Tab and Enter: both answers are kept.
    keys.tab_to(id="id_answer")
    page.keyboard.type("Spend a year on open source.")
    keys.tab_to(text="Save and continue")
    assert keys.tab(shift=True)["text"] == "Back"
    shots(page, "reflect-back-focused")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    expect(page.get_by_label("How do you define career success?")).to_have_value(
        "Work that other people build on."
    )
    keys.tab_to(text="Save and continue")
    page.keyboard.press("Enter")
    expect(page.get_by_label("What would you do if you had all the money you need?")).to_have_value(
        "Spend a year on open source."
    )

    # The session's own navigation is reachable too: on to Brainstorm.
    keys.tab_to(text="Brainstorm")
    page.keyboard.press("Enter")
    expect(h1).to_have_text("Brainstorm")
    keys.tab_to(id="id_own_area")
    page.keyboard.type("Open source")
    keys.tab_to(id="id_ideas_own")
    page.keyboard.type("Maintain an open source library")
    page.keyboard.press("Enter")  # a new line in a textarea, not a submit
    page.keyboard.type("Speak at a conference")
    # Back up to the one-line field: Enter there saves and goes to the next step.
    tab_back_to(keys, "id_own_area")
    shots(page, "brainstorm-typed")
    page.keyboard.press("Enter")
    expect(h1).to_have_text("Draft")

    # Draft: choose an idea with Space, type the statement, watch the verdict.
    keys.tab_to(id="id_idea_0")
    expect(page.get_by_label("Maintain an open source library")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_label("Maintain an open source library")).to_be_checked()
    keys.tab_to(id="id_statement")
    page.keyboard.type(STATEMENT)
    expect(page.locator("#smart-panel .statement-echo")).to_have_text(STATEMENT)
    expect(page.locator("#save-status")).to_have_text(re.compile(r"Saved \d\d:\d\d:\d\d"))
    shots(page, "draft-typed")
    keys.tab_to(text="Save and continue")
    page.keyboard.press("Enter")
    expect(h1).to_have_text("Make it SMART")

    # SMART: a one-line answer, then Enter moves on to the ladder.
    keys.tab_to(id="id_network_contact")
    page.keyboard.type("Dana, who maintains two libraries")
    shots(page, "smart-typed")
    page.keyboard.press("Enter")
    expect(h1).to_have_text("Ladder")
    shots(page, "ladder")

    session = PlanSession.objects.get(owner=alice)
    assert session.goal is not None and session.goal.statement == STATEMENT
    assert session.state["idea"] == "Maintain an open source library"
    assert session.state["smart"]["network_contact"] == "Dana, who maintains two libraries"
    assert session.state["brainstorm"]["ideas"]["own"] == [
        "Maintain an open source library",
        "Speak at a conference",
    ]
    assert session.state["brainstorm"]["own_area"] == "Open source"
    assert ReflectionAnswer.objects.filter(owner=alice).count() == 2
    assert len(keys.stops) > 30  # every one of them had a visible focus ring
