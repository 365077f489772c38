"""Goal transitions posted from a status they cannot start from: a message and a redirect,
never a 500, and nothing changes (status, history)."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages

from cairn.goals import services
from cairn.goals.models import Goal, Status
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db

REFLECTION = {"hard": "a", "easy": "b", "helped": "c", "differently": "d"}


def state(goal: Goal) -> tuple[str, int]:
    goal.refresh_from_db()
    return goal.status, goal.revisions.count()


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_double_commit_is_harmless(alice, alice_client):
    draft = make_goal(alice, "Run a 10K by June", status=Status.DRAFT)
    first = alice_client.post(f"/goals/{draft.pk}/activate/")
    second = alice_client.post(f"/goals/{draft.pk}/activate/")
    assert first.status_code == 302 and second.status_code == 302
    assert second["Location"] == f"/goals/{draft.pk}/"
    # The first answer's message is still queued: the redirect was not followed.
    assert messages_of(second)[-1] == "This goal is active, so it cannot be committed to."
    draft.refresh_from_db()
    assert draft.status == Status.ACTIVE
    activations = [r for r in draft.revisions.all() if "status" in r.changes]
    assert [r.changes["status"] for r in activations] == [["draft", "active"], ["", "draft"]]


def achieved(alice) -> Goal:  # type: ignore[no-untyped-def]
    goal = make_goal(alice, "Run a 10K by June")
    return services.achieve_goal(goal, by=alice, **REFLECTION)


@pytest.mark.parametrize(
    ("make", "url", "data"),
    [
        (lambda alice: make_goal(alice, "Run a 10K", status=Status.DRAFT), "resume", {}),
        (lambda alice: make_goal(alice, "Run a 10K"), "resume", {}),
        (lambda alice: make_goal(alice, "Run a 10K"), "reopen", {"reason": "x"}),
        (lambda alice: make_goal(alice, "Run a 10K", status=Status.DRAFT), "reopen", {}),
        (achieved, "activate", {}),
        (achieved, "achieve", REFLECTION),
        (achieved, "abandon", {"reason": "Moved on"}),
    ],
)
def test_a_transition_from_a_wrong_status_changes_nothing(alice, alice_client, make, url, data):
    goal = make(alice)
    before = state(goal)
    response = alice_client.post(f"/goals/{goal.pk}/{url}/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/goals/{goal.pk}/"
    assert any("cannot be" in text for text in messages_of(response))
    assert state(goal) == before


def test_pausing_a_draft_is_refused_and_changes_nothing(alice):
    draft = make_goal(alice, "Run a 10K by June", status=Status.DRAFT)
    before = state(draft)
    assert not services.can(draft, "pause")
    with pytest.raises(services.TransitionRefused) as refused:
        services.pause_goal(draft, by=alice)
    assert refused.value.messages == ["This goal is a draft, so it cannot be paused."]
    assert state(draft) == before


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (Status.DRAFT, {"activate", "achieve", "abandon"}),
        (Status.ACTIVE, {"achieve", "abandon", "pause"}),
        (Status.PAUSED, {"achieve", "abandon", "resume"}),
        (Status.ACHIEVED, {"reopen"}),
        (Status.ABANDONED, {"reopen"}),
    ],
)
def test_allowed_transitions(alice, status, allowed):
    goal = Goal(owner=alice, statement="x", status=status)
    assert services.allowed_transitions(goal) == allowed


def test_the_goal_page_shows_the_buttons_of_the_allowed_transitions(alice, alice_client):
    draft = make_goal(alice, "Run a 10K by June", status=Status.DRAFT)
    page = alice_client.get(f"/goals/{draft.pk}/").content.decode()
    assert "Commit: make it active" in page and "Reopen" not in page
    services.achieve_goal(draft, by=alice, **REFLECTION)
    page = alice_client.get(f"/goals/{draft.pk}/").content.decode()
    assert "Commit: make it active" not in page and "Achieved!" not in page and "Reopen" in page


def test_pausing_an_achieved_goal_at_a_review_is_refused_on_the_page(alice, alice_client):
    from cairn.accountability.services.reviews import start_solo_review
    from tests.accountability.test_reviews_helpers import decide

    goal = achieved(alice)
    before = state(goal)
    review = start_solo_review(alice)
    response = decide(alice_client, review, goal, "pause", note="Not now")
    assert response.status_code == 302
    assert response["Location"] == f"/reviews/{review.pk}/#goal-{goal.pk}"
    assert messages_of(response) == ["This goal is achieved, so it cannot be paused."]
    assert state(goal) == before
    assert not review.decisions.exists()
