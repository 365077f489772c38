"""Issue 4 in a real browser: a brand-new user signs up and is led, step by step, from
"what does success mean to me" to an active SMART goal with a micro-goal and a reward."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from cairn.goals.models import Goal, Prompt, ReflectionAnswer, Status
from cairn.planning.models import PlanSession

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Shots

PASSWORD = "a long and unusual passphrase 42"
TYPED = "Get the AWS Solutions Architect certification"
SAVED = re.compile(r"Saved \d\d:\d\d:\d\d")


def heading(page: Page, text: str) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", level=1)).to_have_text(text)
    # Autosave and Save and continue come from the same tab: never a conflict notice.
    expect(page.get_by_text("changed in another tab")).to_have_count(0)


def next_step(page: Page) -> None:
    page.get_by_role("button", name="Save and continue").click()


@pytest.mark.browser
def test_new_user_walks_the_whole_session_to_an_active_goal(page: Page, shots: Shots) -> None:
    from playwright.sync_api import expect

    today = timezone.localdate()

    # Sign up in the browser.
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill("erin")
    page.get_by_label("Email").fill("erin@example.com")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Goals").click()
    heading(page, "Your goals")
    page.get_by_role("button", name="Set a goal, step by step").click()

    # 1. Reflect: six prompts, one page each, with their why; progress shown.
    for number, prompt in enumerate(Prompt, start=1):
        heading(page, "Reflect")
        expect(page).to_have_url(re.compile(rf"/plan/\d+/reflect/{number}/$"))
        expect(page.get_by_text(f"Question {number} of 6")).to_be_visible()
        expect(page.get_by_text("Step 1 of 8")).to_be_visible()
        answer = page.get_by_label(prompt.label)
        expect(answer).to_be_empty()
        answer.fill(f"Answer {number}: growing into a cloud architect people trust")
        shots(page, f"reflect-{number}")
        next_step(page)

    # 2. Brainstorm: ideas in two areas, with the reflection answers alongside.
    heading(page, "Brainstorm")
    expect(page.get_by_text("Answer 5: growing into a cloud architect")).to_be_visible()
    page.get_by_label("Ideas: Knowledge and training").fill("Get AWS certified\nTeach a course")
    page.get_by_label("Ideas: Power and responsibility").fill("Lead a team\nRun the guild")
    shots(page, "brainstorm")
    next_step(page)

    # 3. Draft: pick an idea, type the statement; the SMART verdict follows the typing.
    heading(page, "Draft")
    page.get_by_label("Get AWS certified").check()
    panel = page.locator("#smart-panel")
    expect(panel).to_contain_text("Write your goal and Cairn checks it as you type.")
    page.get_by_label("Statement").press_sequentially(TYPED)
    expect(panel.locator(".statement-echo")).to_have_text(TYPED)
    expect(panel.locator(".letter", has_text="Time-bound")).to_contain_text("missing")
    expect(page.locator("#save-status")).to_have_text(SAVED)
    shots(page, "draft-live-verdict")
    # One click takes the suggested rewrite, which adds the deadline.
    rewrite = panel.get_by_role("button", name=re.compile(rf"^Use “{TYPED} by "))
    chosen = rewrite.get_attribute("value") or ""
    assert chosen.startswith(f"{TYPED} by "), chosen
    rewrite.click()
    heading(page, "Draft")
    expect(page.get_by_label("Statement")).to_have_value(chosen)
    expect(panel.locator(".letter", has_text="Time-bound")).to_contain_text("yes")
    expect(page.get_by_label("Get AWS certified")).to_be_checked()
    shots(page, "draft-rewritten")
    next_step(page)

    # 4. SMART, letter by letter: the deadline read from the statement is offered.
    heading(page, "Make it SMART")
    deadline = page.get_by_label("Deadline")
    expect(deadline).not_to_have_value("")
    read_deadline = dt.date.fromisoformat(deadline.input_value())
    assert read_deadline > today
    page.get_by_label("Your current role").fill("Backend developer")
    page.get_by_label("Years of experience").fill("6")
    page.get_by_label("Someone in your network to ask whether it is realistic").fill("Dana")
    page.get_by_label("How it serves your field or your vision").fill("Cloud is where I grow.")
    shots(page, "smart")
    next_step(page)

    # 5. Ladder: draft the missing 5-year rung this goal serves.
    heading(page, "Ladder")
    longer = page.get_by_role("group", name="The longer goal it serves")
    longer.get_by_label("Or draft the longer goal it serves").fill("Become a cloud architect")
    longer.get_by_label("Its horizon").select_option(label="5 years")
    shots(page, "ladder")
    next_step(page)

    # 6. Break it down: a micro-goal due soon, with an if-then plan.
    heading(page, "Break it down")
    expect(page.get_by_text("No micro-goals yet.")).to_be_visible()
    due = today + dt.timedelta(days=10)
    page.get_by_label("Micro-goal").fill("Book the exam")
    page.get_by_label("Action plan").fill("Pick a date at the test centre near work")
    page.get_by_label("Deadline").fill(due.isoformat())
    page.get_by_label("Who can help").fill("Dana")
    page.get_by_label("If-then plan").fill("If it is Sunday 18:00, then I study for an hour")
    page.get_by_role("button", name="Add micro-goal").click()
    expect(page.get_by_role("status").first).to_contain_text("Micro-goal added.")
    micro = page.locator("ol.steps > li")
    expect(micro).to_have_count(1)
    expect(micro).to_contain_text("Book the exam")
    expect(micro).to_contain_text(f"due {due:%b} {due.day}, {due.year}")
    expect(micro).to_contain_text("Plan: If it is Sunday 18:00, then I study for an hour")
    shots(page, "breakdown")
    next_step(page)

    # 7. Reward, sized to the goal.
    heading(page, "Reward")
    page.get_by_label(re.compile(r"Medium: a concert")).check()
    page.get_by_label("Your reward").fill("A weekend in the mountains")
    shots(page, "reward")
    next_step(page)

    # 8. Review the whole goal, then commit.
    heading(page, "Review and commit")
    card = page.locator("article.card")
    expect(card.get_by_role("heading", level=2)).to_have_text(chosen)
    for text in (
        "Become a cloud architect",
        f"{read_deadline:%B} {read_deadline.day}, {read_deadline.year}",
        "Book the exam",
        "If it is Sunday 18:00, then I study for an hour",
        "A weekend in the mountains (Medium)",
        "1 year",
    ):
        expect(card).to_contain_text(text)
    shots(page, "review")
    page.get_by_role("button", name="Commit: make this goal active").click()

    # The goal page shows it active; the dashboard lists it, with no session to continue.
    heading(page, chosen)
    expect(page.get_by_role("status").first).to_contain_text("your goal is active")
    expect(page.locator(".badge").first).to_have_text("Active")
    shots(page, "goal-active")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Goals").click()
    heading(page, "Your goals")
    expect(page.get_by_role("link", name=chosen)).to_be_visible()
    expect(page.get_by_text("Continue your session")).to_have_count(0)
    shots(page, "dashboard")

    goal = Goal.objects.get(statement=chosen)
    assert goal.status == Status.ACTIVE and goal.owner.username == "erin"
    assert (goal.deadline, goal.horizon, goal.reward_size) == (read_deadline, 1, "medium")
    assert goal.parent is not None and goal.parent.horizon == 5
    others = Goal.objects.filter(owner=goal.owner).exclude(pk=goal.pk)
    assert list(others.values_list("statement", flat=True)) == ["Become a cloud architect"]
    assert list(goal.steps.values_list("title", flat=True)) == ["Book the exam"]
    assert ReflectionAnswer.objects.filter(owner=goal.owner).count() == 6
    session = PlanSession.objects.get(goal=goal)
    assert session.committed_at is not None
    assert session.state["brainstorm"]["areas"] == ["knowledge", "power"]
    assert session.state["smart"]["network_contact"] == "Dana"
