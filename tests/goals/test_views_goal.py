"""Creating, showing, editing and deleting a goal through the web."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.goals.models import Goal, Status

pytestmark = pytest.mark.django_db

GOOD = {
    "statement": "Earn $100K a year by 2030",
    "area": "earnings",
    "horizon": "5",
    "metric_baseline": "70000",
    "metric_target": "100000",
    "metric_unit": "USD",
    "visibility": "private",
}


def post_new(client, **changes):
    return client.post("/goals/new/", {**GOOD, **changes})


def test_create_and_start(alice, alice_client):
    deadline = dt.date.today() + dt.timedelta(days=365 * 4)
    response = post_new(alice_client, deadline=deadline.isoformat(), activate="1")
    goal = Goal.objects.get(owner=alice)
    assert response.status_code == 302 and response["Location"] == f"/goals/{goal.pk}/"
    assert goal.status == Status.ACTIVE and goal.deadline == deadline
    page = alice_client.get(f"/goals/{goal.pk}/").content.decode()
    assert "Earn $100K a year by 2030" in page and "Active" in page


def test_save_as_draft(alice, alice_client):
    post_new(alice_client, draft="1")
    assert Goal.objects.get(owner=alice).status == Status.DRAFT


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"metric_target": "lots"}, "metric_target", "Enter a number"),
        ({"statement": "x" * 501}, "statement", "at most 500 characters"),
        ({"statement": "  "}, "statement", "This field is required"),
        ({"deadline": "2026-02-30"}, "deadline", "Enter a valid date"),
        ({"horizon": "10", "deadline": "2099-99-01"}, "deadline", "Enter a valid date"),
        ({"frequency_count": "3"}, "frequency_period", "Say how often"),
    ],
)
def test_bad_input_is_shown_and_nothing_saved(alice, alice_client, changes, field, message):
    response = post_new(alice_client, **changes)
    assert response.status_code == 400
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    assert not Goal.objects.exists()
    assert GOOD["metric_unit"] in response.content.decode()  # what was typed is kept


def test_deadline_in_the_past_is_a_warning_that_can_be_confirmed(alice, alice_client):
    past = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    response = post_new(alice_client, deadline=past, horizon="")
    assert response.status_code == 400
    assert "in the past" in response.content.decode()
    assert 'name="confirm_past_deadline"' in response.content.decode()
    response = post_new(alice_client, deadline=past, horizon="", confirm_past_deadline="on")
    assert response.status_code == 302
    assert Goal.objects.get().deadline.isoformat() == past


def test_horizon_loop_is_refused_in_the_form(alice, alice_client):
    post_new(alice_client, statement="Be a VP", horizon="10")
    ten = Goal.objects.get(statement="Be a VP")
    post_new(alice_client, statement="Be a director", horizon="5", parent=ten.pk)
    five = Goal.objects.get(statement="Be a director")
    response = alice_client.post(
        f"/goals/{ten.pk}/edit/", {**GOOD, "statement": "Be a VP", "horizon": "", "parent": five.pk}
    )
    assert response.status_code == 400
    assert "cannot serve itself" in response.content.decode()
    ten.refresh_from_db()
    assert ten.parent is None


def test_edit_records_history_with_reason(goal, alice_client):
    data = {**GOOD, "deadline": goal.deadline.isoformat(), "metric_target": "120000"}
    response = alice_client.post(f"/goals/{goal.pk}/edit/", {**data, "reason": "Aim higher"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.metric_target == 120000
    history = alice_client.get(f"/goals/{goal.pk}/history/").content.decode()
    assert "Aim higher" in history and "120000" in history and "Created" in history


def test_edit_form_is_prefilled(goal, alice_client):
    page = alice_client.get(f"/goals/{goal.pk}/edit/").content.decode()
    assert 'value="100000' in page and goal.deadline.isoformat() in page


def test_delete_asks_first(goal, alice_client):
    page = alice_client.get(f"/goals/{goal.pk}/delete/").content.decode()
    assert "cannot be undone" in page
    assert Goal.objects.filter(pk=goal.pk).exists()
    assert alice_client.post(f"/goals/{goal.pk}/delete/").status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()


def test_activate_a_draft(alice, alice_client):
    post_new(alice_client, draft="1")
    goal = Goal.objects.get()
    assert alice_client.get(f"/goals/{goal.pk}/activate/").status_code == 405
    alice_client.post(f"/goals/{goal.pk}/activate/")
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE and goal.activated_at is not None


def test_history_reads_as_words(goal, alice, alice_client):
    from cairn.goals import services

    services.abandon_goal(goal, by=alice, reason="Changed course")
    page = alice_client.get(f"/goals/{goal.pk}/history/").content.decode()
    assert "Metric target" in page and "metric_target" not in page
    assert "Abandoned" in page and "Changed course" in page


def test_enter_saves_the_form(alice, alice_client):
    """The form's first submit button (the one Enter presses) saves rather than checks."""
    page = alice_client.get("/goals/new/").content.decode()
    form = page[page.index('<form method="post" novalidate>') :]
    first_button = form[form.index("<button") : form.index("</button>")]
    assert 'name="draft"' in first_button
