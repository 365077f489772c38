"""Achieve with the reflection, abandon with a reason, reopen."""

from __future__ import annotations

import pytest

from cairn.goals.models import Status

pytestmark = pytest.mark.django_db

REFLECTION = {"hard": "Asking", "easy": "Tracking", "helped": "Bob", "differently": "Start sooner"}


def test_achieve_with_reflection(goal, alice_client):
    goal.reward = "A weekend in Lisbon"
    goal.save()
    assert "A weekend in Lisbon" in alice_client.get(f"/goals/{goal.pk}/achieve/").content.decode()
    response = alice_client.post(f"/goals/{goal.pk}/achieve/", REFLECTION)
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.ACHIEVED
    page = alice_client.get(f"/goals/{goal.pk}/").content.decode()
    assert "Start sooner" in page and "Who helped" in page and "Reopen" in page
    history = alice_client.get(f"/goals/{goal.pk}/history/").content.decode()
    assert "Achieved" in history


def test_abandon_needs_reason(goal, alice_client):
    response = alice_client.post(f"/goals/{goal.pk}/abandon/", {"reason": ""})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    alice_client.post(f"/goals/{goal.pk}/abandon/", {"reason": "Moved to design"})
    goal.refresh_from_db()
    assert goal.status == Status.ABANDONED
    assert "Moved to design" in alice_client.get("/goals/abandoned/").content.decode()


def test_reopen(goal, alice_client):
    alice_client.post(f"/goals/{goal.pk}/abandon/", {"reason": "Paused"})
    alice_client.post(f"/goals/{goal.pk}/reopen/", {"reason": "Back on"})
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    assert goal.revisions.first().reason == "Back on"


def test_finished_goal_pages_redirect(goal, alice_client):
    alice_client.post(f"/goals/{goal.pk}/achieve/", REFLECTION)
    assert alice_client.get(f"/goals/{goal.pk}/achieve/").status_code == 302
    assert alice_client.post(f"/goals/{goal.pk}/abandon/", {"reason": "x"}).status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.ACHIEVED


def test_pause_and_resume(goal, alice, alice_client):
    from cairn.goals import services

    services.pause_goal(goal, by=alice, reason="Parental leave")
    page = alice_client.get(f"/goals/{goal.pk}/").content.decode()
    assert "Resume" in page and "Paused" in page
    assert "Paused (1)" in alice_client.get("/").content.decode()
    alice_client.post(f"/goals/{goal.pk}/resume/")
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    assert goal.revisions.first().changes["status"] == ["paused", "active"]
