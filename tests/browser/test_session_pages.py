"""Every page of the guided session: axe-core finds no serious or critical violation, and a
phone-sized viewport (390x844) shows each without sideways scrolling."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from cairn.accounts.models import User
from cairn.planning.models import PlanSession
from tests.browser.axe import assert_no_serious_violations, require_axe
from tests.browser.conftest import session_version, wait_for_autosave, wait_for_htmx
from tests.browser.test_phone import PHONE, assert_fits

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

    from tests.browser.conftest import Shots

LIVE_STATEMENT = "Lead a team of five engineers"


def session_pages(session: PlanSession) -> list[tuple[str, str]]:
    base = f"/plan/{session.pk}/"
    steps = ["brainstorm", "draft", "smart", "ladder", "breakdown", "reward", "review"]
    return [
        ("index", "/plan/"),
        ("reflect", f"{base}reflect/1/"),
        *[(step, f"{base}{step}/") for step in steps],
    ]


def open_page(page: Page, name: str, address: str) -> None:
    """Load a session page; on the draft, type a new statement and wait for the live verdict."""
    from playwright.sync_api import expect

    page.goto(address)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    if name == "draft":
        statement = page.get_by_label("Statement")
        version = session_version(page)
        statement.fill("")
        statement.press_sequentially(LIVE_STATEMENT)
        wait_for_autosave(page, version)
        wait_for_htmx(page)
        panel = page.locator("#smart-panel")
        expect(panel.locator(".statement-echo")).to_have_text(LIVE_STATEMENT)
        expect(panel.get_by_role("button", name=re.compile(r"^Use “Lead a team"))).to_be_visible()
        expect(page.locator("#save-status")).to_have_text(re.compile(r"Saved \d\d:\d\d:\d\d"))


@pytest.mark.browser
def test_session_pages_have_no_serious_accessibility_violations(
    page: Page, log_in: Any, alice: User, planned_session: PlanSession, shots: Shots
) -> None:
    from playwright.sync_api import expect

    require_axe()
    log_in(alice)
    minor: dict[str, set[str]] = {}

    def check(where: str) -> None:
        for violation in assert_no_serious_violations(page, where):
            minor.setdefault(violation["id"], set()).add(where)

    pages = [("dashboard", "/"), *session_pages(planned_session)]
    # Cairn follows the system's colour scheme: both must read well.
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for name, address in pages:
            open_page(page, name, address)
            check(f"the {name} page ({address}, {scheme})")
        # A step refused with its error shown.
        page.goto(f"/plan/{planned_session.pk}/draft/")
        page.get_by_label("Statement").fill("")
        page.get_by_role("button", name="Save and continue").click()
        expect(page.locator(".errorlist")).to_contain_text("This field is required")
        check(f"the draft page with an error ({scheme})")
        shots(page, f"draft-error-{scheme}")
    # Minor and moderate findings are allowed, but listed when the test is run with -rP.
    print("axe, minor and moderate:", minor or "none")


@pytest.mark.browser
def test_session_pages_fit_a_phone(
    new_context: Any, log_in: Any, alice: User, planned_session: PlanSession, shots: Shots
) -> None:
    phone: BrowserContext = new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    log_in(alice, into=phone)
    page = phone.new_page()
    for name, address in session_pages(planned_session):
        open_page(page, name, address)
        shots(page, name)
        assert_fits(page)
