"""Issue 2's whole flow in a real browser: sign up, profile, a goal from draft to achieved."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from cairn.goals.models import Goal, Status

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Shots


PASSWORD = "a long and unusual passphrase 42"
STATEMENT = "Earn 85,000 USD a year as a senior data analyst"


def long_date(day: dt.date) -> str:
    """How the goal page writes a deadline: June 5, 2027."""
    return f"{day:%B} {day.day}, {day.year}"


def short_date(day: dt.date) -> str:
    """How a micro-goal's deadline reads: Jun 5, 2027."""
    return f"{day:%b} {day.day}, {day.year}"


def expect_message(page: Page, text: str) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_role("status")).to_contain_text(text)


@pytest.mark.browser
def test_sign_up_to_achieved_goal_with_history(page: Page, shots: Shots) -> None:
    from playwright.sync_api import expect

    today = timezone.localdate()
    deadline = today + dt.timedelta(days=300)
    first_due = today + dt.timedelta(days=30)
    second_due = today + dt.timedelta(days=120)

    # A stranger arrives and signs up through the form.
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Set career goals you will actually reach."
    )
    # The stylesheet is served: buttons get the accent colour, not the browser default.
    button = page.get_by_role("link", name="Create your account")
    assert button.evaluate("e => getComputedStyle(e).borderRadius") == "8px"
    shots(page, "welcome")
    button.click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))
    page.get_by_label("Username").fill("dana")
    page.get_by_label("Email").fill("dana@example.com")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    shots(page, "signup-filled")
    page.get_by_role("button", name="Sign up").click()

    # Signed in and sent to the profile.
    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))
    expect_message(page, "Welcome to Cairn. Tell us a little about yourself.")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.get_by_label("Current role").fill("Data analyst")
    page.get_by_label("Field or industry").fill("Healthcare")
    page.get_by_label("Years of experience").fill("4")
    page.get_by_label("Current pay").fill("70000")
    page.get_by_label("Currency").fill("usd")
    page.get_by_label("Career vision").fill("Lead the analytics team of a hospital group.")
    shots(page, "profile-filled")
    page.get_by_role("button", name="Save profile").click()
    expect_message(page, "Profile saved.")
    expect(page.get_by_label("Current role")).to_have_value("Data analyst")
    expect(page.get_by_label("Currency")).to_have_value("USD")
    expect(page.get_by_label("Years of experience")).to_have_value("4")
    shots(page, "profile-saved")

    # A new goal, saved as a draft, then committed.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="New goal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A new goal")
    page.get_by_label("Statement").fill(STATEMENT)
    page.get_by_label("Area").select_option(label="Increase earnings")
    page.get_by_label("Horizon").select_option(label="1 year")
    page.get_by_label("Baseline").fill("70000")
    page.get_by_label("Target").fill("85000")
    page.get_by_label("Unit").fill("USD")
    page.get_by_label("Deadline").fill(deadline.isoformat())
    page.get_by_label("Your reward").fill("A weekend in Lisbon")
    page.get_by_label("Reward size").select_option(label="Large")
    shots(page, "goal-form-filled")
    page.get_by_role("button", name="Save as draft").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(STATEMENT)
    expect_message(page, "Goal saved. Break it down into micro-goals next.")
    badges = page.locator(".badge")
    expect(badges).to_have_text(["Draft", "Increase earnings", "1 year"])
    expect(page.get_by_text(long_date(deadline))).to_be_visible()
    expect(page.get_by_text("from 70000 to 85000 USD; latest —")).to_be_visible()
    expect(page.get_by_text("A weekend in Lisbon (large)")).to_be_visible()
    shots(page, "goal-draft")
    page.get_by_role("button", name="Commit: make it active").click()
    expect_message(page, "Committed. The goal is active.")
    expect(badges.first).to_have_text("Active")
    expect(page.get_by_role("button", name="Commit: make it active")).to_have_count(0)
    shots(page, "goal-committed")

    # Two micro-goals with deadlines.
    steps = page.locator("ol.steps > li")
    for title, due, plan in [
        ("Ask my manager about the senior path", first_due, "Book a 1:1 on Monday."),
        ("Finish the SQL certification", second_due, "Two evenings a week."),
    ]:
        page.get_by_text("Add a micro-goal").click()
        step_form = page.locator("form", has=page.get_by_role("button", name="Add micro-goal"))
        step_form.get_by_label("Micro-goal").fill(title)
        step_form.get_by_label("Action plan").fill(plan)
        step_form.get_by_label("Deadline").fill(due.isoformat())
        step_form.get_by_label("Who can help").fill("My manager")
        page.get_by_role("button", name="Add micro-goal").click()
        expect_message(page, "Micro-goal added.")
        expect(steps.last).to_contain_text(title)
        expect(steps.last).to_contain_text(f"due {short_date(due)}")
        expect(steps.last).to_contain_text(plan)
        expect(steps.last).to_contain_text("Who can help: My manager.")
    expect(steps).to_have_count(2)
    shots(page, "two-micro-goals")

    # Two check-ins with values: one a week ago, one today (date left empty).
    week_ago = today - dt.timedelta(days=7)
    page.get_by_label("Date").fill(week_ago.isoformat())
    page.get_by_label("Value reached").fill("72000")
    page.get_by_label("Note").fill("Took over the monthly reporting")
    page.get_by_role("button", name="Log check-in").click()
    expect_message(page, "Check-in logged.")
    page.get_by_text("Log progress").click()
    page.get_by_label("Value reached").fill("75000")
    page.get_by_label("Note").fill("Raise after the review")
    page.get_by_role("button", name="Log check-in").click()
    expect_message(page, "Check-in logged.")
    rows = page.get_by_role("region", name="Check-ins").locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(today.isoformat())
    expect(rows.nth(0)).to_contain_text("75000")
    expect(rows.nth(0)).to_contain_text("Raise after the review")
    expect(rows.nth(1)).to_contain_text(week_ago.isoformat())
    expect(rows.nth(1)).to_contain_text("72000")
    expect(page.get_by_text("from 70000 to 85000 USD; latest 75000")).to_be_visible()
    expect(page.get_by_text("33% of the way")).to_be_visible()
    shots(page, "two-check-ins")

    # Edit the goal: a higher target, with the reason.
    page.get_by_role("link", name="Edit", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit goal")
    expect(page.get_by_label("Statement")).to_have_value(STATEMENT)
    expect(page.get_by_label("Target")).to_have_value("85000.00")
    expect(page.get_by_label("Deadline")).to_have_value(deadline.isoformat())
    page.get_by_label("Target").fill("90000")
    page.get_by_label("Why this change?").fill("The senior band starts at 90K here.")
    shots(page, "goal-edit")
    page.get_by_role("button", name="Save changes").click()
    expect_message(page, "Goal updated; the change is in its history.")
    expect(page.get_by_text("from 70000 to 90000 USD; latest 75000")).to_be_visible()
    expect(page.get_by_text("25% of the way")).to_be_visible()

    # Achieve it, with the four reflection answers.
    page.get_by_role("link", name="Achieved!").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"You did it: “{STATEMENT}”")
    expect(page.get_by_text("you earned something big")).to_be_visible()
    answers = {
        "What was especially hard?": "Asking for the raise out loud.",
        "What was easy?": "The certification: I liked it.",
        "Who helped?": "My manager, and Sam from the BI team.",
        "What would you do differently next time?": "Start the 1:1s sooner.",
    }
    for label, answer in answers.items():
        page.get_by_label(label).fill(answer)
    shots(page, "achieve-reflection")
    page.get_by_role("button", name="Mark achieved").click()

    expect_message(page, "Achieved! Time for your reward.")
    # The celebration: the reward chosen at the start, then back to the goal.
    expect(page.get_by_role("region", name="Your reward")).to_be_visible()
    shots(page, "celebrate")
    page.get_by_role("link", name="Back to the goal").click()
    expect(badges.first).to_have_text("Achieved")
    looking_back = page.get_by_role("region", name="Looking back")
    for answer in answers.values():
        expect(looking_back).to_contain_text(answer)
    expect(page.get_by_role("button", name="Reopen")).to_be_visible()
    expect(page.get_by_role("button", name="Log check-in")).to_have_count(0)
    shots(page, "goal-achieved")

    # The history shows each change, newest first.
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"History of “{STATEMENT}”")
    cards = page.locator("article.card")
    expect(cards).to_have_count(4)
    achieved, edited, committed, created = (cards.nth(i) for i in range(4))
    expect(achieved).to_contain_text("by dana")
    expect(achieved.locator("tbody tr")).to_have_text([re.compile(r"Status\s*Active\s*Achieved")])
    expect(edited).to_contain_text("The senior band starts at 90K here.")
    expect(edited.locator("tbody tr")).to_have_text([re.compile(r"Metric target\s*85000\s*90000")])
    expect(committed.locator("tbody tr")).to_have_text([re.compile(r"Status\s*Draft\s*Active")])
    expect(created).to_contain_text("Created")
    expect(created).to_contain_text(STATEMENT)
    # Everything set at creation is listed, in the order of the goal form, on every database.
    rows = created.locator("tbody tr")
    expect(rows.first).to_have_text(re.compile(r"Status\s*—\s*Draft"))
    expect(rows.nth(1)).to_have_text(re.compile(rf"Statement\s*—\s*{STATEMENT}"))
    expect(created).to_contain_text("Metric target")
    shots(page, "history")

    # The dashboard keeps it one click away, under Achieved.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Goals").click()
    expect(page.get_by_text("No active 1-year goal yet.")).to_be_visible()
    page.get_by_role("link", name="Achieved (1)").click()
    expect(page.get_by_role("link", name=STATEMENT)).to_be_visible()
    expect(page.get_by_text(f"Achieved {today:%b} {today.day}, {today.year}")).to_be_visible()
    shots(page, "achieved-list")

    goal = Goal.objects.get(statement=STATEMENT)
    assert goal.status == Status.ACHIEVED
    assert goal.owner.username == "dana"
