"""Pace, forecast and charts on the goal page and the dashboard."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from cairn.goals import services
from cairn.goals.models import Goal
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def started(goal: Goal, days_ago: int) -> Goal:
    Goal.objects.filter(pk=goal.pk).update(
        activated_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    goal.refresh_from_db()
    return goal


def svg_of(page: str) -> ET.Element:
    start = page.index("<svg")
    return ET.fromstring(page[start : page.index("</svg>", start) + len("</svg>")])


def test_metric_goal_shows_pace_chart_and_data_table(alice, alice_client, today):
    goal = make_goal(
        alice,
        "Sign 10 clients",
        metric_baseline=0,
        metric_target=10,
        metric_unit="clients",
        deadline=today + dt.timedelta(days=100),
    )
    started(goal, 100)  # halfway: 5 are needed by now
    for days_ago, value in ((60, 1), (30, 2), (1, 3)):
        services.record_check_in(goal, date=today - dt.timedelta(days=days_ago), value=value)
    page = alice_client.get(f"/goals/{goal.pk}/").content.decode()
    assert "Behind by 2 clients" in page
    assert "per week needed from now" in page
    svg = svg_of(page)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title") is not None
    assert len(svg.findall(f".//{SVG}circle")) == 3
    assert "Data table" in page and '<th scope="col">Date</th>' in page


def test_frequency_goal_shows_periods(alice, alice_client, today):
    goal = make_goal(alice, "Attend 2 meetups a month", frequency_count=2, frequency_period="month")
    services.record_check_in(goal, note="Python meetup")
    services.record_check_in(goal, note="Design meetup")
    page = alice_client.get(f"/goals/{goal.pk}/").content.decode()
    assert "2 of 2 this month" in page
    assert svg_of(page).get("role") == "img"


def test_dashboard_card_says_on_track_or_behind(alice, alice_client, today):
    goal = make_goal(
        alice,
        "Save 1000 for a course",
        metric_baseline=0,
        metric_target=1000,
        metric_unit="USD",
        deadline=today + dt.timedelta(days=10),
        horizon=1,
    )
    started(goal, 10)
    services.record_check_in(goal, value=500)
    assert "On track" in alice_client.get("/").content.decode()
    services.record_check_in(goal, value=100)
    assert "Behind by" in alice_client.get("/").content.decode()


def test_outcome_goal_has_no_chart(alice, alice_client):
    goal = make_goal(alice, "Publish my portfolio site")
    services.add_step(goal, title="Pick a template")
    page = alice_client.get(f"/goals/{goal.pk}/").content.decode()
    assert "<svg" not in page and "0% of the way" in page
