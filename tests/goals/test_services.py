"""The goal services, called directly: rules, history, state changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cairn.goals import services
from cairn.goals.models import CheckIn, Goal, Revision, Status, Step
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db


def errors_of(excinfo: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return excinfo.value.message_dict


def test_create_goal_records_first_revision(alice):
    goal = make_goal(
        alice, "Earn $100K a year by 2030", status=Status.DRAFT, metric_target=Decimal("100000")
    )
    assert goal.status == Status.DRAFT
    revision = goal.revisions.get()
    assert revision.author == alice
    assert revision.changes["statement"] == ["", "Earn $100K a year by 2030"]
    assert revision.changes["status"] == ["", "draft"]
    assert revision.changes["metric_target"] == ["", "100000"]
    assert "deadline" not in revision.changes  # only what was set


def test_statement_is_required_and_limited(alice):
    with pytest.raises(ValidationError) as excinfo:
        make_goal(alice, "   ")
    assert "statement" in errors_of(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        make_goal(alice, "x" * 501)
    assert "501" in errors_of(excinfo)["statement"][0]
    assert not Goal.objects.exists()


def test_update_goal_records_each_changed_field_with_reason(goal, alice):
    new_deadline = goal.deadline + dt.timedelta(days=30)
    services.update_goal(
        goal,
        by=alice,
        reason="Promotion came early",
        metric_target=Decimal("120000"),
        deadline=new_deadline,
        statement=goal.statement,
    )
    revision = goal.revisions.first()
    assert revision.reason == "Promotion came early"
    assert revision.changes == {
        "metric_target": ["100000", "120000"],
        "deadline": [goal.deadline.isoformat(), new_deadline.isoformat()],
    }


def test_update_without_change_records_nothing(goal, alice):
    before = goal.revisions.count()
    services.update_goal(goal, by=alice, statement=goal.statement)
    assert goal.revisions.count() == before


def test_parent_of_another_person_is_refused(alice, charlie):
    theirs = make_goal(charlie, "Become CTO by 2035", horizon=10)
    with pytest.raises(ValidationError) as excinfo:
        make_goal(alice, "Lead a team of 5 by 2027", parent=theirs)
    assert "parent" in errors_of(excinfo)
    assert not Goal.objects.filter(owner=alice).exists()


def test_horizon_loop_is_refused(alice):
    ten = make_goal(alice, "Run an engineering org", horizon=10)
    five = make_goal(alice, "Lead a team of 20", horizon=5, parent=ten)
    with pytest.raises(ValidationError) as excinfo:
        services.update_goal(ten, by=alice, parent=five, horizon=None)
    assert "parent" in errors_of(excinfo)
    ten.refresh_from_db()
    assert ten.parent is None


def test_goal_cannot_be_its_own_parent(alice):
    goal = make_goal(alice, "Publish 4 articles this year")
    with pytest.raises(ValidationError):
        services.update_goal(goal, by=alice, parent=goal)


def test_parent_must_be_on_a_longer_horizon(alice):
    five = make_goal(alice, "Lead a team", horizon=5)
    with pytest.raises(ValidationError) as excinfo:
        make_goal(alice, "Be a director", horizon=10, parent=five)
    assert "longer goal" in errors_of(excinfo)["parent"][0]


def test_past_deadline_needs_confirmation(alice, today):
    past = today - dt.timedelta(days=3)
    with pytest.raises(ValidationError) as excinfo:
        make_goal(alice, "Ship the portfolio site", deadline=past)
    assert excinfo.value.error_dict["deadline"][0].code == "past_deadline"
    goal = make_goal(alice, "Ship the portfolio site", deadline=past, confirm_past_deadline=True)
    assert goal.deadline == past


def test_horizon_must_fit_the_deadline(alice, today):
    with pytest.raises(ValidationError) as excinfo:
        make_goal(alice, "Get promoted", horizon=10, deadline=today + dt.timedelta(days=90))
    assert "1-year goal" in errors_of(excinfo)["horizon"][0]


def test_metric_needs_a_target(alice):
    with pytest.raises(ValidationError) as excinfo:
        make_goal(alice, "Grow revenue", metric_unit="USD", metric_baseline=10)
    assert "metric_target" in errors_of(excinfo)


def test_frequency_needs_count_and_period(alice):
    with pytest.raises(ValidationError) as excinfo:
        make_goal(alice, "Attend networking events", frequency_count=3)
    assert "frequency_period" in errors_of(excinfo)
    goal = make_goal(
        alice, "Attend 3 networking events a quarter", frequency_count=3, frequency_period="quarter"
    )
    assert goal.has_frequency


def test_steps_are_ordered_and_reorderable(goal):
    second = services.add_step(goal, title="Update CV")
    third = services.add_step(goal, title="Talk to a recruiter")
    services.move_step(third, up=True)
    assert list(goal.steps.values_list("title", flat=True)) == [
        "Ask for a raise",
        "Talk to a recruiter",
        "Update CV",
    ]
    services.move_step(second, up=False)  # already last: nothing changes
    assert goal.steps.last().title == "Update CV"


def test_step_deadline_after_goal_deadline_is_refused(goal):
    with pytest.raises(ValidationError) as excinfo:
        services.add_step(goal, title="Too late", deadline=goal.deadline + dt.timedelta(days=1))
    assert "deadline" in errors_of(excinfo)
    assert not Step.objects.filter(title="Too late").exists()


def test_goal_deadline_cannot_move_before_its_steps(goal, alice, today):
    services.add_step(goal, title="Late step", deadline=today + dt.timedelta(days=300))
    with pytest.raises(ValidationError) as excinfo:
        services.update_goal(goal, by=alice, deadline=today + dt.timedelta(days=200), horizon=1)
    assert "micro-goal" in errors_of(excinfo)["deadline"][0]


def test_complete_and_reopen_step(goal):
    step = goal.steps.get()
    services.complete_step(step)
    assert Step.objects.get(pk=step.pk).is_done
    services.reopen_step(step)
    assert not Step.objects.get(pk=step.pk).is_done


def test_check_in_rules(goal, today):
    with pytest.raises(ValidationError) as excinfo:
        services.record_check_in(goal, date=today + dt.timedelta(days=1), value=1)
    assert "date" in errors_of(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        services.record_check_in(goal, note="no value")
    assert "value" in errors_of(excinfo)
    back_dated = services.record_check_in(goal, date=today - dt.timedelta(days=10), value=71000)
    assert back_dated.date == today - dt.timedelta(days=10)
    assert CheckIn.objects.filter(goal=goal).count() == 2


def test_achieve_keeps_reflection_and_history(goal, alice):
    services.achieve_goal(
        goal, by=alice, hard="Negotiating", easy="Tracking", helped="Bob", differently="Ask earlier"
    )
    goal.refresh_from_db()
    assert goal.status == Status.ACHIEVED and goal.achieved_at is not None
    assert goal.reflection.helped == "Bob"
    assert goal.revisions.first().changes["status"] == ["active", "achieved"]
    with pytest.raises(ValidationError):
        services.record_check_in(goal, value=1)


def test_abandon_needs_a_reason_and_can_be_reopened(goal, alice):
    with pytest.raises(ValidationError):
        services.abandon_goal(goal, by=alice, reason=" ")
    assert Goal.objects.get(pk=goal.pk).status == Status.ACTIVE
    services.abandon_goal(goal, by=alice, reason="Changed fields")
    goal.refresh_from_db()
    assert goal.status == Status.ABANDONED and goal.abandon_reason == "Changed fields"
    assert goal.revisions.first().reason == "Changed fields"
    services.reopen_goal(goal, by=alice)
    assert Goal.objects.get(pk=goal.pk).status == Status.ACTIVE


def test_achieved_goal_cannot_be_achieved_again(goal, alice):
    services.achieve_goal(goal, by=alice)
    with pytest.raises(ValidationError):
        services.achieve_goal(goal, by=alice)


def test_reflection_answers_keep_history(alice):
    services.save_reflection_answer(owner=alice, prompt="success", text="Freedom")
    services.save_reflection_answer(owner=alice, prompt="success", text="Freedom")
    services.save_reflection_answer(owner=alice, prompt="success", text="Freedom and impact")
    texts = list(alice.reflectionanswer_set.values_list("text", flat=True))
    assert texts == ["Freedom and impact", "Freedom"]
    with pytest.raises(ValidationError):
        services.save_reflection_answer(owner=alice, prompt="nope", text="x")


def test_delete_goal_keeps_children_unlinked(alice):
    parent = make_goal(alice, "Run a design studio", horizon=10)
    child = make_goal(alice, "Win 3 clients", horizon=5, parent=parent)
    services.delete_goal(parent, by=alice)
    child.refresh_from_db()
    assert child.parent is None
    assert not Revision.objects.filter(goal_id=parent.pk).exists()
