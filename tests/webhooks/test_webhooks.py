"""Webhooks against a real HTTP receiver on 127.0.0.1: signed deliveries for the events
chosen, retries with back-off, turned off after repeated failure with a notice, private
addresses refused unless allowed, and the page that manages them."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cairn.accountability.models import Notice
from cairn.accountability.services import sharing
from cairn.accounts.models import User
from cairn.goals import services as goals
from cairn.goals.models import Goal, Visibility
from cairn.webhooks import services
from cairn.webhooks.models import Delivery, Webhook
from tests.accountability.helpers import make_pact
from tests.conftest import client_for


class Receiver:
    """A real HTTP server that records what it is sent and answers `status`."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.status = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append({"headers": dict(self.headers), "body": body})
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver(settings: Any) -> Iterator[Receiver]:
    settings.WEBHOOKS_ALLOW_PRIVATE = True  # the receiver is on 127.0.0.1
    made = Receiver()
    yield made
    made.server.shutdown()


def genuine(secret: str, header: str, body: bytes) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), parts["v1"])


def test_a_check_in_is_delivered_signed(alice: User, goal: Goal, receiver: Receiver) -> None:
    hook = services.add_webhook(owner=alice, url=receiver.url, events=["check_in.logged"])
    goals.record_check_in(goal, value=81000, note="new contract")
    goals.complete_step(goal.steps.get())  # not chosen: not sent
    assert services.deliver_due() == 1
    (got,) = receiver.received
    assert got["headers"]["Cairn-Event"] == "check_in.logged"
    assert genuine(hook.secret, got["headers"]["Cairn-Signature"], got["body"])
    assert not genuine("another secret", got["headers"]["Cairn-Signature"], got["body"])
    data = json.loads(got["body"])["data"]
    assert data == {"goal": goal.pk, "statement": goal.statement, "date": data["date"],
                    "note": "new contract", "value": "81000"}  # fmt: skip
    assert services.deliver_due() == 0  # sent once, never twice


def test_every_event_kind_arrives(alice: User, bob: User, goal: Goal, receiver: Receiver) -> None:
    services.add_webhook(owner=alice, url=receiver.url, events=list(services.EVENTS))
    pact = make_pact(alice, bob)
    sharing.share(goal, by=alice, visibility=Visibility.BUDDY, pacts=[pact])
    sharing.comment(goal, author=bob, text="Go alice")
    goals.complete_step(goal.steps.get())
    soon = goals.create_goal(owner=alice, statement="Ship the report by Friday", status="active",
                             deadline=timezone.localdate() + dt.timedelta(days=3))  # fmt: skip
    goals.achieve_goal(goal, by=alice)
    services.deliver_due()
    services.deliver_due()  # deadline.soon is planned on every pass, sent once
    events = sorted(r["headers"]["Cairn-Event"] for r in receiver.received)
    assert events == ["comment.created", "deadline.soon", "goal.achieved", "micro_goal.done"]
    bodies = {r["headers"]["Cairn-Event"]: r["body"] for r in receiver.received}
    assert soon.statement.encode() in bodies["deadline.soon"]


def test_a_receiver_that_is_down_is_tried_again_later(alice: User, goal: Goal,
                                                      receiver: Receiver) -> None:  # fmt: skip
    services.add_webhook(owner=alice, url=receiver.url, events=["check_in.logged"])
    goals.record_check_in(goal, value=82000)
    receiver.status = 503
    now = timezone.now()
    assert services.deliver_due(now) == 0
    delivery = Delivery.objects.get()
    assert (delivery.attempts, delivery.status_code) == (1, 503)
    assert services.deliver_due(now + dt.timedelta(seconds=30)) == 0  # not due yet
    receiver.status = 200
    assert services.deliver_due(now + dt.timedelta(minutes=2)) == 1
    delivery.refresh_from_db()
    assert delivery.sent_at is not None and delivery.status_code == 200
    assert len(receiver.received) == 2


def test_repeated_failure_turns_a_webhook_off_and_tells_its_owner(
    alice: User, goal: Goal, receiver: Receiver
) -> None:
    hook = services.add_webhook(owner=alice, url=receiver.url, events=["check_in.logged"])
    receiver.status = 500
    now = timezone.now() + dt.timedelta(seconds=1)
    for day in range(services.DISABLE_AFTER):  # each delivery's six tries span about 3 days
        goals.record_check_in(goal, value=80000 + day, date=timezone.localdate())
        for attempt in range(len(services.BACKOFF) + 1):
            services.deliver_due(now + dt.timedelta(days=4 * day, hours=15 * attempt))
    hook.refresh_from_db()
    assert hook.disabled_at is not None
    assert Notice.objects.filter(recipient=alice, text__contains="turned off").exists()
    goals.record_check_in(goal, value=90000)
    sent = len(receiver.received)
    services.deliver_due(now + dt.timedelta(days=60))
    assert len(receiver.received) == sent  # off means off


def test_private_addresses_are_refused_unless_allowed(alice: User, settings: Any) -> None:
    settings.WEBHOOKS_ALLOW_PRIVATE = False
    for url in ("http://127.0.0.1:9/x", "http://10.0.0.5/x", "http://[::1]/x",
                "http://169.254.169.254/latest", "ftp://example.com/x", "not a url"):  # fmt: skip
        with pytest.raises(ValidationError):
            services.add_webhook(owner=alice, url=url, events=["goal.achieved"])
    assert not Webhook.objects.exists()


def test_the_page_adds_shows_the_secret_once_and_is_mine_only(
    alice: User, charlie: User, receiver: Receiver
) -> None:
    client = client_for(alice)
    page = client.post("/accounts/webhooks/", {"url": receiver.url, "events": ["goal.achieved"]})
    hook = Webhook.objects.get(owner=alice)
    assert page.status_code == 200 and hook.secret in page.content.decode()
    assert hook.secret not in client.get("/accounts/webhooks/").content.decode()
    refused = client.post("/accounts/webhooks/", {"url": receiver.url, "events": []})
    assert refused.status_code == 400 and Webhook.objects.count() == 1
    assert client_for(charlie).post(f"/accounts/webhooks/{hook.pk}/remove/").status_code == 404
    assert client.post(f"/accounts/webhooks/{hook.pk}/remove/").status_code == 302
    assert not Webhook.objects.exists()
