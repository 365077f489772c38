"""Every reminder email can stop its kind of reminder in one click, without logging in."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from cairn.accountability.models import ReminderSettings
from cairn.accountability.worker import run_once
from cairn.accounts.models import User
from tests.accountability.conftest import MailServer
from tests.accountability.helpers import make_pact
from tests.accountability.test_reminders import DAY, quiet, shared_goal
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db
SITE = "https://cairn.example.com"


def links(text: str) -> dict[str, str]:
    """unsubscribe kind -> path, from a digest's plain-text footer."""
    found = re.findall(rf"{SITE}(/unsubscribe/[^/\s]+/(\w+)/)", text)
    return {kind: path for path, kind in found}


@pytest.fixture
def digest(
    alice: User, bob: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> str:
    """alice's email with her own deadline and her buddy bob's."""
    quiet(alice, bob)
    pact = make_pact(alice, bob)
    make_goal(alice, "Alice's goal", deadline=today + 7 * DAY)
    shared_goal(bob, pact, "Bob's goal", today + 7 * DAY)
    run_once(now=noon)
    [message] = mail_server.to("alice@example.com")
    return str(message.get_body(("plain",)).get_content())


def test_the_email_has_a_link_per_kind_it_carries_and_a_list_unsubscribe_header(
    alice: User, digest: str, mail_server: MailServer
) -> None:
    token = ReminderSettings.objects.get(user=alice).unsubscribe_token
    assert links(digest) == {
        kind: f"/unsubscribe/{token}/{kind}/" for kind in ("deadline", "buddy", "all")
    }
    [message] = mail_server.to("alice@example.com")
    assert message["List-Unsubscribe"].strip() == f"<{SITE}/unsubscribe/{token}/all/>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.get_body(("html",)).get_content()
    assert f'href="{SITE}/unsubscribe/{token}/buddy/"' in html


def test_opening_the_link_asks_and_changes_nothing(alice: User, digest: str) -> None:
    page = Client().get(links(digest)["deadline"])
    assert page.status_code == 200
    assert "Stop deadline reminders?" in page.content.decode()
    assert ReminderSettings.objects.get(user=alice).deadline_emails


def test_one_click_stops_that_kind_only(
    alice: User, digest: str, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    page = Client(enforce_csrf_checks=True).post(links(digest)["deadline"])
    assert page.status_code == 200
    assert "You will no longer get deadline reminders" in page.content.decode()
    chosen = ReminderSettings.objects.get(user=alice)
    assert (chosen.deadline_emails, chosen.buddy_emails) == (False, True)
    make_goal(alice, "Another goal of hers", deadline=today + 8 * DAY)
    run_once(now=noon + DAY)
    assert len(mail_server.to("alice@example.com")) == 1  # nothing new
    run_once(now=noon + 6 * DAY)  # bob's deadline tomorrow: buddy reminders still come
    [_, latest] = mail_server.to("alice@example.com")
    assert "Bob's goal" in latest.get_body(("plain",)).get_content()


def test_the_mail_clients_one_click_post_stops_every_reminder(
    alice: User, digest: str, mail_server: MailServer
) -> None:
    [message] = mail_server.to("alice@example.com")
    url = message["List-Unsubscribe"].strip().strip("<>").removeprefix(SITE)
    Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    chosen = ReminderSettings.objects.get(user=alice)
    flags = (chosen.deadline_emails, chosen.buddy_emails, chosen.nudge_emails)
    assert (*flags, chosen.review_emails) == (False, False, False, False)


@pytest.mark.parametrize("path", ["/unsubscribe/not-a-token/deadline/", "BAD_KIND"])
def test_a_broken_link_gets_a_clear_page(alice: User, digest: str, path: str) -> None:
    if path == "BAD_KIND":
        path = links(digest)["deadline"].replace("/deadline/", "/everything/")
    page = Client().post(path)
    assert page.status_code == 404
    assert "This unsubscribe link does not work" in page.content.decode()
    assert ReminderSettings.objects.get(user=alice).deadline_emails
