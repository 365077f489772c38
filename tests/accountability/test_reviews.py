"""Review meetings: scheduling, the walk through shared goals, decisions, notes, finishing,
and reviewing alone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from cairn.accountability.models import Notice, Review, ReviewDecision
from cairn.accountability.services import reviews as services
from cairn.accountability.views.reviews import pact_reviews
from cairn.goals import services as goal_services
from cairn.goals.models import Revision, Status
from tests.accountability.test_reviews_helpers import (
    DATE,
    bob_client,
    decide,
    goals,
    pact,
    review,
    shared_goal,
)
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db
__all__ = ["bob_client", "goals", "pact", "review"]  # fixtures


# --- scheduling -----------------------------------------------------------------------


def test_months_later_clamps_to_the_month_end_and_the_calendar_end():
    assert services._months_later(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert services._months_later(dt.date(2028, 11, 30), 3) == dt.date(2029, 2, 28)
    assert services._months_later(dt.date(2027, 12, 15), 1) == dt.date(2028, 1, 15)
    assert services._months_later(dt.date(9999, 11, 30), 3) == dt.date.max


def test_schedule_page_offers_the_default_date(pact, alice_client):
    start = timezone.now() - dt.timedelta(days=10)
    type(pact).objects.filter(pk=pact.pk).update(created_at=start)
    page = alice_client.get(f"/pacts/{pact.pk}/reviews/schedule/").content.decode()
    expected = services._months_later(timezone.localdate(start), 3)
    assert f'value="{expected:{DATE}}"' in page and 'value="18:00"' in page


def test_default_counts_from_the_last_review(pact):
    held = timezone.now() - dt.timedelta(days=5)
    Review.objects.create(pact=pact, scheduled_for=held, held_at=held)
    pact.review_every_months = 2
    when = services.default_review_time(pact)
    assert when.date() == services._months_later(held.date(), 2)


def test_default_is_tomorrow_when_overdue(pact):
    type(pact).objects.filter(pk=pact.pk).update(created_at=timezone.now() - dt.timedelta(days=400))
    pact.refresh_from_db()
    assert services.default_review_time(pact).date() == timezone.localdate() + dt.timedelta(1)


def test_schedule_a_custom_date_and_tell_the_buddy(pact, alice_client, bob):
    day = timezone.localdate() + dt.timedelta(days=40)
    response = alice_client.post(
        f"/pacts/{pact.pk}/reviews/schedule/", {"date": f"{day:{DATE}}", "time": "09:30"}
    )
    review = Review.objects.get(pact=pact)
    assert response.status_code == 302 and response["Location"] == f"/reviews/{review.pk}/"
    assert timezone.localtime(review.scheduled_for).date() == day
    assert timezone.localtime(review.scheduled_for).time() == dt.time(9, 30)
    assert Notice.objects.filter(recipient=bob, url=f"/reviews/{review.pk}/").exists()
    # Setting it again moves the planned review rather than adding another.
    later = day + dt.timedelta(days=1)
    alice_client.post(
        f"/pacts/{pact.pk}/reviews/schedule/", {"date": f"{later:{DATE}}", "time": "10:00"}
    )
    assert Review.objects.filter(pact=pact).count() == 1
    assert timezone.localtime(Review.objects.get(pact=pact).scheduled_for).date() == later


def test_schedule_in_the_past_is_refused(pact, alice_client):
    day = timezone.localdate() - dt.timedelta(days=1)
    response = alice_client.post(
        f"/pacts/{pact.pk}/reviews/schedule/", {"date": f"{day:{DATE}}", "time": "09:30"}
    )
    assert response.status_code == 400
    assert "has passed: pick a moment in the future" in response.content.decode()
    assert not Review.objects.exists()


# --- the walk through the goals -------------------------------------------------------


def test_page_shows_both_sides_shared_goals_not_private_ones(
    goals, review, alice_client, bob_client, charlie
):
    other_pact = type(review.pact).objects.create(first=goals["alice_shared"].owner, second=charlie)
    shared_goal(goals["alice_shared"].owner, other_pact, "Only for charlie")
    for client in (alice_client, bob_client):
        page = client.get(f"/reviews/{review.pk}/").content.decode()
        assert "Lead a team of five by 2028" in page
        assert "Speak at a conference by 2027" in page
        assert "Leave this company by 2027" not in page
        assert "Only for charlie" not in page


def test_shows_what_happened_since_the_last_review(goals, pact, review, alice_client):
    goal = goals["alice_shared"]
    held = timezone.now() - dt.timedelta(days=30)
    Review.objects.create(pact=pact, scheduled_for=held, held_at=held)
    old_day = timezone.localdate() - dt.timedelta(days=40)
    goal_services.record_check_in(goal, date=old_day, note="Before the last review")
    goal_services.record_check_in(goal, note="Since the last review")
    page = alice_client.get(f"/reviews/{review.pk}/").content.decode()
    assert "Since the last review" in page and "Before the last review" not in page
    assert "since the last review" in page


def test_only_the_owner_gets_decision_forms(goals, review, alice_client, bob_client):
    alice_goal, bob_goal = goals["alice_shared"], goals["bob_circle"]
    alice_page = alice_client.get(f"/reviews/{review.pk}/").content.decode()
    bob_page = bob_client.get(f"/reviews/{review.pk}/").content.decode()
    assert f'name="goal" value="{alice_goal.pk}"' in alice_page
    assert f'name="goal" value="{bob_goal.pk}"' not in alice_page
    assert f'name="goal" value="{bob_goal.pk}"' in bob_page
    assert f'name="goal" value="{alice_goal.pk}"' not in bob_page


# --- decisions ------------------------------------------------------------------------


def test_keep(goals, review, alice_client):
    goal = goals["alice_shared"]
    assert decide(alice_client, review, goal, "keep").status_code == 302
    made = ReviewDecision.objects.get(review=review, goal=goal)
    assert made.decision == "keep"
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE


def test_adjust_is_recorded_in_the_history_with_its_reason(goals, review, alice_client):
    goal = goals["alice_shared"]
    new_deadline = timezone.localdate() + dt.timedelta(days=500)
    response = decide(
        alice_client,
        review,
        goal,
        "adjust",
        note="The reorg pushed hiring back",
        deadline=f"{new_deadline:{DATE}}",
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.deadline == new_deadline
    history = alice_client.get(f"/goals/{goal.pk}/history/").content.decode()
    assert "The reorg pushed hiring back" in history
    assert ReviewDecision.objects.get(goal=goal).decision == "adjust"
    assert (
        "The reorg pushed hiring back"
        in alice_client.get(f"/reviews/{review.pk}/").content.decode()
    )


def test_adjust_needs_a_reason_and_a_change(goals, review, alice_client):
    goal = goals["alice_shared"]
    day = timezone.localdate() + dt.timedelta(days=500)
    response = decide(alice_client, review, goal, "adjust", deadline=f"{day:{DATE}}")
    assert response.status_code == 400
    assert "the reason is kept in the goal" in response.content.decode()
    response = decide(alice_client, review, goal, "adjust", note="Nothing changes")
    assert response.status_code == 400
    assert "Change the statement, deadline or target" in response.content.decode()
    goal.refresh_from_db()
    assert goal.deadline is None and not ReviewDecision.objects.exists()


def test_pause_then_resume(goals, review, alice_client):
    goal = goals["alice_shared"]
    decide(alice_client, review, goal, "pause", note="A newborn at home")
    goal.refresh_from_db()
    assert goal.status == Status.PAUSED
    revision = goal.revisions.first()
    assert revision.changes == {"status": ["active", "paused"]}
    assert revision.reason == "A newborn at home"
    page = alice_client.get(f"/reviews/{review.pk}/").content.decode()
    assert "Resume" in page and "Paused" in page
    decide(alice_client, review, goal, "keep")
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    assert ReviewDecision.objects.get(goal=goal).decision == "keep"


def test_abandon_needs_a_reason_and_stays_on_the_page(goals, review, alice_client, bob_client):
    goal = goals["alice_shared"]
    assert decide(alice_client, review, goal, "abandon").status_code == 400
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    decide(alice_client, review, goal, "abandon", note="Management is not for me")
    goal.refresh_from_db()
    assert goal.status == Status.ABANDONED and goal.abandon_reason == "Management is not for me"
    bob_page = bob_client.get(f"/reviews/{review.pk}/").content.decode()
    assert "Lead a team of five by 2028" in bob_page and "Management is not for me" in bob_page


def test_abandon_a_paused_goal(goals, review, alice):
    goal = goals["alice_shared"]
    goal_services.pause_goal(goal, by=alice, reason="Busy")
    services.decide(review, goal, by=alice, decision="abandon", note="Not any more")
    goal.refresh_from_db()
    assert goal.status == Status.ABANDONED


def test_pause_and_resume_services(goal, alice):
    goal_services.pause_goal(goal, by=alice, reason="Sabbatical")
    with pytest.raises(Exception, match="cannot be paused"):
        goal_services.pause_goal(goal, by=alice)
    goal_services.resume_goal(goal, by=alice)
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    statuses = [r.changes["status"] for r in Revision.objects.filter(goal=goal)[:2]]
    assert statuses == [["paused", "active"], ["active", "paused"]]


def test_buddy_cannot_decide_on_the_others_goal(goals, review, bob_client):
    goal = goals["alice_shared"]
    response = decide(bob_client, review, goal, "abandon", note="Give up")
    assert response.status_code == 404
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE and not ReviewDecision.objects.exists()


# --- notes and finishing --------------------------------------------------------------


def test_notes_from_both_sides(goals, review, alice_client, bob_client):
    alice_client.post(f"/reviews/{review.pk}/", {"action": "notes", "notes": "Alice: hire soon"})
    bob_client.post(f"/reviews/{review.pk}/", {"action": "notes", "notes": "Bob: write the talk"})
    review.refresh_from_db()
    assert (review.first_notes, review.second_notes) == ("Alice: hire soon", "Bob: write the talk")
    for client in (alice_client, bob_client):
        page = client.get(f"/reviews/{review.pk}/").content.decode()
        assert "Alice: hire soon" in page and "Bob: write the talk" in page


def test_finish_schedules_the_next_review(goals, pact, review, alice_client):
    response = alice_client.post(f"/reviews/{review.pk}/finish/")
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.held_at is not None
    upcoming = services.upcoming(pact)
    assert upcoming is not None and upcoming.pk != review.pk
    assert upcoming.scheduled_for.date() == services._months_later(review.held_at.date(), 3)
    assert upcoming.scheduled_for.time() == timezone.localtime(review.scheduled_for).time()
    alice_client.post(f"/reviews/{review.pk}/finish/")  # a second click changes nothing
    assert Review.objects.filter(pact=pact).count() == 2
    # A finished review keeps its decisions closed.
    goal = goals["alice_shared"]
    decide(alice_client, review, goal, "pause", note="Late")
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE


def test_pact_reviews_include(goals, pact, review, alice_client):
    alice_client.post(f"/reviews/{review.pk}/finish/")
    html = render_to_string(
        "accountability/_pact_reviews.html", {"pact": pact, **pact_reviews(pact)}
    )
    nxt = services.upcoming(pact)
    assert f"/reviews/{nxt.pk}/" in html and f"/reviews/{review.pk}/" in html
    pact.ended_at = timezone.now()
    html = render_to_string(
        "accountability/_pact_reviews.html", {"pact": pact, **pact_reviews(pact)}
    )
    assert "/reviews/" not in html and "Past reviews" in html


# --- alone ----------------------------------------------------------------------------


def test_solo_review_includes_private_goals(alice, alice_client, goals):
    assert alice_client.get("/reviews/solo/").status_code == 200
    response = alice_client.post("/reviews/solo/")
    solo = Review.objects.get(owner=alice, pact__isnull=True)
    assert response["Location"] == f"/reviews/{solo.pk}/"
    page = alice_client.get(f"/reviews/{solo.pk}/").content.decode()
    assert "Leave this company by 2027" in page and "Lead a team of five by 2028" in page
    assert "Speak at a conference by 2027" not in page
    assert alice_client.post("/reviews/solo/")["Location"] == f"/reviews/{solo.pk}/"
    decide(alice_client, solo, goals["alice_private"], "pause", note="Not now")
    alice_client.post(f"/reviews/{solo.pk}/", {"action": "notes", "notes": "Alone, calmly"})
    alice_client.post(f"/reviews/{solo.pk}/finish/")
    solo.refresh_from_db()
    assert solo.first_notes == "Alone, calmly" and solo.held_at is not None
    assert Review.objects.filter(owner=alice, held_at__isnull=True).count() == 1


def test_solo_review_leaves_out_long_finished_goals(alice, alice_client):
    old = make_goal(alice, "Finish the certificate by 2026")
    goal_services.achieve_goal(old, by=alice)
    type(old).objects.filter(pk=old.pk).update(achieved_at=timezone.now() - dt.timedelta(days=400))
    recent = make_goal(alice, "Pass the exam by 2026")
    goal_services.achieve_goal(recent, by=alice)
    solo = services.start_solo_review(alice)
    page = alice_client.get(f"/reviews/{solo.pk}/").content.decode()
    assert "Pass the exam by 2026" in page and "Finish the certificate" not in page
