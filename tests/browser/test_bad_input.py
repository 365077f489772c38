"""Bad input in the browser: the message sits next to the field and nothing typed is lost."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from django.utils import timezone

from cairn.accounts.models import User
from cairn.goals import services
from cairn.goals.models import Goal, Status, Step
from cairn.goals.rules import nice_date

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from tests.browser.conftest import Shots


def error_beside(page: Page, field_id: str) -> Locator:
    """The error list of one field: inside the field's own group, right before its input."""
    return page.locator(f"ul.errorlist:has(+ #{field_id})")


@pytest.mark.browser
def test_past_deadline_warns_then_saves_once_confirmed(
    page: Page, shots: Shots, alice: User, log_in: Any
) -> None:
    from playwright.sync_api import expect

    log_in(alice)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    statement = "Publish three articles on data quality in trade journals"

    page.goto("/goals/new/")
    page.get_by_label("Statement").fill(statement)
    page.get_by_label("Area").select_option(label="Make a difference in the field")
    page.get_by_label("Baseline").fill("0")
    page.get_by_label("Target").fill("three")
    page.get_by_label("Unit").fill("articles")
    deadline = page.get_by_role("textbox", name="Deadline")
    deadline.fill(yesterday.isoformat())
    page.get_by_label("Your reward").fill("A new fountain pen")
    page.get_by_role("button", name="Save and start").click()

    # A target that is not a number: said beside the field, the rest kept.
    expect(error_beside(page, "id_metric_target")).to_have_text(
        "Enter a number, like 85000 or 12.5."
    )
    expect(page.get_by_label("Target")).to_have_value("three")
    expect(page.get_by_label("Statement")).to_have_value(statement)
    expect(deadline).to_have_value(yesterday.isoformat())
    expect(page.get_by_label("Your reward")).to_have_value("A new fountain pen")
    expect(page.get_by_label("Area")).to_have_value("difference")
    shots(page, "target-not-a-number")
    page.get_by_label("Target").fill("3")
    page.get_by_role("button", name="Save and start").click()

    # The past deadline: a warning beside the date, and a box to confirm it.
    warning = error_beside(page, "id_deadline")
    expect(warning).to_have_text(
        f"{nice_date(yesterday)} is in the past. Tick the box to keep it anyway."
    )
    confirm = page.get_by_label("Yes, keep a deadline in the past")
    expect(confirm).to_be_visible()
    expect(confirm).not_to_be_checked()
    expect(page.get_by_label("Target")).to_have_value("3")
    expect(page.get_by_label("Unit")).to_have_value("articles")
    expect(deadline).to_have_value(yesterday.isoformat())
    assert not Goal.objects.exists()
    shots(page, "past-deadline-warning")

    confirm.check()
    page.get_by_role("button", name="Save and start").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(statement)
    expect(page.locator(".badge").first).to_have_text("Active")
    expect(page.get_by_text(nice_date(yesterday), exact=True)).to_be_visible()
    shots(page, "saved-with-past-deadline")
    goal = Goal.objects.get()
    assert goal.deadline == yesterday
    assert goal.status == Status.ACTIVE


@pytest.mark.browser
def test_micro_goal_after_goal_deadline_is_refused_and_keeps_what_was_typed(
    page: Page, shots: Shots, alice: User, log_in: Any
) -> None:
    from playwright.sync_api import expect

    today = timezone.localdate()
    goal_deadline = today + dt.timedelta(days=60)
    goal = services.create_goal(
        owner=alice,
        statement="Run a brown-bag session on SQL for the sales team",
        status=Status.ACTIVE,
        horizon=1,
        deadline=goal_deadline,
    )
    log_in(alice)
    page.goto(f"/goals/{goal.pk}/")

    typed = {
        "Micro-goal": "Book the meeting room",
        "Action plan": "Ask the office manager on Tuesday.\nThen send the invite.",
        "Resources needed": "A projector",
        "Who can help": "Priya from facilities",
        "Done when": "The invite is out",
    }
    too_late = goal_deadline + dt.timedelta(days=10)
    page.get_by_text("Add a micro-goal").click()
    form = page.locator("form", has=page.get_by_role("button", name="Add micro-goal"))
    for label, value in typed.items():
        form.get_by_label(label).fill(value)
    form.get_by_label("Deadline").fill(too_late.isoformat())
    shots(page, "micro-goal-too-late-filled")
    page.get_by_role("button", name="Add micro-goal").click()

    form = page.locator("form", has=page.get_by_role("button", name="Add micro-goal"))
    expect(error_beside(page, "id_deadline")).to_have_text(
        f"A micro-goal must be due on or before its goal's deadline ({nice_date(goal_deadline)})."
    )
    expect(form).to_be_visible()  # the form stays open, not folded away
    for label, value in typed.items():
        expect(form.get_by_label(label)).to_have_value(value)
    expect(form.get_by_label("Deadline")).to_have_value(too_late.isoformat())
    expect(page.get_by_text("No micro-goals yet.")).to_be_visible()
    assert not Step.objects.exists()
    shots(page, "micro-goal-too-late-error")

    form.get_by_label("Deadline").fill(goal_deadline.isoformat())
    page.get_by_role("button", name="Add micro-goal").click()
    expect(page.get_by_role("status")).to_contain_text("Micro-goal added.")
    expect(page.locator("ol.steps > li")).to_contain_text(
        [f"Book the meeting room due {goal_deadline:%b} {goal_deadline.day}, {goal_deadline.year}"]
    )
    shots(page, "micro-goal-added")
    # Browsers send newlines as CRLF; what matters is that the text arrived whole.
    assert Step.objects.get().action_plan.replace("\r\n", "\n") == typed["Action plan"]
