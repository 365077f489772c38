"""The guided session's services: each step saves, conflicts are told, commit checks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cairn.goals import services as goal_services
from cairn.goals.models import Goal, ReflectionAnswer, Status
from cairn.planning import services
from cairn.planning.models import PlanSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(alice):
    return services.start_session(owner=alice)


def test_reflect_and_brainstorm_are_kept(session, alice):
    services.save_step(session, step="reflect", data={"success": "Freedom to choose my projects"})
    ideas = {"earnings": ["Ask for a raise", " "], "knowledge": ["Get AWS certified"]}
    saved = services.save_step(session, step="brainstorm", data={"ideas": ideas})
    assert ReflectionAnswer.objects.get(owner=alice).text == "Freedom to choose my projects"
    assert saved.session.state["brainstorm"]["ideas"]["earnings"] == ["Ask for a raise"]
    assert saved.session.step == "brainstorm"


def test_draft_creates_then_updates_one_draft_goal(session, alice):
    services.save_step(session, step="draft", data={"statement": "Earn more"})
    saved = services.save_step(session, step="draft", data={"statement": "Earn $90K by 2028"})
    assert Goal.objects.filter(owner=alice).count() == 1
    assert saved.session.goal.statement == "Earn $90K by 2028"
    assert saved.session.goal.status == Status.DRAFT


def test_empty_statement_is_refused_and_nothing_saved(session):
    with pytest.raises(ValidationError):
        services.save_step(session, step="draft", data={"statement": "  "})
    session.refresh_from_db()
    assert session.goal is None and session.version == 1


def test_second_tab_is_told_of_the_conflict(session):
    first = services.save_step(session, step="draft", data={"statement": "Lead a team"}, version=1)
    assert not first.conflict
    stale = services.save_step(session, step="draft", data={"statement": "Lead 5"}, version=1)
    assert stale.conflict
    assert stale.session.goal.statement == "Lead 5"


def test_smart_step_sets_time_and_notes(session, today):
    services.save_step(session, step="draft", data={"statement": "Get promoted to senior"})
    deadline = today + dt.timedelta(days=300)
    data = {"deadline": deadline, "horizon": 1, "network_contact": "Dana, my mentor"}
    saved = services.save_step(session, step="smart", data=data)
    assert saved.session.goal.deadline == deadline
    assert saved.session.state["smart"]["network_contact"] == "Dana, my mentor"


def test_ten_year_horizon_with_a_near_deadline_is_refused(session, today):
    services.save_step(session, step="draft", data={"statement": "Become a partner"})
    with pytest.raises(ValidationError) as excinfo:
        services.save_step(
            session,
            step="smart",
            data={"deadline": today + dt.timedelta(days=90), "horizon": 10},
        )
    assert "horizon" in excinfo.value.message_dict


def test_ladder_can_draft_the_missing_rung(session, alice, today):
    services.save_step(session, step="draft", data={"statement": "Lead a team of 5"})
    services.save_step(session, step="smart", data={"horizon": 1})
    saved = services.save_step(
        session,
        step="ladder",
        data={"new_rung_statement": "Run an engineering department", "new_rung_horizon": 5},
    )
    parent = saved.session.goal.parent
    assert parent.statement == "Run an engineering department" and parent.horizon == 5


def test_commit_needs_time_and_a_micro_goal_for_long_goals(session, today):
    services.save_step(session, step="draft", data={"statement": "Earn $120K a year"})
    with pytest.raises(ValidationError) as excinfo:
        services.commit_session(session)
    assert any("deadline" in message for message in excinfo.value.messages)
    deadline = today + dt.timedelta(days=400)
    services.save_step(
        session, step="smart", data={"deadline": deadline, "horizon": 1, "metric_target": 120000}
    )
    with pytest.raises(ValidationError) as excinfo:
        services.commit_session(session)
    assert any("micro-goal" in message for message in excinfo.value.messages)
    session.refresh_from_db()
    goal_services.add_step(
        session.goal,
        title="Ask for a raise",
        deadline=today,
        if_then="If my review is booked, then I bring 3 wins",
    )
    goal = services.commit_session(session)
    assert goal.status == Status.ACTIVE
    session.refresh_from_db()
    assert session.committed_at is not None
    assert not services.open_sessions(session.owner).exists()


def test_discard_restore_and_purge(session, alice):
    services.save_step(session, step="draft", data={"statement": "Speak at a meetup"})
    services.discard_session(session)
    assert not services.open_sessions(alice).exists()
    session.refresh_from_db()
    services.restore_session(session)
    assert services.open_sessions(alice).count() == 1
    services.discard_session(session)
    later = timezone.now() + dt.timedelta(days=31)
    session.refresh_from_db()
    with pytest.raises(ValidationError):
        services.restore_session(
            PlanSession(pk=session.pk, discarded_at=later - dt.timedelta(days=62))
        )
    assert services.purge_discarded(now=later) == 1
    assert not Goal.objects.filter(statement="Speak at a meetup").exists()


def test_committed_session_cannot_be_edited(session, today):
    services.save_step(session, step="draft", data={"statement": "Attend 3 meetups a month"})
    services.save_step(
        session, step="smart", data={"frequency_count": 3, "frequency_period": "month"}
    )
    session.refresh_from_db()
    goal_services.add_step(session.goal, title="Find meetups")
    services.commit_session(session)
    with pytest.raises(ValidationError):
        services.save_step(session, step="draft", data={"statement": "changed"})


def test_ladder_can_draft_a_shorter_rung_under_the_goal(session, alice):
    services.save_step(session, step="draft", data={"statement": "Run my own design studio"})
    services.save_step(session, step="smart", data={"horizon": 10})
    services.save_step(
        session,
        step="ladder",
        data={"new_child_statement": "Win 3 freelance clients", "new_child_horizon": 1},
    )
    child = Goal.objects.get(statement="Win 3 freelance clients")
    session.refresh_from_db()
    assert child.parent == session.goal and child.status == Status.DRAFT and child.horizon == 1


def test_smart_step_fills_the_profile_when_asked(session, alice):
    services.save_step(session, step="draft", data={"statement": "Earn $95K a year by 2028"})
    services.save_step(
        session,
        step="smart",
        data={
            "profile": {
                "role_title": "Analyst",
                "years_experience": 4,
                "pay_amount": 70000,
                "pay_period": "year",
            },
        },
    )
    alice.profile.refresh_from_db()
    assert (alice.profile.role_title, alice.profile.years_experience) == ("Analyst", 4)
    assert alice.profile.pay_amount == 70000
