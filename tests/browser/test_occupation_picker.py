"""Picking one's occupation by any title people use, in a real browser, keyboard first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from cairn.accounts.models import Profile, User
from cairn.careerdata import loader, search

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Shots

MINI = Path(__file__).resolve().parent.parent / "data" / "careerdata" / "mini.json.gz"


@pytest.mark.browser
def test_pick_an_occupation_by_a_misspelt_title_and_see_next_roles(
    page: Page, log_in: Any, alice: User, settings: Any, shots: Shots
) -> None:
    from playwright.sync_api import expect

    settings.CAREER_DATA_PATH = str(MINI)
    search.forget()
    loader.load()
    log_in(alice)
    page.goto("/accounts/profile/")
    box = page.get_by_label("Type a job title").first
    box.click()
    page.keyboard.type("sofware develper")
    results = page.locator("#results-occupation")
    expect(results).to_contain_text("Software Developers")
    shots(page, "typed-with-typos")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#picker-occupation")).to_contain_text("Saved: Software Developers")
    profile = Profile.objects.select_related("occupation").get(user=alice)
    assert profile.occupation is not None and profile.occupation.title == "Software Developers"
    page.reload()
    expect(page.get_by_role("heading", name="Next roles")).to_be_visible()
    shots(page, "next-roles")
