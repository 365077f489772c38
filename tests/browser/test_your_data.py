"""'Your data' in a real browser: make an API token and use it, download everything, on a
desktop and on a phone."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import BrowserContext, expect

from cairn.accounts.models import User
from cairn.goals.models import Goal
from tests.browser.axe import assert_no_serious_violations
from tests.browser.test_phone import PHONE, assert_fits

pytestmark = pytest.mark.browser


def test_make_a_token_use_it_and_download_everything(
    context: BrowserContext, log_in: Callable[..., None], alice: User, goal: Goal, shots: Any
) -> None:
    log_in(alice)
    page = context.new_page()
    page.goto("/accounts/profile/")
    page.get_by_role("link", name="API tokens").first.click()
    page.get_by_label("Name").fill("my spreadsheet")
    page.get_by_label("Read and write").check()
    page.get_by_role("button", name="Make the token").click()
    token = page.get_by_label("Your new token").input_value()
    assert token.startswith("cairn_")
    expect(page.get_by_role("heading", name="my spreadsheet")).to_be_visible()
    shots(page, "token made")
    assert_no_serious_violations(page, "tokens page")
    api = Client().get("/api/v1/goals", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.json()["items"][0]["statement"] == goal.statement
    page.goto("/accounts/profile/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download all my data").click()
    document = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert document["goals"][0]["statement"] == goal.statement
    shots(page, "profile with your data")


def test_the_tokens_page_fits_a_phone(
    new_context: Any, log_in: Callable[..., None], alice: User, shots: Any
) -> None:
    phone: BrowserContext = new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                        device_scale_factor=2)  # fmt: skip
    log_in(alice, into=phone)
    page = phone.new_page()
    page.goto("/accounts/tokens/")
    page.get_by_label("Name").fill("phone shortcut")
    page.get_by_role("button", name="Make the token").click()
    expect(page.get_by_label("Your new token")).to_be_visible()
    assert_fits(page)
    shots(page, "tokens on a phone")
