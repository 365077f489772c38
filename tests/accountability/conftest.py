"""Fixtures for the reminder tests: a real SMTP server on loopback that can be told to
refuse mail or be stopped, and a clock the tests move by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller

from tests.accounts.conftest import Inbox, free_port


class MailServer(Inbox):
    """aiosmtpd handler: keeps what it accepts; answers `refuse` (e.g. a 451) when set."""

    def __init__(self) -> None:
        super().__init__()
        self.refuse: str | None = None
        self.tries = 0
        self.port = free_port()
        self.controller: Controller | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.tries += 1
        if self.refuse:
            return self.refuse
        return await super().handle_DATA(server, session, envelope)

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def texts(self) -> list[str]:
        return [m.get_body(("plain",)).get_content() for m in self.messages]  # type: ignore[union-attr]

    def to(self, address: str) -> list[Any]:
        return [
            m for m, rcpt in zip(self.messages, self.recipients, strict=True) if address in rcpt
        ]


@pytest.fixture
def mail_server(settings: Any) -> Iterator[MailServer]:
    """A real SMTP server on 127.0.0.1 that Django's default mailer sends to."""
    server = MailServer()
    server.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 5},
        }
    }
    settings.SITE_URL = "https://cairn.example.com"
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def midday_zone() -> tuple[str, dt.date]:
    """A time zone where it is about noon right now, and its date there: for code that
    reads the real clock (`cairn worker`), so that a test passes at any hour of the day
    (reminders go out from 07:00 in the person's zone)."""
    now = dt.datetime.now(dt.UTC)
    offset = 12 - now.hour  # -11 to +12 hours: every one is an Etc/GMT zone
    name = "UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"
    return name, now.astimezone(ZoneInfo(name)).date()


@pytest.fixture
def noon(today: dt.date) -> dt.datetime:
    """Today at 12:00 UTC: the tests' "now", moved forward by hand."""
    return dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)
