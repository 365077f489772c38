"""The guided session in the web: every step, autosave, conflicts, bad input, access."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from cairn.goals.models import Goal, ReflectionAnswer, Status
from cairn.planning import services
from cairn.planning.models import STEPS, PlanSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(alice, alice_client) -> PlanSession:
    alice_client.post("/plan/start/")
    return PlanSession.objects.get(owner=alice)


def url(session: PlanSession, step: str) -> str:
    return f"/plan/{session.pk}/reflect/1/" if step == "reflect" else f"/plan/{session.pk}/{step}/"


def session_urls(session: PlanSession) -> list[tuple[str, str]]:
    base = f"/plan/{session.pk}/"
    pages = [("get", url(session, step)) for step in STEPS]
    return [
        *pages,
        ("get", base),
        ("post", base + "draft/"),
        ("post", base + "draft/autosave/"),
        ("post", base + "reflect/1/"),
        ("post", base + "breakdown/micro-goals/"),
        ("get", base + "discard/"),
        ("post", base + "discard/"),
        ("post", base + "restore/"),
        ("post", base + "commit/"),
    ]


def test_stranger_and_anonymous_cannot_reach_a_session(session, alice, charlie_client):
    services.save_step(session, step="draft", data={"statement": "Secret plan to lead sales"})
    anonymous = Client()
    for method, address in session_urls(session):
        data = {"statement": "hacked", "title": "x", "answer": "x"}
        response = getattr(charlie_client, method)(address, data if method == "post" else None)
        assert response.status_code == 404, address
        assert "Secret plan" not in response.content.decode()
        response = getattr(anonymous, method)(address, data if method == "post" else None)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    session.refresh_from_db()
    assert session.goal.statement == "Secret plan to lead sales" and session.is_open


def test_walk_through_every_step_to_an_active_goal(session, alice, alice_client, today):
    address = f"/plan/{session.pk}/"
    for question in range(1, 7):
        response = alice_client.post(
            f"{address}reflect/{question}/", {"answer": f"Answer {question}", "next": "1"}
        )
    assert response["Location"] == f"{address}brainstorm/"
    assert ReflectionAnswer.objects.filter(owner=alice).count() == 6
    response = alice_client.post(
        f"{address}brainstorm/",
        {
            "ideas_earnings": "Earn 90K\nNegotiate a raise",
            "ideas_knowledge": "Get AWS certified",
            "next": "1",
        },
    )
    assert response["Location"] == f"{address}draft/"
    page = alice_client.get(f"{address}draft/").content.decode()
    assert "Negotiate a raise" in page and "Answer 1" not in page
    alice_client.post(
        f"{address}draft/",
        {
            "statement": "Get the AWS Solutions Architect certification by June 2027",
            "idea": "Get AWS certified",
            "next": "1",
        },
    )
    smart = alice_client.get(f"{address}smart/").content.decode()
    assert 'value="2027-06-30"' in smart  # the deadline read from the statement is offered
    alice_client.post(
        f"{address}smart/",
        {
            "deadline": "2027-06-30",
            "network_contact": "Dana",
            "role_title": "Developer",
            "next": "1",
        },
    )
    goal = Goal.objects.get(owner=alice)
    assert goal.deadline == dt.date(2027, 6, 30) and goal.horizon == 1
    alice.profile.refresh_from_db()
    assert alice.profile.role_title == "Developer"
    alice_client.post(
        f"{address}ladder/",
        {"new_rung_statement": "Become a cloud architect", "new_rung_horizon": "5", "next": "1"},
    )
    goal.refresh_from_db()
    assert goal.parent.statement == "Become a cloud architect"
    alice_client.post(
        f"{address}breakdown/micro-goals/",
        {
            "title": "Book the exam",
            "deadline": (today + dt.timedelta(days=14)).isoformat(),
            "if_then": "If it is Sunday evening, then I study for an hour",
        },
    )
    alice_client.post(
        f"{address}reward/", {"reward_size": "medium", "reward": "Concert", "next": "1"}
    )
    review = alice_client.get(f"{address}review/").content.decode()
    assert (
        "Book the exam" in review and "Concert" in review and "Become a cloud architect" in review
    )
    response = alice_client.post(f"{address}commit/")
    assert response["Location"] == f"/goals/{goal.pk}/"
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE and goal.reward_size == "medium"
    assert "Book the exam" in alice_client.get("/").content.decode()


def test_autosave_saves_and_moves_the_version(session, alice_client):
    response = alice_client.post(
        f"/plan/{session.pk}/draft/autosave/", {"statement": "Lead a team of five", "version": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Saved" in page
    assert 'id="version" value="2" hx-swap-oob="true"' in page
    session.refresh_from_db()
    assert session.goal.statement == "Lead a team of five"


def test_second_tab_gets_a_visible_conflict_notice(session, alice_client):
    alice_client.post(f"/plan/{session.pk}/draft/autosave/", {"statement": "One", "version": "1"})
    stale = alice_client.post(
        f"/plan/{session.pk}/draft/autosave/", {"statement": "Two", "version": "1"}
    )
    assert "changed in another tab" in stale.content.decode()
    response = alice_client.post(
        f"/plan/{session.pk}/draft/", {"statement": "Three", "version": "1"}, follow=True
    )
    assert "changed in another tab" in response.content.decode()


def test_empty_statement_is_refused_and_kept_typing(session, alice_client):
    response = alice_client.post(f"/plan/{session.pk}/draft/autosave/", {"statement": " "})
    assert "Not saved yet" in response.content.decode()
    response = alice_client.post(f"/plan/{session.pk}/draft/", {"statement": "", "next": "1"})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


def test_ten_year_horizon_with_a_three_month_deadline(session, alice_client, today):
    services.save_step(session, step="draft", data={"statement": "Become a partner"})
    soon = (today + dt.timedelta(days=90)).isoformat()
    response = alice_client.post(
        f"/plan/{session.pk}/smart/",
        {"deadline": soon, "horizon": "10", "next": "1", "network_contact": "keep me"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "1-year goal" in page and "keep me" in page


def test_micro_goal_after_the_goal_is_refused(session, alice_client, today):
    services.save_step(session, step="draft", data={"statement": "Ship my portfolio"})
    services.save_step(session, step="smart", data={"deadline": today + dt.timedelta(days=30)})
    late = (today + dt.timedelta(days=31)).isoformat()
    response = alice_client.post(
        f"/plan/{session.pk}/breakdown/micro-goals/",
        {"title": "Too late", "deadline": late, "action_plan": "keep this text"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "on or before its goal" in page and "keep this text" in page


def test_ladder_loop_is_refused(session, alice, alice_client):
    services.save_step(session, step="draft", data={"statement": "Lead a team"})
    session.refresh_from_db()
    child = Goal.objects.create(owner=alice, statement="Child", parent=session.goal)
    response = alice_client.post(f"/plan/{session.pk}/ladder/", {"parent": child.pk, "next": "1"})
    assert response.status_code == 400
    assert "cannot serve itself" in response.content.decode()


def test_long_reflection_answer_is_refused_not_lost(session, alice_client):
    text = "x" * 10001
    response = alice_client.post(f"/plan/{session.pk}/reflect/2/", {"answer": text, "next": "1"})
    assert response.status_code == 400
    assert text in response.content.decode()
    assert not ReflectionAnswer.objects.exists()


def test_commit_refused_with_what_is_missing(session, alice_client):
    services.save_step(session, step="draft", data={"statement": "Earn more"})
    response = alice_client.post(f"/plan/{session.pk}/commit/", follow=True)
    assert "Set a deadline or a frequency" in response.content.decode()
    session.refresh_from_db()
    assert session.is_open


def test_resume_returns_to_the_exact_step(session, alice_client):
    alice_client.post(f"/plan/{session.pk}/reflect/3/", {"answer": "A", "next": "1"})
    assert alice_client.get(f"/plan/{session.pk}/")["Location"] == f"/plan/{session.pk}/reflect/4/"
    alice_client.post(f"/plan/{session.pk}/brainstorm/", {"ideas_power": "Lead", "back": "1"})
    dashboard = alice_client.get("/").content.decode()
    assert "Continue your session" in dashboard
    assert alice_client.get(f"/plan/{session.pk}/")["Location"] == f"/plan/{session.pk}/brainstorm/"


def test_discard_is_confirmed_and_undoable(session, alice_client):
    assert alice_client.get(f"/plan/{session.pk}/discard/").status_code == 200
    alice_client.post(f"/plan/{session.pk}/discard/")
    assert alice_client.get(f"/plan/{session.pk}/draft/").status_code == 404
    assert "Restore" in alice_client.get("/plan/").content.decode()
    alice_client.post(f"/plan/{session.pk}/restore/")
    assert alice_client.get(f"/plan/{session.pk}/draft/").status_code == 200


def test_one_click_rewrite_in_the_draft_step(session, alice_client):
    rewrite = "Earn $90,000 a year by December 2027"
    alice_client.post(
        f"/plan/{session.pk}/draft/", {"statement": "more money", "use_rewrite": rewrite}
    )
    session.refresh_from_db()
    assert session.goal.statement == rewrite


def test_smart_step_counts_what_the_fields_settle(session, alice_client, today):
    services.save_step(session, step="draft", data={"statement": "Lead a team of five engineers"})
    before = alice_client.get(f"/plan/{session.pk}/smart/").content.decode()
    assert "No deadline" in before
    services.save_step(session, step="smart", data={"deadline": today + dt.timedelta(days=300)})
    after = alice_client.get(f"/plan/{session.pk}/smart/").content.decode()
    assert "No deadline" not in after
    assert "Time-bound ✓" in after
