"""Celebration, the reward, the next goal, and the achievements log with its exports."""

from __future__ import annotations

import pytest

from cairn.goals import services
from cairn.goals.services.finish import next_steps, suggested_reward_size
from cairn.planning import services as planning
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db

REFLECTION = {"hard": "Asking", "easy": "Tracking", "helped": "Bob", "differently": "Start sooner"}


@pytest.fixture
def achieved(goal, alice):
    goal.reward = "A weekend in Lisbon"
    goal.save()
    services.record_check_in(goal, value=101000)
    services.achieve_goal(goal, by=alice, **REFLECTION)
    goal.refresh_from_db()
    return goal


def test_achieving_leads_to_the_celebration(goal, alice_client):
    response = alice_client.post(f"/goals/{goal.pk}/achieve/", REFLECTION)
    assert response["Location"] == f"/goals/{goal.pk}/celebrate/"


def test_reward_can_be_marked_enjoyed(achieved, alice_client):
    page = alice_client.get(f"/goals/{achieved.pk}/celebrate/").content.decode()
    assert "A weekend in Lisbon" in page and "I enjoyed my reward" in page
    assert "will you celebrate with me?" in page  # the invitation text for the buddy
    alice_client.post(f"/goals/{achieved.pk}/reward-enjoyed/")
    achieved.refresh_from_db()
    assert achieved.reward_enjoyed_at is not None
    assert "Enjoyed on" in alice_client.get(f"/goals/{achieved.pk}/celebrate/").content.decode()


def test_reward_suggested_when_none_was_chosen(alice, alice_client):
    goal = make_goal(alice, "Lead a product line", horizon=5)
    services.achieve_goal(goal, by=alice)
    assert suggested_reward_size(goal) == "large"
    page = alice_client.get(f"/goals/{goal.pk}/celebrate/").content.decode()
    assert "deserves a large one" in page


def test_next_goal_proposes_the_ladder_and_open_ideas(alice):
    ten = make_goal(alice, "Run an engineering org", horizon=10)
    one = make_goal(alice, "Lead a team of 5", horizon=1, parent=ten)
    session = planning.start_session(owner=alice)
    planning.save_step(
        session, step="brainstorm", data={"ideas": {"knowledge": ["Learn Go", "Lead a team of 5"]}}
    )
    services.achieve_goal(one, by=alice)
    proposals = next_steps(one)
    assert [(p.kind, p.text) for p in proposals] == [
        ("rung", "Run an engineering org"),
        ("idea", "Learn Go"),
    ]


def test_celebrate_only_for_achieved_goals(goal, alice_client, charlie_client):
    assert alice_client.get(f"/goals/{goal.pk}/celebrate/").status_code == 302
    assert charlie_client.get(f"/goals/{goal.pk}/celebrate/").status_code == 404
    assert charlie_client.post(f"/goals/{goal.pk}/reward-enjoyed/").status_code == 404


def test_achievements_log_and_exports(achieved, alice_client, charlie_client):
    page = alice_client.get("/achievements/").content.decode()
    assert "Earn $100K a year by 2030" in page and "Reached 101000 of 100000 USD" in page
    assert "Start sooner" in page
    markdown = alice_client.get("/achievements.md")
    assert markdown["Content-Type"].startswith("text/markdown")
    text = markdown.content.decode()
    assert "## Earn $100K a year by 2030" in text and "- Who helped: Bob" in text
    printable = alice_client.get("/achievements/print/").content.decode()
    assert "@page" in printable and "A weekend in Lisbon" in printable
    for url in ("/achievements/", "/achievements.md", "/achievements/print/"):
        assert "Earn $100K" not in charlie_client.get(url).content.decode()


def test_achievements_query_count_is_flat(alice, alice_client, django_assert_max_num_queries):
    for index in range(30):
        goal = make_goal(alice, f"Goal {index}")
        services.achieve_goal(goal, by=alice, hard="x")
    with django_assert_max_num_queries(5):
        alice_client.get("/achievements/")


def test_quick_check_in_from_the_dashboard(goal, alice_client):
    page = alice_client.get("/").content.decode()
    assert f'action="/goals/{goal.pk}/check-ins/"' in page
    response = alice_client.post(f"/goals/{goal.pk}/check-ins/", {"value": "90000", "next": "/"})
    assert response["Location"] == "/"
    assert goal.check_ins.first().value == 90000
    evil = alice_client.post(
        f"/goals/{goal.pk}/check-ins/", {"value": "1", "next": "https://evil.example/"}
    )
    assert evil["Location"] == f"/goals/{goal.pk}/"
