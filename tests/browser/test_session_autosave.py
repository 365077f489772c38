"""Nothing typed in a guided session is lost: closing the page mid-session and coming back,
two tabs on the same draft (a visible notice, not a silent overwrite)."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

import pytest

from cairn.accounts.models import User
from cairn.goals.models import Goal, Prompt
from cairn.planning import services
from cairn.planning.models import PlanSession
from tests.browser.conftest import REQUEST_LOCK, session_version, wait_for_autosave
from tests.conftest import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

    from tests.browser.conftest import Shots

CONFLICT = re.compile(r"This session was changed in another tab or window")


def log_in_with_the_form(page: Page, username: str) -> None:
    from playwright.sync_api import expect

    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your goals")


@pytest.fixture
def brainstormed(alice: User, transactional_db: None) -> PlanSession:
    """alice's session with the reflection and the brainstorm done: the draft is next."""
    session = services.start_session(owner=alice)
    answers = {prompt.value: "Build things people use" for prompt in Prompt}
    services.save_step(session, step="reflect", data={**answers, "question": 6})
    ideas = {"difference": ["Maintain an open source library"], "power": ["Lead the guild"]}
    return services.save_step(session, step="brainstorm", data={"ideas": ideas}).session


@pytest.mark.browser
def test_close_the_page_mid_session_and_continue_at_the_same_step(
    new_context: Any, alice: User, brainstormed: PlanSession, shots: Shots
) -> None:
    from playwright.sync_api import expect

    first: BrowserContext = new_context()
    page = first.new_page()
    log_in_with_the_form(page, "alice")
    page.get_by_role("link", name=re.compile(r"^Session started")).click()
    expect(page).to_have_url(re.compile(rf"/plan/{brainstormed.pk}/brainstorm/$"))
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Draft")

    page.get_by_label("Maintain an open source library").check()
    statement = page.get_by_label("Statement")
    version = session_version(page)
    statement.press_sequentially("Maintain an open source library used by 100 teams")
    version = wait_for_autosave(page, version)
    expect(page.locator("#save-status")).to_have_text(re.compile(r"^Saved \d\d:\d\d:\d\d\."))
    statement.press_sequentially(" by June 2027")
    wait_for_autosave(page, version)
    typed = statement.input_value()
    shots(page, "typing-then-saved")
    # Gone mid-typing: the tab closes, the cookies with it.
    first.close()

    again = new_context().new_page()
    log_in_with_the_form(again, "alice")
    resume = again.get_by_role("region", name="Continue your session")
    expect(resume).to_contain_text("(step 3 of 8)")
    shots(again, "dashboard-continue")
    resume.get_by_role("link", name=typed).click()
    expect(again).to_have_url(re.compile(rf"/plan/{brainstormed.pk}/draft/$"))
    expect(again.get_by_role("heading", level=1)).to_have_text("Draft")
    expect(again.get_by_label("Statement")).to_have_value(typed)
    expect(again.get_by_label("Maintain an open source library")).to_be_checked()
    expect(again.locator("#smart-panel .statement-echo")).to_have_text(typed)
    shots(again, "resumed-draft")


@pytest.mark.browser
def test_two_tabs_on_one_draft_show_a_conflict_notice(
    context: BrowserContext, log_in: Any, alice: User, brainstormed: PlanSession, shots: Shots
) -> None:
    from playwright.sync_api import expect

    services.save_step(brainstormed, step="draft", data={"statement": "Lead the guild"})
    log_in(alice)
    address = f"/plan/{brainstormed.pk}/draft/"
    tab_b = context.new_page()  # opened first, then left alone
    tab_b.goto(address)
    tab_a = context.new_page()
    tab_a.goto(address)

    version = session_version(tab_a)
    tab_a.get_by_label("Statement").fill("Lead the data guild of 12 people by March 2027")
    wait_for_autosave(tab_a, version)
    expect(tab_a.locator("#save-status")).not_to_have_text(CONFLICT)

    version = session_version(tab_b)
    tab_b.get_by_label("Statement").fill("Lead the platform guild by 2028")
    wait_for_autosave(tab_b, version)
    notice = tab_b.locator("#save-status").get_by_role("alert")
    expect(notice).to_have_text(CONFLICT)
    expect(notice).to_be_visible()
    shots(tab_b, "tab-b-conflict")

    # Last write wins, and the other tab is told in turn when it writes again.
    assert (
        Goal.objects.get(plan_session=brainstormed).statement == "Lead the platform guild by 2028"
    )
    version = session_version(tab_a)
    tab_a.get_by_label("Statement").press_sequentially(" at the latest")
    wait_for_autosave(tab_a, version)
    expect(tab_a.locator("#save-status").get_by_role("alert")).to_have_text(CONFLICT)
    shots(tab_a, "tab-a-told-too")


@pytest.mark.browser
def test_autosave_of_a_typed_rung_drafts_one_goal(
    page: Page, log_in: Any, alice: User, brainstormed: PlanSession
) -> None:
    services.save_step(brainstormed, step="draft", data={"statement": "Lead the guild"})
    log_in(alice)
    page.goto(f"/plan/{brainstormed.pk}/ladder/")
    rung = page.get_by_label("Or draft the longer goal it serves")
    version = session_version(page)
    rung.press_sequentially("Become a staff")
    version = wait_for_autosave(page, version)
    rung.press_sequentially(" engineer")
    wait_for_autosave(page, version)
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("heading", name="Break it down").wait_for()
    drafted = Goal.objects.filter(owner=alice).exclude(plan_session=brainstormed)
    assert list(drafted.values_list("statement", flat=True)) == ["Become a staff engineer"]


@pytest.mark.browser
def test_typing_just_before_the_tab_is_hidden_is_kept(
    new_context: Any, alice: User, brainstormed: PlanSession
) -> None:
    """No wait for the autosave: the beacon sent when the page is hidden saves it."""
    services.save_step(brainstormed, step="draft", data={"statement": "Lead the guild"})
    context: BrowserContext = new_context()
    page = context.new_page()
    log_in_with_the_form(page, "alice")
    page.goto(f"/plan/{brainstormed.pk}/draft/")
    statement = page.get_by_label("Statement")
    statement.fill("Lead the design guild of 12 people by June 2027")
    page.evaluate(
        "() => { Object.defineProperty(document, 'visibilityState', {value: 'hidden'});"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    page.wait_for_timeout(300)  # the beacon is on its way; less than the 800 ms autosave
    context.close()
    goal = Goal.objects.get(plan_session=brainstormed)
    for _ in range(20):  # the live server handles the beacon in its own thread
        with REQUEST_LOCK:
            goal.refresh_from_db()
        if goal.statement.startswith("Lead the design guild"):
            break
        time.sleep(0.1)
    assert goal.statement == "Lead the design guild of 12 people by June 2027"
