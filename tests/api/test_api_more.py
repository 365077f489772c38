"""Micro-goals, profile, reflections, shared goals and reviews over the API, and an access
matrix: every operation, every kind of caller, no leak and no write where none is due."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from cairn.accountability.models import Review
from cairn.accountability.services import reviews, sharing
from cairn.accounts import tokens
from cairn.accounts.models import User
from cairn.goals.models import Goal, Step, Visibility
from tests.accountability.helpers import make_pact
from tests.api.test_api import call
from tests.conftest import make_user


@pytest.fixture
def world(alice: User, bob: User, charlie: User, goal: Goal) -> dict[str, Any]:
    """alice's goal shared with her buddy bob; charlie a stranger; dana an ex-buddy."""
    pact = make_pact(alice, bob)
    sharing.share(goal, by=alice, visibility=Visibility.BUDDY, pacts=[pact])
    dana = make_user("dana")
    ended = make_pact(alice, dana)
    from cairn.accountability.services import pacts

    pacts.end(ended, by=alice)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    review = reviews.schedule_review(pact, by=alice, when=soon)
    keys = {name: tokens.create_token(user=user, name="t", scope="write")[1]
            for name, user in (("alice", alice), ("bob", bob), ("charlie", charlie),
                               ("dana", dana))}  # fmt: skip
    keys["alice_read"] = tokens.create_token(user=alice, name="r", scope="read")[1]
    return {"goal": goal, "step": goal.steps.get(), "review": review, "keys": keys}


def test_micro_goals_are_made_changed_done_moved_and_deleted(world: dict[str, Any]) -> None:
    goal, key = world["goal"], world["keys"]["alice"]
    made = call("post", f"/api/v1/goals/{goal.pk}/micro-goals", key,
                {"title": "Ask for a raise", "deadline": None})  # fmt: skip
    assert made.status_code == 201
    step_id = made.json()["id"]
    done = call("patch", f"/api/v1/micro-goals/{step_id}", key, {"done": True, "move": "up"})
    assert done.status_code == 200 and done.json()["completed_at"] is not None
    titles = [s["title"] for s in call("get", f"/api/v1/goals/{goal.pk}/micro-goals", key).json()]
    assert titles[0] == "Ask for a raise"
    assert call("delete", f"/api/v1/micro-goals/{step_id}", key).status_code == 204
    assert not Step.objects.filter(pk=step_id).exists()


def test_profile_and_reflections(world: dict[str, Any]) -> None:
    key = world["keys"]["alice"]
    changed = call("patch", "/api/v1/profile", key, {"role_title": "Data analyst",
                                                     "years_experience": 4})  # fmt: skip
    assert changed.json()["role_title"] == "Data analyst"
    bad = call("patch", "/api/v1/profile", key, {"time_zone": "Mars/Olympus"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "time_zone"
    made = call("post", "/api/v1/reflections", key, {"prompt": "success", "text": "Leading"})
    assert made.status_code == 201
    assert (
        call("post", "/api/v1/reflections", key, {"prompt": "luck", "text": "x"}).status_code == 422
    )
    assert call("get", "/api/v1/reflections", key).json()["items"][0]["text"] == "Leading"


def test_shared_with_me_masks_money_as_the_web_does(world: dict[str, Any]) -> None:
    items = call("get", "/api/v1/shared-with-me", world["keys"]["bob"]).json()["items"]
    assert [i["id"] for i in items] == [world["goal"].pk]
    assert "100K" not in items[0]["statement"] and items[0]["owner"] == "alice"
    for stranger in ("charlie", "dana"):
        assert call("get", "/api/v1/shared-with-me", world["keys"][stranger]).json()["count"] == 0


def test_review_notes_are_each_persons_own(world: dict[str, Any]) -> None:
    review = world["review"]
    for who, text in (("alice", "Ask about interviews"), ("bob", "Cheer her on")):
        response = call("put", f"/api/v1/reviews/{review.pk}/notes", world["keys"][who],
                        {"text": text})  # fmt: skip
        assert response.status_code == 200 and response.json()["my_notes"] == text
    stored = Review.objects.get(pk=review.pk)
    assert {stored.first_notes, stored.second_notes} == {"Ask about interviews", "Cheer her on"}
    for stranger in ("charlie", "dana"):
        refused = call("put", f"/api/v1/reviews/{review.pk}/notes", world["keys"][stranger],
                       {"text": "hijack"})  # fmt: skip
        assert refused.status_code == 404


def operations(world: dict[str, Any]) -> list[tuple[str, str, Any]]:
    goal, step, review = world["goal"], world["step"], world["review"]
    return [
        ("get", f"/api/v1/goals/{goal.pk}", None),
        ("patch", f"/api/v1/goals/{goal.pk}", {"statement": "Hijacked"}),
        ("post", f"/api/v1/goals/{goal.pk}/pause", None),
        ("post", f"/api/v1/goals/{goal.pk}/abandon", {"reason": "x"}),
        ("get", f"/api/v1/goals/{goal.pk}/check-ins", None),
        ("post", f"/api/v1/goals/{goal.pk}/check-ins", {"value": "1"}),
        ("get", f"/api/v1/goals/{goal.pk}/micro-goals", None),
        ("post", f"/api/v1/goals/{goal.pk}/micro-goals", {"title": "x"}),
        ("patch", f"/api/v1/micro-goals/{step.pk}", {"done": True}),
        ("delete", f"/api/v1/micro-goals/{step.pk}", None),
        ("put", f"/api/v1/reviews/{review.pk}/notes", {"text": "x"}),
    ]


def snapshot(world: dict[str, Any]) -> Any:
    goal = Goal.objects.get(pk=world["goal"].pk)
    review = Review.objects.get(pk=world["review"].pk)
    steps = [s.completed_at for s in goal.steps.all()]
    counts = (goal.check_ins.count(), goal.steps.count())
    return (goal.statement, goal.status, counts, steps, review.first_notes, review.second_notes)


@pytest.mark.parametrize("who", ["bob", "charlie", "dana", "alice_read", "revoked", "anonymous"])
def test_access_matrix_no_leak_no_write(world: dict[str, Any], alice: User, who: str) -> None:
    """Anyone but alice with a write token: never her goal's content, never a change to it
    (bob may write his own review notes: the one write the matrix expects)."""
    keys = world["keys"]
    if who == "revoked":
        token, keys[who] = tokens.create_token(user=alice, name="old", scope="write")
        tokens.revoke_token(user=alice, token_id=token.pk)
    before = snapshot(world)
    for method, url, body in operations(world):
        if who == "bob" and url.endswith("/notes"):
            continue
        if who == "alice_read" and method == "get":
            assert call(method, url, keys[who]).status_code == 200  # hers to read
            continue
        if who == "anonymous":
            send = getattr(Client(), method)
            response = (
                send(url)
                if method == "get"
                else send(url, json.dumps(body or {}), content_type="application/json")
            )
        else:
            response = call(method, url, keys[who], body)
        assert response.status_code in (401, 403, 404), (who, method, url, response.status_code)
        assert world["goal"].statement.encode() not in response.content, (who, url)
    assert snapshot(world) == before
