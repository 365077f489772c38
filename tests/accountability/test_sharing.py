"""Sharing per goal, what others see, encouragement and reactions, ending a pact."""

from __future__ import annotations

import pytest

from cairn.accountability.models import Notice, Pact
from cairn.accountability.services import pacts, sharing
from tests.accountability.helpers import join_circle, make_pact
from tests.conftest import client_for, make_goal, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def pact(alice, bob) -> Pact:
    return make_pact(alice, bob)


def test_private_goal_is_not_seen_by_the_buddy(goal, pact, bob):
    assert client_for(bob).get(f"/shared/{goal.pk}/").status_code == 404


def test_goal_shared_with_the_buddy_is_read_only_and_money_hidden(goal, pact, alice, bob):
    sharing.share(goal, by=alice, visibility="buddy", pacts=[pact])
    page = client_for(bob).get(f"/shared/{goal.pk}/").content.decode()
    assert "Earn [amount hidden] a year by 2030" in page
    assert "100000" not in page and "$100K" not in page
    assert "Ask for a raise" in page  # micro-goal titles and dates
    assert client_for(bob).get(f"/goals/{goal.pk}/").status_code == 404  # never the owner view
    sharing.share(goal, by=alice, visibility="buddy", pacts=[pact], show_money=True)
    assert "$100K" in client_for(bob).get(f"/shared/{goal.pk}/").content.decode()


def test_sharing_form(goal, pact, alice_client):
    response = alice_client.post(
        f"/goals/{goal.pk}/sharing/", {"visibility": "buddy", "pacts": [pact.pk]}
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.visibility == "buddy"
    assert goal.revisions.first().changes["visibility"] == ["private", "buddy"]
    empty = alice_client.post(f"/goals/{goal.pk}/sharing/", {"visibility": "buddy"})
    assert empty.status_code == 400 and "at least one buddy" in empty.content.decode()


def test_circle_sees_circle_goals_only(alice, charlie):
    dana = make_user("dana")
    join_circle(alice, dana)
    shared = make_goal(alice, "Speak at 2 meetups this year", visibility="circle")
    private = make_goal(alice, "Negotiate a raise")
    dana_client = client_for(dana)
    assert dana_client.get(f"/shared/{shared.pk}/").status_code == 200
    assert dana_client.get(f"/shared/{private.pk}/").status_code == 404
    assert client_for(charlie).get(f"/shared/{shared.pk}/").status_code == 404
    listing = dana_client.get("/shared/").content.decode()
    assert "Speak at 2 meetups" in listing and "Negotiate" not in listing


def test_encouragement_and_reactions_tell_the_owner(goal, pact, alice, bob):
    sharing.share(goal, by=alice, visibility="buddy", pacts=[pact])
    bob_client = client_for(bob)
    bob_client.post(f"/shared/{goal.pk}/comment/", {"text": "You've got this!"})
    check_in = goal.check_ins.get()
    bob_client.post(f"/shared/{goal.pk}/check-ins/{check_in.pk}/react/", {"kind": "clap"})
    bob_client.post(f"/shared/{goal.pk}/check-ins/{check_in.pk}/react/", {"kind": "clap"})
    notices = list(Notice.objects.filter(recipient=alice).values_list("text", flat=True))
    assert len(notices) == 2 and any("You've got this!" in text for text in notices)
    page = client_for(alice).get("/notices/").content.decode()
    assert "You&#x27;ve got this!" in page
    empty = bob_client.post(f"/shared/{goal.pk}/comment/", {"text": " "})
    assert empty.status_code == 400


def test_ending_the_pact_ends_access_at_once(goal, pact, alice, bob):
    sharing.share(goal, by=alice, visibility="buddy", pacts=[pact])
    assert client_for(bob).get(f"/shared/{goal.pk}/").status_code == 200
    response = client_for(bob).post(f"/pacts/{pact.pk}/end/")
    assert response.status_code == 302
    assert client_for(bob).get(f"/shared/{goal.pk}/").status_code == 404
    assert client_for(bob).get(f"/pacts/{pact.pk}/").status_code == 404
    assert client_for(alice).get(f"/pacts/{pact.pk}/").status_code == 404


def test_pact_page_rules_and_agreement(goal, pact, alice, bob):
    sharing.share(goal, by=alice, visibility="buddy", pacts=[pact])
    bobs = make_goal(bob, "Ship the mobile app by 2027", visibility="circle")
    page = client_for(bob).get(f"/pacts/{pact.pk}/").content.decode()
    assert "Earn [amount hidden] a year by 2030" in page and "$100K" not in page
    assert "Ship the mobile app by 2027" in page
    assert (
        "Ship the mobile app by 2027"
        in client_for(alice).get(f"/pacts/{pact.pk}/").content.decode()
    )
    client_for(bob).post(f"/pacts/{pact.pk}/agree/")
    pact.refresh_from_db()
    assert pact.second_agreed_at is not None and pact.first_agreed_at is None
    client_for(alice).post(
        f"/pacts/{pact.pk}/",
        {"checkin_habit": "A call before each deadline", "review_every_months": "3"},
    )
    pact.refresh_from_db()
    assert pact.checkin_habit == "A call before each deadline"
    assert bobs.visibility == "circle"


def test_stranger_cannot_see_a_pact(pact, charlie):
    assert client_for(charlie).get(f"/pacts/{pact.pk}/").status_code == 404
    assert client_for(charlie).post(f"/pacts/{pact.pk}/end/").status_code == 404
    pact.refresh_from_db()
    assert pact.active


def test_end_service_removes_shares(goal, pact, alice):
    sharing.share(goal, by=alice, visibility="buddy", pacts=[pact])
    pacts.end(pact, by=alice)
    assert not goal.shares.exists()


def test_opening_the_notices_marks_them_read_and_shows_them(goal, pact, alice, bob):
    sharing.share(goal, by=alice, visibility="buddy", pacts=[pact])
    sharing.comment(goal, author=bob, text="Keep going")
    assert Notice.objects.get(recipient=alice).read_at is None
    page = client_for(alice).get("/notices/").content.decode()
    assert "Keep going" in page
    assert Notice.objects.get(recipient=alice).read_at is not None


def test_the_circle_page_writes_nothing(alice, bob):
    from cairn.accountability.models import Circle

    page = client_for(alice).get("/circle/").content.decode()
    assert "Nobody yet." in page
    assert not Circle.objects.exists()  # made by the first circle invitation, not by a visit
    join_circle(alice, bob)
    assert "bob" in client_for(alice).get("/circle/").content.decode()
