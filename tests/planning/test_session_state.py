"""The session's typed state and the guided session's rules, each decided in planning."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.accounts.models import User
from cairn.goals import services as goal_services
from cairn.goals.models import Goal
from cairn.goals.services.finish import next_steps
from cairn.planning import services
from cairn.planning.models import PlanSession
from cairn.planning.session_state import OWN_AREA, SessionState, ordered_brainstorm
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(alice: User) -> PlanSession:
    return services.start_session(owner=alice)


def test_ideas_come_in_the_order_brainstormed_then_in_the_page_order() -> None:
    stored = {
        "areas": ["power", "earnings"],
        # Written as jsonb gives them back: shorter keys first, none of it meaningful.
        "ideas": {"own": ["Start a podcast"], "power": ["Lead"], "earnings": ["Raise"]},
        "own_area": "Media",
    }
    older = {"ideas": {"zines": ["Print one"], "own": ["Blog"], "knowledge": ["Learn Go"]}}
    assert ordered_brainstorm(stored).areas == ["power", "earnings", "own"]
    assert ordered_brainstorm(stored).all_ideas() == ["Lead", "Raise", "Start a podcast"]
    assert ordered_brainstorm(older).areas == ["knowledge", "own", "zines"]


def test_state_is_saved_and_read_back_through_the_accessor(session: PlanSession) -> None:
    ideas = {"power": ["Lead the guild"], "earnings": ["Ask for a raise"]}
    data = {"ideas": ideas, "areas": ["earnings", "power"], "own_area": "Media"}
    services.save_step(session, step="brainstorm", data=data)
    services.save_step(
        session, step="draft", data={"statement": "Lead it", "idea": "Lead the guild"}
    )
    notes = {"attainable_note": "Done it before", "relevant_note": "My field"}
    services.save_step(session, step="smart", data=notes)
    state = SessionState(PlanSession.objects.get(pk=session.pk))
    assert state.brainstorm.as_data() == data
    assert (state.idea, state.notes) == ("Lead the guild", notes)
    assert Goal.objects.get(statement="Lead it").area == "power"  # the idea's area


def test_area_of_an_idea_names_only_goal_areas(session: PlanSession) -> None:
    ideas = {"earnings": ["Ask for a raise"], "own": ["Start a podcast"], "other": ["Blog"]}
    session = services.save_step(session, step="brainstorm", data={"ideas": ideas}).session
    assert services.area_of_idea(session, "Ask for a raise") == "earnings"
    assert services.area_of_idea(session, "Start a podcast") is None
    assert services.area_of_idea(session, "Blog") is None
    assert services.area_of_idea(session, "Typed elsewhere") is None


def test_what_is_missing_says_which_step_puts_it_right(
    session: PlanSession, today: dt.date
) -> None:
    first = services.missing_for_commit(session, today)
    assert [(m.code, m.step) for m in first] == [("statement", "draft")]
    services.save_step(session, step="draft", data={"statement": "Speak at a meetup"})
    session.refresh_from_db()
    missing = services.missing_for_commit(session, today)
    assert [(m.code, m.step) for m in missing] == [
        ("time", "smart"),
        ("measure", "smart"),
        ("micro_goal", "breakdown"),
    ]
    assert all(m.message for m in missing)


def test_a_goal_over_three_months_needs_a_micro_goal(alice: User, today: dt.date) -> None:
    within = make_goal(alice, "Speak at a meetup", deadline=today + dt.timedelta(days=91))
    beyond = make_goal(alice, "Speak at a conference", deadline=today + dt.timedelta(days=92))
    assert not services.needs_micro_goal(within, today)
    assert services.needs_micro_goal(beyond, today)
    goal_services.add_step(beyond, title="Send a proposal")
    assert not services.needs_micro_goal(beyond, today)
    assert services.reward_size_for(within, today) == "small"
    assert services.reward_size_for(beyond, today) == "medium"


def test_achieved_goal_proposes_unused_ideas_in_brainstorm_order(
    alice: User, session: PlanSession
) -> None:
    ideas = {"power": ["Lead the guild"], "earnings": ["Ask for a raise", "Freelance"]}
    data = {"ideas": ideas, "areas": ["earnings", "power"]}
    services.save_step(session, step="brainstorm", data=data)
    services.save_step(session, step="draft", data={"statement": "Freelance", "idea": "Freelance"})
    done = make_goal(alice, "Ship the release")
    goal_services.achieve_goal(done, by=alice)
    proposed = [step.text for step in next_steps(done) if step.kind == "idea"]
    assert proposed == ["Ask for a raise", "Lead the guild"]


def test_own_area_ideas_kept_under_other_by_the_terminal_are_the_browsers_own_area() -> None:
    """Sessions planned in the terminal before one key was shared show in the browser."""
    stored = {"ideas": {"other": ["Start a meetup"], "earnings": ["Ask for a raise"]},
              "areas": ["other", "earnings"], "own_area": "Community"}  # fmt: skip
    brainstorm = ordered_brainstorm(stored)
    assert brainstorm.ideas == {OWN_AREA: ["Start a meetup"], "earnings": ["Ask for a raise"]}
    assert brainstorm.area_of("Start a meetup") == OWN_AREA
