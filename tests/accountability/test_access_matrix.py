"""Every URL that shows or changes a goal, step, check-in, comment, pact, circle, review
or feed, for every kind of person. Others' content answers 404, never a hint of it."""

from __future__ import annotations

import pytest
from django.test import Client

from cairn.accountability.models import CircleMember, FeedToken, Pact, Review
from cairn.accountability.services import pacts as pact_services
from cairn.accountability.services import sharing
from cairn.goals import services
from tests.accountability.helpers import join_circle, make_pact
from tests.conftest import client_for, make_goal, make_user

pytestmark = pytest.mark.django_db

PEOPLE = ("owner", "buddy_shared", "buddy_not_shared", "circle", "stranger", "ex_buddy", "anon")
SECRET = "Become head of design"


@pytest.fixture
def world(alice, bob, charlie):
    """alice shares one goal with bob only, one with her circle, and keeps one private."""
    erin, dana, frank = make_user("erin"), make_user("dana"), make_user("frank")
    with_bob, _with_erin, with_frank = (
        make_pact(alice, bob),
        make_pact(alice, erin),
        make_pact(alice, frank),
    )
    join_circle(alice, dana)
    buddy_goal = make_goal(alice, SECRET, horizon=5)
    services.add_step(buddy_goal, title="Lead the redesign")
    services.record_check_in(buddy_goal, note="Pitched it")
    sharing.share(buddy_goal, by=alice, visibility="buddy", pacts=[with_bob])
    circle_goal = make_goal(alice, "Give 2 talks this year", visibility="circle")
    private_goal = make_goal(alice, "Ask for a promotion")
    sharing.comment(buddy_goal, author=bob, text="Go for it")
    pact_services.end(with_frank, by=alice)
    review = Review.objects.create(pact=with_bob, scheduled_for="2030-01-01T10:00Z")
    clients = {
        "owner": client_for(alice),
        "buddy_shared": client_for(bob),
        "buddy_not_shared": client_for(erin),
        "circle": client_for(dana),
        "stranger": client_for(charlie),
        "ex_buddy": client_for(frank),
        "anon": Client(),
    }
    return {
        "clients": clients,
        "buddy_goal": buddy_goal,
        "circle_goal": circle_goal,
        "private_goal": private_goal,
        "pact": with_bob,
        "review": review,
        "ended_pact": with_frank,
        "membership": CircleMember.objects.get(member=dana),
    }


def expect(allowed: set[str], person: str, status: int) -> None:
    if person == "anon":
        assert status == 302, status
    elif person in allowed:
        assert status in (200, 302), status
    else:
        assert status == 404, status


def check(world, url: str, allowed: set[str], method: str = "get", data=None) -> None:
    for person in PEOPLE:
        client = world["clients"][person]
        response = getattr(client, method)(url, data or {})
        expect(allowed, person, response.status_code)
        if person not in allowed and response.status_code == 404:
            assert SECRET not in response.content.decode(), (person, url)


def test_owner_only_goal_pages(world):
    goal = world["buddy_goal"]
    step, check_in = goal.steps.get(), goal.check_ins.get()
    for url in (
        f"/goals/{goal.pk}/",
        f"/goals/{goal.pk}/edit/",
        f"/goals/{goal.pk}/history/",
        f"/goals/{goal.pk}/sharing/",
        f"/goals/{goal.pk}/steps/{step.pk}/edit/",
        f"/goals/{goal.pk}/check-ins/{check_in.pk}/delete/",
    ):
        check(world, url, {"owner"})


def test_buddy_goal_read_only_page(world):
    goal = world["buddy_goal"]
    check(world, f"/shared/{goal.pk}/", {"owner", "buddy_shared"})
    check_in = goal.check_ins.get()
    for url, data in (
        (f"/shared/{goal.pk}/comment/", {"text": "Nice"}),
        (f"/shared/{goal.pk}/check-ins/{check_in.pk}/react/", {"kind": "clap"}),
    ):
        for person in PEOPLE:
            if person == "owner":
                continue
            response = world["clients"][person].post(url, data)
            expect({"buddy_shared"}, person, response.status_code)
    assert goal.comments.count() == 2  # bob's first one and his second: nobody else's


def test_circle_goal_page(world):
    goal = world["circle_goal"]
    check(world, f"/shared/{goal.pk}/", {"owner", "buddy_shared", "buddy_not_shared", "circle"})


def test_private_goal_is_nobody_elses(world):
    check(world, f"/shared/{world['private_goal'].pk}/", {"owner"})


def test_pact_pages(world):
    pact = world["pact"]
    for url in (f"/pacts/{pact.pk}/", f"/pacts/{pact.pk}/end/"):
        check(world, url, {"owner", "buddy_shared"})
    ended = world["ended_pact"]
    check(world, f"/pacts/{ended.pk}/", set())


def test_review_page(world):
    check(world, f"/reviews/{world['review'].pk}/", {"owner", "buddy_shared"})


def test_circle_membership_removal(world):
    membership = world["membership"]
    for person in ("buddy_shared", "stranger", "ex_buddy"):
        response = world["clients"][person].post(f"/circle/members/{membership.pk}/remove/")
        assert response.status_code == 404
    assert CircleMember.objects.filter(pk=membership.pk).exists()


def test_feeds_need_the_secret_token(world, alice):
    token = FeedToken.objects.get_or_create(user=alice)[0].token
    anon = world["clients"]["anon"]
    assert anon.get(f"/feeds/{token}.ics").status_code == 200
    assert anon.get(f"/feeds/{token}x.ics").status_code == 404
    pact: Pact = world["pact"]
    assert anon.get(f"/feeds/pact/{pact.feed_token}.ics").status_code == 200
    ended: Pact = world["ended_pact"]
    assert anon.get(f"/feeds/pact/{ended.feed_token}.ics").status_code == 404


def test_lists_show_only_what_is_shared(world):
    for person, sees in (
        ("buddy_shared", True),
        ("buddy_not_shared", False),
        ("circle", False),
        ("stranger", False),
        ("ex_buddy", False),
    ):
        page = world["clients"][person].get("/shared/").content.decode()
        assert (SECRET in page) is sees, person
