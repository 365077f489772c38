"""Who may open, change and finish a review: the two people of an active pact, or the owner
of a solo review. Everyone else gets 404; an anonymous visitor is sent to log in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from cairn.accountability.models import Review, SharingSettings
from cairn.accountability.services import reviews as services
from cairn.goals import services as goal_services
from cairn.goals.models import Status
from tests.accountability.test_reviews_helpers import (
    DATE,
    bob_client,
    decide,
    goals,
    pact,
    review,
    shared_goal,
)

pytestmark = pytest.mark.django_db
__all__ = ["bob_client", "goals", "pact", "review"]  # fixtures


def test_both_people_of_the_pact_open_it(goals, review, alice_client, bob_client):
    for client in (alice_client, bob_client):
        assert client.get(f"/reviews/{review.pk}/").status_code == 200
        assert client.get(f"/pacts/{review.pact_id}/reviews/schedule/").status_code == 200


def test_stranger_gets_404_everywhere(goals, review, charlie_client):
    day = timezone.localdate() + dt.timedelta(days=9)
    assert charlie_client.get(f"/reviews/{review.pk}/").status_code == 404
    assert charlie_client.get(f"/pacts/{review.pact_id}/reviews/schedule/").status_code == 404
    assert (
        charlie_client.post(
            f"/pacts/{review.pact_id}/reviews/schedule/", {"date": f"{day:{DATE}}", "time": "9:00"}
        ).status_code
        == 404
    )
    assert charlie_client.post(f"/reviews/{review.pk}/finish/").status_code == 404
    note = {"action": "notes", "notes": "Sneaky"}
    assert charlie_client.post(f"/reviews/{review.pk}/", note).status_code == 404
    assert decide(charlie_client, review, goals["alice_shared"], "keep").status_code == 404
    review.refresh_from_db()
    assert review.held_at is None and not review.first_notes and not review.second_notes


def test_anonymous_is_sent_to_log_in(goals, review):
    client = Client()
    for url in (
        f"/reviews/{review.pk}/",
        f"/pacts/{review.pact_id}/reviews/schedule/",
        "/reviews/solo/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "/accounts/login/" in client.post(f"/reviews/{review.pk}/finish/")["Location"]
    review.refresh_from_db()
    assert review.held_at is None


def test_after_the_pact_ends_its_reviews_answer_404(goals, pact, review, alice_client, bob_client):
    pact.ended_at = timezone.now()
    pact.save()
    for client in (alice_client, bob_client):
        assert client.get(f"/reviews/{review.pk}/").status_code == 404
        assert client.get(f"/pacts/{pact.pk}/reviews/schedule/").status_code == 404
        assert client.post(f"/reviews/{review.pk}/finish/").status_code == 404
    assert decide(bob_client, review, goals["bob_circle"], "keep").status_code == 404
    review.refresh_from_db()
    assert review.held_at is None
    # Each still sees their own goals.
    assert alice_client.get(f"/goals/{goals['alice_shared'].pk}/").status_code == 200
    assert bob_client.get(f"/goals/{goals['bob_circle'].pk}/").status_code == 200


def test_finishing_does_not_schedule_for_an_ended_pact(pact, review):
    pact.ended_at = timezone.now()
    pact.save()
    review.pact.refresh_from_db()
    assert services.finish_review(review) is None
    assert Review.objects.filter(pact=pact).count() == 1


def test_a_solo_review_is_its_owners_alone(goals, alice, alice_client, bob_client, charlie_client):
    solo = services.start_solo_review(alice)
    assert alice_client.get(f"/reviews/{solo.pk}/").status_code == 200
    for client in (bob_client, charlie_client):
        assert client.get(f"/reviews/{solo.pk}/").status_code == 404
        assert client.post(f"/reviews/{solo.pk}/finish/").status_code == 404
        assert decide(client, solo, goals["alice_private"], "pause", note="x").status_code == 404
    goals["alice_private"].refresh_from_db()
    assert goals["alice_private"].status == Status.ACTIVE
    assert "Leave this company" not in bob_client.get("/reviews/solo/").content.decode()


def test_buddy_notes_go_to_their_own_side(goals, review, bob_client):
    bob_client.post(f"/reviews/{review.pk}/", {"action": "notes", "notes": "Mine"})
    review.refresh_from_db()
    assert review.first_notes == "" and review.second_notes == "Mine"


def test_money_amounts_stay_hidden_from_the_buddy(goal, pact, review, alice_client, bob_client):
    shared = shared_goal(
        goal.owner,
        pact,
        "Earn $140K a year by 2031",
        area="earnings",
        metric_unit="USD",
        metric_baseline=90000,
        metric_target=140000,
    )
    goal_services.record_check_in(shared, value=97500, note="New contract")
    bob_page = bob_client.get(f"/reviews/{review.pk}/").content.decode()
    assert "New contract" in bob_page
    for amount in ("$140K", "97500", "97,500", "140000", "140,000", "90000"):
        assert amount not in bob_page
    alice_page = alice_client.get(f"/reviews/{review.pk}/").content.decode()
    assert "$140K" in alice_page and "97500" in alice_page
    SharingSettings.objects.create(goal=shared, show_money=True)
    assert "97500" in bob_client.get(f"/reviews/{review.pk}/").content.decode()
