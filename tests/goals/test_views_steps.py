"""Micro-goals through the web: add, edit, reorder, complete, delete."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.goals.models import Step

pytestmark = pytest.mark.django_db


def test_add_step(goal, alice_client):
    data = {
        "title": "Update CV",
        "action_plan": "Rewrite the summary",
        "helpers": "Bob",
        "deadline": dt.date.today().isoformat(),
        "resources": "2 evenings",
    }
    response = alice_client.post(f"/goals/{goal.pk}/steps/", data)
    assert response.status_code == 302
    step = goal.steps.get(title="Update CV")
    assert (step.helpers, step.order) == ("Bob", 2)
    page = alice_client.get(f"/goals/{goal.pk}/").content.decode()
    assert "Rewrite the summary" in page and "Who can help: Bob" in page


def test_step_after_goal_deadline_is_refused_and_input_kept(goal, alice_client):
    late = (goal.deadline + dt.timedelta(days=1)).isoformat()
    response = alice_client.post(
        f"/goals/{goal.pk}/steps/",
        {"title": "Too late", "action_plan": "keep me", "deadline": late},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "on or before its goal" in page and "keep me" in page
    assert not Step.objects.filter(title="Too late").exists()


def test_empty_title_is_refused(goal, alice_client):
    response = alice_client.post(f"/goals/{goal.pk}/steps/", {"title": " "})
    assert response.status_code == 400
    assert goal.steps.count() == 1


def test_edit_step(goal, alice_client):
    step = goal.steps.get()
    url = f"/goals/{goal.pk}/steps/{step.pk}/edit/"
    assert "Ask for a raise" in alice_client.get(url).content.decode()
    response = alice_client.post(url, {"title": "Ask for a 10% raise", "done_when": "Answer given"})
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.title, step.done_when) == ("Ask for a 10% raise", "Answer given")


def test_toggle_and_reorder(goal, alice_client):
    first = goal.steps.get()
    alice_client.post(f"/goals/{goal.pk}/steps/", {"title": "Second"})
    second = goal.steps.get(title="Second")
    alice_client.post(f"/goals/{goal.pk}/steps/{second.pk}/move/", {"direction": "up"})
    assert list(goal.steps.values_list("title", flat=True)) == ["Second", "Ask for a raise"]
    alice_client.post(f"/goals/{goal.pk}/steps/{first.pk}/toggle/")
    first.refresh_from_db()
    assert first.is_done
    assert 'class="done"' in alice_client.get(f"/goals/{goal.pk}/").content.decode()
    alice_client.post(f"/goals/{goal.pk}/steps/{first.pk}/toggle/")
    first.refresh_from_db()
    assert not first.is_done


def test_missed_step_is_marked(goal, alice_client):
    step = goal.steps.get()
    Step.objects.filter(pk=step.pk).update(deadline=dt.date.today() - dt.timedelta(days=1))
    assert "(missed)" in alice_client.get(f"/goals/{goal.pk}/").content.decode()


def test_delete_step_is_confirmed(goal, alice_client):
    step = goal.steps.get()
    url = f"/goals/{goal.pk}/steps/{step.pk}/delete/"
    assert "Ask for a raise" in alice_client.get(url).content.decode()
    assert goal.steps.count() == 1
    alice_client.post(url)
    assert goal.steps.count() == 0
