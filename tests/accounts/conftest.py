"""Fixtures for the account tests: a real SMTP server, and helpers to post forms."""

from __future__ import annotations

import email
import html
import re
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_inbox(settings: Any) -> Iterator[Inbox]:
    """A real SMTP server on 127.0.0.1; Django's default mailer sends to it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 10},
        }
    }
    try:
        yield inbox
    finally:
        controller.stop()


def shown_errors(response: Any, field: str) -> str:
    """The error text rendered next to one field (its errorlist, tied by aria-describedby)."""
    page = response.content.decode()
    found = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', page, re.S)
    if found is None:
        return ""
    widget = re.search(rf'<(?:input|select|textarea)[^>]* name="{field}"[^>]*>', page)
    assert widget is not None, f"no widget for {field}"
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error', widget.group(0))
    return html.unescape(re.sub(r"<[^>]+>", " ", found.group(1)))
