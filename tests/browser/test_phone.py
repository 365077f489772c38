"""A phone-sized viewport (390x844): pages fit the width, nothing scrolls sideways."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from django.utils import timezone

from cairn.accounts.models import User
from cairn.goals import services
from cairn.goals.models import Goal, Status

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

    from tests.browser.conftest import Shots


PHONE = {"width": 390, "height": 844}
OVERFLOW_JS = """(width) => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  wide: [...document.querySelectorAll("main *")]
    .filter(e => e.getBoundingClientRect().right > width + 1 || e.scrollWidth > e.clientWidth + 1)
    .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
         (e.className ? "." + String(e.className).split(" ").join(".") : ""))
    .slice(0, 10),
})"""


def assert_fits(page: Page) -> None:
    size = page.evaluate(OVERFLOW_JS, PHONE["width"])
    # A phone zooms out a page that is too wide, which widens innerWidth with it: so the
    # width must also still be the phone's.
    assert size["innerWidth"] == PHONE["width"], size
    assert size["scrollWidth"] <= size["innerWidth"], size


@pytest.fixture
def phone(new_context: Any) -> BrowserContext:
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


@pytest.fixture
def goals(goal: Goal, alice: User) -> list[Goal]:
    """alice's 5-year goal (with a step and a check-in), a 1-year goal, a draft."""
    today = timezone.localdate()
    one_year = services.create_goal(
        owner=alice,
        statement="Get the Google Data Analytics certificate and present the capstone to my team",
        status=Status.ACTIVE,
        horizon=1,
        parent=goal,
        deadline=today + dt.timedelta(days=200),
    )
    services.add_step(
        one_year,
        title="Finish course 3: Prepare data for exploration",
        deadline=today - dt.timedelta(days=2),
        action_plan="Every Tuesday and Thursday, 7 to 9 pm, at the library.",
        # A pasted link is one long word: it must wrap, not push the page sideways.
        resources="https://www.coursera.org/professional-certificates/google-data-analytics"
        "?utm_source=newsletter&utm_campaign=autumn",
        helpers="Sam, who took it last year",
        done_when="The course certificate is in my inbox",
    )
    services.add_step(one_year, title="Present the capstone", deadline=today)
    services.record_check_in(one_year, value=None, note="Two courses done, on schedule.")
    draft = services.create_goal(owner=alice, statement="Mentor a junior analyst")
    return [goal, one_year, draft]


@pytest.mark.browser
def test_dashboard_and_goal_page_fit_a_phone(
    phone: BrowserContext, log_in: Any, alice: User, goals: list[Goal], shots: Shots
) -> None:
    from playwright.sync_api import expect

    log_in(alice, into=phone)
    page = phone.new_page()
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your goals")
    cards = page.locator("article.card")
    expect(cards).to_have_count(3)
    missed = timezone.localdate() - dt.timedelta(days=2)
    expect(cards.nth(0)).to_contain_text("0 of 2 micro-goals")
    expect(cards.nth(0)).to_contain_text(f"due {missed:%b} {missed.day} (missed)")
    expect(cards.nth(1)).to_contain_text("17% · 75000 of 100000 USD")
    expect(cards.nth(2)).to_contain_text("Mentor a junior analyst")
    shots(page, "dashboard")
    assert_fits(page)

    five_year, one_year, _ = goals
    page.get_by_role("link", name=one_year.statement).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(one_year.statement)
    expect(page.get_by_text("(missed)")).to_be_visible()
    shots(page, "goal-one-year")
    assert_fits(page)

    page.goto(f"/goals/{five_year.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(five_year.statement)
    shots(page, "goal-five-year")
    assert_fits(page)

    page.goto(f"/goals/{five_year.pk}/history/")
    shots(page, "history")
    assert_fits(page)

    page.goto("/goals/new/")
    shots(page, "new-goal-form")
    assert_fits(page)
