"""Keyboard only: log in and create a goal with Tab, Enter and typing; focus always visible."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from django.utils import timezone

from cairn.accounts.models import User
from cairn.goals.models import Goal, Status
from tests.conftest import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Shots


# What the focused element looks like: enough to tell whether a focus ring is drawn.
FOCUS_JS = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {
    tag: e.tagName.toLowerCase(), type: e.type || "", id: e.id,
    text: (e.innerText || e.value || "").trim(),
    inMain: !!e.closest("main"),
    outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth,
  };
}"""


class Keyboard:
    """Moves through a page with Tab only, checking every stop shows where focus is."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.stops: list[dict[str, Any]] = []

    def focused(self) -> dict[str, Any]:
        return self.page.evaluate(FOCUS_JS)

    def tab(self, shift: bool = False) -> dict[str, Any]:
        self.page.keyboard.press("Shift+Tab" if shift else "Tab")
        now = self.focused()
        if now["tag"] != "body":
            # Chromium's date field has one more stop, its calendar button, which draws
            # its own focus ring inside the field (the field itself then has none).
            picker = now["type"] == "date" and self.stops and self.stops[-1]["id"] == now["id"]
            self.stops.append(now)
            assert now["outline"] or picker, f"no visible focus ring on {now}"
            assert now["onScreen"], f"focused element is off screen: {now}"
        return now

    def tab_to(self, *, id: str = "", text: str = "", limit: int = 40) -> dict[str, Any]:
        """Press Tab until the element with this id (or this exact text) has focus."""
        for _ in range(limit):
            now = self.tab()
            if (id and now["id"] == id) or (text and now["text"] == text):
                return now
        raise AssertionError(f"Tab never reached {id or text!r}; stops: {self.stops[-limit:]}")


@pytest.mark.browser
def test_log_in_and_create_a_goal_with_the_keyboard_only(
    page: Page, shots: Shots, alice: User
) -> None:
    from playwright.sync_api import expect

    keys = Keyboard(page)
    deadline = timezone.localdate() + dt.timedelta(days=200)
    statement = "Lead two client workshops on data literacy"

    page.goto("/")
    # The first Tab shows the skip link, on screen and with a focus ring.
    first = keys.tab()
    assert first["text"] == "Skip to content", first
    expect(page.get_by_role("link", name="Skip to content")).to_be_in_viewport()
    shots(page, "skip-link")
    page.keyboard.press("Enter")
    # Skipping lands in the main content: the next stop is inside <main>.
    assert keys.tab()["inMain"], keys.stops[-1]

    keys.tab_to(text="Log in")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    # The username field has focus already (autofocus): type, Tab, type, Enter.
    expect(page.get_by_label("Username")).to_be_focused()
    page.keyboard.type("alice")
    keys.tab_to(id="id_password")
    page.keyboard.type(PASSWORD)
    shots(page, "login-typed")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your goals")

    keys.tab_to(text="New goal")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("A new goal")
    keys.tab_to(id="id_statement")
    page.keyboard.type(statement)
    keys.tab_to(id="id_area")
    page.keyboard.type("Knowledge")  # type-ahead in a closed <select>
    keys.tab_to(id="id_horizon")
    page.keyboard.type("1")
    keys.tab_to(id="id_metric_baseline")
    page.keyboard.type("0")
    keys.tab_to(id="id_metric_target")
    page.keyboard.type("2")
    keys.tab_to(id="id_metric_unit")
    page.keyboard.type("workshops")
    keys.tab_to(id="id_deadline")
    # A date field takes its parts in the locale's order: mm, dd, yyyy in en-US.
    page.keyboard.type(f"{deadline:%m%d%Y}")
    expect(page.get_by_label("Area")).to_have_value("knowledge")
    expect(page.get_by_label("Horizon")).to_have_value("1")
    expect(page.get_by_label("Deadline")).to_have_value(deadline.isoformat())
    keys.tab_to(text="Save and start")
    shots(page, "goal-form-typed")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(statement)
    expect(page.locator(".badge")).to_have_text(["Active", "Knowledge and training", "1 year"])
    shots(page, "goal-saved")
    goal = Goal.objects.get()
    assert (goal.status, goal.deadline, goal.metric_unit) == (Status.ACTIVE, deadline, "workshops")
    # Every stop had a focus ring (checked in Keyboard.tab); there were plenty of them.
    assert len(keys.stops) > 15
