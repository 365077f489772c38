"""Every goal URL, for the owner, a stranger and an anonymous visitor.

Another person's goal, step or check-in answers 404, never its content.
"""

from __future__ import annotations

import pytest
from django.test import Client

from cairn.goals.models import Goal, Status

pytestmark = pytest.mark.django_db

SECRET = "Earn $100K a year by 2030"


def goal_urls(goal: Goal) -> list[tuple[str, str]]:
    g, step, check_in = goal.pk, goal.steps.get().pk, goal.check_ins.get().pk
    return [
        ("get", f"/goals/{g}/"),
        ("get", f"/goals/{g}/edit/"),
        ("post", f"/goals/{g}/edit/"),
        ("get", f"/goals/{g}/history/"),
        ("get", f"/goals/{g}/delete/"),
        ("post", f"/goals/{g}/delete/"),
        ("post", f"/goals/{g}/activate/"),
        ("get", f"/goals/{g}/achieve/"),
        ("post", f"/goals/{g}/achieve/"),
        ("get", f"/goals/{g}/abandon/"),
        ("post", f"/goals/{g}/abandon/"),
        ("post", f"/goals/{g}/reopen/"),
        ("post", f"/goals/{g}/steps/"),
        ("get", f"/goals/{g}/steps/{step}/edit/"),
        ("post", f"/goals/{g}/steps/{step}/edit/"),
        ("post", f"/goals/{g}/steps/{step}/toggle/"),
        ("post", f"/goals/{g}/steps/{step}/move/"),
        ("get", f"/goals/{g}/steps/{step}/delete/"),
        ("post", f"/goals/{g}/steps/{step}/delete/"),
        ("post", f"/goals/{g}/check-ins/"),
        ("get", f"/goals/{g}/check-ins/{check_in}/delete/"),
        ("post", f"/goals/{g}/check-ins/{check_in}/delete/"),
    ]


def snapshot(goal: Goal) -> tuple[object, ...]:
    goal.refresh_from_db()
    return (
        goal.statement,
        goal.status,
        goal.steps.count(),
        goal.check_ins.count(),
        goal.revisions.count(),
        list(goal.steps.values_list("completed_at", "order")),
    )


def request(client: Client, method: str, url: str):  # type: ignore[no-untyped-def]
    data = {"statement": "hacked", "reason": "x", "title": "x", "value": "1"}
    return client.post(url, data) if method == "post" else client.get(url)


def test_stranger_gets_404_everywhere_and_changes_nothing(goal, charlie_client):
    before = snapshot(goal)
    for method, url in goal_urls(goal):
        response = request(charlie_client, method, url)
        assert response.status_code == 404, (method, url)
        assert SECRET not in response.content.decode(), (method, url)
    assert snapshot(goal) == before


def test_anonymous_is_sent_to_login_everywhere(goal):
    client = Client()
    before = snapshot(goal)
    for method, url in goal_urls(goal):
        response = request(client, method, url)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith("/accounts/login/"), (method, url)
    assert snapshot(goal) == before


def test_owner_reaches_every_page(goal, alice_client):
    for method, url in goal_urls(goal):
        if method == "get":
            assert alice_client.get(url).status_code == 200, url


def test_steps_and_check_ins_of_another_goal_are_not_reachable_through_own_goal(
    goal, alice, charlie_client, charlie
):
    from tests.conftest import make_goal

    own = make_goal(charlie, "Speak at 2 conferences this year", status=Status.ACTIVE)
    step = goal.steps.get().pk
    check_in = goal.check_ins.get().pk
    assert charlie_client.get(f"/goals/{own.pk}/steps/{step}/edit/").status_code == 404
    response = charlie_client.post(f"/goals/{own.pk}/check-ins/{check_in}/delete/")
    assert response.status_code == 404
    assert goal.check_ins.count() == 1


def test_lists_show_only_own_goals(goal, charlie_client, alice_client):
    assert SECRET not in charlie_client.get("/").content.decode()
    assert SECRET in alice_client.get("/").content.decode()
    for url in ("/goals/achieved/", "/goals/abandoned/", "/reflect/", "/reflect/history/"):
        assert SECRET not in charlie_client.get(url).content.decode()


def test_parent_choice_lists_only_own_goals(goal, charlie_client):
    page = charlie_client.get("/goals/new/").content.decode()
    assert SECRET not in page
    response = charlie_client.post(
        "/goals/new/", {"statement": "Lead a team", "area": "power", "parent": goal.pk}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
