"""The feed URLs and the page to copy, regenerate and revoke them; `cairn export --ics`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from cairn.accountability.models import FeedToken, Pact, Review
from cairn.accountability.services import calendar, pacts, sharing
from cairn.accounts.models import User
from cairn.cli import main
from cairn.goals.models import Goal, Status, Step, Visibility
from tests.accountability.helpers import make_pact
from tests.accountability.test_calendar import dated_goal, events
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def feed_url(user: User) -> str:
    return calendar.feed_path(FeedToken.objects.get(user=user).token)


def fetch(url: str) -> Calendar:
    response = Client().get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_page_needs_a_login_and_offers_to_create_a_url(client, alice_client):
    assert client.get("/calendar/").status_code == 302
    page = alice_client.get("/calendar/")
    assert page.status_code == 200 and "private" in page["Cache-Control"]
    assert b"Create my feed URL" in page.content and b"/feeds/" not in page.content


def test_regenerate_creates_then_replaces_the_url(alice, alice_client):
    assert alice_client.post("/calendar/regenerate/").status_code == 302
    first = feed_url(alice)
    assert first.encode() in alice_client.get("/calendar/").content
    assert b"webcal://" in alice_client.get("/calendar/").content
    fetch(first)
    alice_client.post("/calendar/regenerate/")
    second = feed_url(alice)
    assert second != first
    assert Client().get(first).status_code == 404
    fetch(second)


def test_revoke_ends_the_url(alice, alice_client):
    alice_client.post("/calendar/regenerate/")
    url = feed_url(alice)
    assert alice_client.post("/calendar/revoke/").status_code == 302
    assert Client().get(url).status_code == 404
    assert not FeedToken.objects.filter(user=alice).exists()


def test_regenerate_and_revoke_need_post_and_a_login(client, alice_client):
    for url in ("/calendar/regenerate/", "/calendar/revoke/"):
        assert alice_client.get(url).status_code == 405
        assert client.post(url).status_code == 302
    assert not FeedToken.objects.exists()


def test_unknown_token_answers_404(alice):
    calendar.regenerate_token(alice)
    assert Client().get("/feeds/not-a-token.ics").status_code == 404
    assert Client().get("/feeds/pact/not-a-token.ics").status_code == 404


def test_feed_response_headers_and_content(alice, goal):
    calendar.regenerate_token(alice)
    response = Client().get(feed_url(alice))
    assert response.status_code == 200
    cache = response["Cache-Control"]
    assert "private" in cache and "public" not in cache
    assert response["Content-Disposition"].startswith("inline")
    found = events(Calendar.from_ical(response.content))
    assert f"goal-{goal.pk}-deadline@127.0.0.1-8000" in found
    assert Client().head(feed_url(alice)).status_code == 200
    assert Client().post(feed_url(alice)).status_code == 405


def test_feed_uids_stable_across_fetches_and_edits(alice, goal):
    calendar.regenerate_token(alice)
    first = set(events(fetch(feed_url(alice))))
    assert set(events(fetch(feed_url(alice)))) == first
    Goal.objects.filter(pk=goal.pk).update(statement="Earn $120K a year by 2030")
    Step.objects.filter(goal=goal).update(title="Ask for a bigger raise")
    assert set(events(fetch(feed_url(alice)))) == first


@pytest.fixture
def pact(alice: User, bob: User) -> Pact:
    return make_pact(alice, bob)


def test_pact_feed_url_on_both_pages_and_gone_when_the_pact_ends(alice, bob, charlie, pact):
    shared = dated_goal(alice)
    sharing.share(shared, by=alice, visibility="buddy", pacts=[pact])
    url = calendar.pact_feed_path(pact.feed_token)
    for person in (alice, bob):
        assert url.encode() in client_for(person).get("/calendar/").content
    assert url.encode() not in client_for(charlie).get("/calendar/").content
    assert f"pact-{pact.pk}-goal-{shared.pk}-deadline@127.0.0.1-8000" in events(fetch(url))
    pacts.end(pact, by=bob)
    assert Client().get(url).status_code == 404
    assert url.encode() not in client_for(alice).get("/calendar/").content


def make_goals(owner: User, count: int, *, visibility: str = Visibility.PRIVATE) -> None:
    """Many active goals with one dated micro-goal each, made in bulk (not the point here)."""
    made = Goal.objects.bulk_create(
        Goal(
            owner=owner,
            statement=f"Goal {number}",
            status=Status.ACTIVE,
            visibility=visibility,
            deadline=TODAY + dt.timedelta(days=100 + number),
        )
        for number in range(count)
    )
    Step.objects.bulk_create(
        Step(goal=goal, title="A step", deadline=TODAY + dt.timedelta(days=50)) for goal in made
    )


def queries_for(url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        fetch(url)
    return len(captured)


def add_review(pact: Pact) -> None:
    Review.objects.create(pact=pact, scheduled_for=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))


def test_personal_feed_queries_do_not_grow_with_goals(alice, bob, pact):
    calendar.regenerate_token(alice)
    add_review(pact)
    make_goals(alice, 1)
    few = queries_for(feed_url(alice))
    make_goals(alice, 49)
    add_review(pact)
    assert len(events(fetch(feed_url(alice)))) == 100 + 2
    assert queries_for(feed_url(alice)) == few


def test_pact_feed_queries_do_not_grow_with_goals(alice, bob, pact):
    url = calendar.pact_feed_path(pact.feed_token)
    add_review(pact)
    make_goals(alice, 1, visibility=Visibility.CIRCLE)
    few = queries_for(url)
    make_goals(alice, 25, visibility=Visibility.CIRCLE)
    make_goals(bob, 24, visibility=Visibility.CIRCLE)
    add_review(pact)
    assert len(events(fetch(url))) == 100 + 2
    assert queries_for(url) == few


def test_export_writes_the_same_calendar_to_a_file(alice, bob, goal, tmp_path: Path):
    target = tmp_path / "goals.ics"
    result = CliRunner().invoke(main, ["export", "--ics", str(target), "--user", "alice"])
    assert result.exit_code == 0, result.output
    exported = Calendar.from_ical(target.read_bytes())
    assert target.read_bytes() == calendar.to_bytes(calendar.personal_calendar(alice))
    assert f"goal-{goal.pk}-deadline@127.0.0.1-8000" in events(exported)
    assert "Wrote 2 events for alice" in result.output


def test_export_asks_whose_calendar_with_several_accounts(alice, bob, tmp_path: Path):
    result = CliRunner().invoke(main, ["export", "--ics", str(tmp_path / "x.ics")])
    assert result.exit_code == 1 and "--user NAME" in result.output
    result = CliRunner().invoke(main, ["export", "--ics", "-", "--user", "nobody"])
    assert result.exit_code == 1 and "No account named 'nobody'" in result.output
    result = CliRunner().invoke(main, ["export", "--ics", "-", "--user", "bob"])
    assert result.exit_code == 0 and result.output.startswith("BEGIN:VCALENDAR")


def test_a_feed_answers_304_when_nothing_changed(alice: User, goal: Goal) -> None:
    url = calendar.feed_path(calendar.regenerate_token(alice).token)
    first = Client().get(url)
    again = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert first.status_code == 200 and again.status_code == 304
