"""Set-up shared by the review tests (no tests here): alice and bob in a pact."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from cairn.accountability.models import GoalShare, Pact, Review
from cairn.accounts.models import User
from cairn.goals.models import Goal
from tests.conftest import client_for, make_goal

DATE = "%Y-%m-%d"


def shared_goal(owner: User, pact: Pact, statement: str, **fields: object) -> Goal:
    """A goal shared with the buddy of `pact` only."""
    goal = make_goal(owner, statement, visibility="buddy", **fields)
    GoalShare.objects.create(goal=goal, pact=pact)
    return goal


@pytest.fixture
def pact(alice: User, bob: User) -> Pact:
    return Pact.objects.create(first=alice, second=bob)


@pytest.fixture
def bob_client(bob: User) -> Client:
    return client_for(bob)


@pytest.fixture
def goals(alice: User, bob: User, pact: Pact) -> dict[str, Goal]:
    """alice: one goal shared with bob, one private; bob: one goal for his circle."""
    return {
        "alice_shared": shared_goal(alice, pact, "Lead a team of five by 2028"),
        "alice_private": make_goal(alice, "Leave this company by 2027"),
        "bob_circle": make_goal(bob, "Speak at a conference by 2027", visibility="circle"),
    }


@pytest.fixture
def review(pact: Pact) -> Review:
    return Review.objects.create(pact=pact, scheduled_for=timezone.now() + dt.timedelta(days=1))


def decide(client: Client, review: Review, goal: Goal, decision: str, **fields: str):  # type: ignore[no-untyped-def]
    prefix = f"goal-{goal.pk}-"
    data = {"action": "decide", "goal": str(goal.pk), prefix + "decision": decision}
    data |= {prefix + name: value for name, value in fields.items()}
    data.setdefault(prefix + "statement", goal.statement)
    if goal.deadline and prefix + "deadline" not in data:
        data[prefix + "deadline"] = goal.deadline.strftime(DATE)
    return client.post(f"/reviews/{review.pk}/", data)
