"""The dashboard: goals grouped by horizon, with progress and the next micro-goal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cairn.goals import services
from cairn.goals.models import Status
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db


def test_anonymous_sees_the_welcome_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Create your account" in response.content.decode()


def test_goals_grouped_by_horizon_with_progress_and_next_step(goal, alice, alice_client, today):
    make_goal(alice, "Lead a product team by 2036", horizon=10)
    make_goal(alice, "Write a first draft of my CV", status=Status.DRAFT)
    page = alice_client.get("/").content.decode()
    five = page.index("5-year goal")
    ten = page.index("10-year goal")
    assert five < page.index("Earn $100K a year by 2030") < ten
    assert ten < page.index("Lead a product team by 2036") < page.index("Drafts")
    assert page.index("Drafts") < page.index("Write a first draft of my CV")
    assert "17%" in page  # 70,000 -> 75,000 of the way to 100,000
    assert "Next: Ask for a raise" in page


def test_closed_goals_are_one_click_away(goal, alice, alice_client):
    services.achieve_goal(goal, by=alice)
    page = alice_client.get("/").content.decode()
    assert "Earn $100K" not in page
    assert "Achieved (1)" in page
    assert "Earn $100K" in alice_client.get("/goals/achieved/").content.decode()


def make_goals(owner, count: int, today: dt.date) -> None:
    for index in range(count):
        goal = make_goal(
            owner,
            f"Goal number {index}",
            horizon=(1, 5, 10)[index % 3],
            frequency_count=3 if index % 2 else None,
            frequency_period="month" if index % 2 else "",
        )
        services.add_step(goal, title=f"Step {index}")
        services.record_check_in(goal, note="progress")


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_goals(alice, alice_client, today):
    make_goals(alice, 1, today)
    with_one = dashboard_queries(alice_client)
    make_goals(alice, 199, today)
    with_two_hundred = dashboard_queries(alice_client)
    assert with_one == with_two_hundred
    # session, user, the light list of goals, the shown cards, open sessions: nothing per goal
    assert with_one <= 5


def test_big_groups_link_to_the_full_list(alice, alice_client, today):
    for index in range(15):
        make_goal(alice, f"Five-year goal {index}", horizon=5)
    page = alice_client.get("/").content.decode()
    assert page.count("<article") == 12
    assert "See all 15 5-year goals" in page
    listing = alice_client.get("/goals/?status=active&horizon=5").content.decode()
    assert listing.count("<article") == 15
    assert "Page" not in listing  # 15 fit on one page of 24
    for index in range(15, 30):
        make_goal(alice, f"Five-year goal {index}", horizon=5)
    second = alice_client.get("/goals/?status=active&horizon=5&page=2").content.decode()
    assert second.count("<article") == 6 and "Page 2 of 2" in second


def test_full_list_is_private(goal, charlie_client):
    assert "Earn $100K" not in charlie_client.get("/goals/?status=active").content.decode()
