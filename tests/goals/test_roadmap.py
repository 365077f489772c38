"""The roadmap: the ladder as a timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.goals import roadmap, services
from cairn.goals.models import Goal
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db


def test_ladder_order_and_nesting(alice, alice_client, today):
    ten = make_goal(alice, "Run an engineering org", horizon=10)
    five = make_goal(alice, "Lead a team of 20", horizon=5, parent=ten)
    make_goal(
        alice, "Lead a team of 5", horizon=1, parent=five, deadline=today + dt.timedelta(days=200)
    )
    gone = make_goal(alice, "Learn Rust", horizon=1)
    services.abandon_goal(gone, by=alice, reason="Not for me")
    page = alice_client.get("/roadmap/").content.decode()
    assert page.index("Run an engineering org") < page.index("Lead a team of 20")
    assert page.index("Lead a team of 20") < page.index("Lead a team of 5")
    assert "Learn Rust" not in page
    rungs = roadmap.flatten(roadmap.build(roadmap.nodes(Goal.objects.exclude(pk=gone.pk)), today))
    assert [r.depth for r in rungs] == [0, 1, 2]


def test_timeline_position(today):
    assert roadmap.timeline_position(today, today) == 0.0
    assert roadmap.timeline_position(today - dt.timedelta(days=5), today) == 0.0
    assert 9 < roadmap.timeline_position(today + dt.timedelta(days=365), today) < 11
    assert roadmap.timeline_position(today.replace(year=today.year + 30), today) == 100.0
    assert roadmap.timeline_position(None, today) is None


def test_roadmap_is_one_query_for_any_number_of_goals(
    alice, alice_client, django_assert_max_num_queries
):
    parent = make_goal(alice, "Ten-year goal", horizon=10)
    for index in range(50):
        make_goal(alice, f"Goal {index}", horizon=5, parent=parent)
    with django_assert_max_num_queries(4):
        assert alice_client.get("/roadmap/").status_code == 200


def test_roadmap_is_private(goal, charlie_client, client):
    assert "Earn $100K" not in charlie_client.get("/roadmap/").content.decode()
    assert client.get("/roadmap/").status_code == 302
