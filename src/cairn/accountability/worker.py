"""The reminder worker: plan what is due, claim it, send one digest per person per day.

Claiming is a plain conditional UPDATE on the reminder rows rather than Django's task
framework with a database-backed queue (django-tasks-db). Reminders already are rows with
a due date, so a queue would be a second copy of them to keep in step (a task per digest,
re-planned when a goal changes or is deleted); the UPDATE needs no extra dependency or
table, works the same on SQLite and PostgreSQL, and benchmarks/reminders.py measures it.

- Claim: the ids of due rows are read first, then
  `UPDATE reminder SET claimed_by=<token>, claimed_at=<now> WHERE id IN (...) AND sent_at
  IS NULL AND (claimed_at IS NULL OR claimed_at < <now - STALE_CLAIM>) AND (next_attempt_at
  IS NULL OR next_attempt_at <= <now>)`. The WHERE names only the row's own columns, so
  PostgreSQL re-checks it on the newest row version when two workers race (and SQLite runs
  writes one at a time): each row goes to exactly one worker, which then works only on rows
  carrying its token. A crashed worker's claims become claimable after STALE_CLAIM.
- One email a person a day: the Digest row (unique per person and local day) is created
  before sending; a person's later reminders that day wait for the next day.
- SMTP failure: the digest row is removed, the reminders' `attempts` goes up and
  `next_attempt_at` is pushed back exponentially (1 min, 2, 4, ... at most 6 hours).

This module decides and sends; the rows it changes change in services/delivery.py.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import smtplib
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import close_old_connections
from django.utils import timezone

from cairn.accountability.models import Digest, Reminder
from cairn.accountability.services import mail
from cairn.accountability.services.delivery import (
    claim,
    claim_day,
    drop_unsubscribed,
    fail,
    mark_sent,
    release,
)
from cairn.accountability.services.reminders import day_start, local_day, plan, zone
from cairn.accounts.models import User

log = logging.getLogger("cairn.worker")

BUSY_RETRY = dt.timedelta(minutes=1)


@dataclass
class Report:
    planned: int = 0
    emails: int = 0
    reminders: int = 0
    failures: int = 0
    deferred: int = 0


class SmtpDown(Exception):
    """The mail server cannot be reached: stop this pass, retry the rest later."""


# Other passes the worker runs each time, registered by the apps above accountability
# (portability: deleting the accounts whose time has come).
EXTRA_PASSES: list[Callable[[dt.datetime], object]] = []


def run_once(now: dt.datetime | None = None, *, token: str | None = None) -> Report:
    """One pass: plan what is due at `now`, then send every due digest."""
    now = now or timezone.now()
    for extra in EXTRA_PASSES:
        extra(now)
    token = token or secrets.token_hex(8)
    report = Report(planned=plan(now))
    connection = mail.open_mailer()
    try:
        while claimed := claim(now=now, token=token):
            send_claimed(claimed, now, token, connection, report)
    except SmtpDown:
        pass
    finally:
        connection.close()
    return report


# --- sending ------------------------------------------------------------------------------


def send_claimed(
    claimed: list[Reminder], now: dt.datetime, token: str, connection: Any, report: Report
) -> None:
    by_person: dict[int, list[Reminder]] = defaultdict(list)
    for row in claimed:
        by_person[row.recipient_id].append(row)
    people = list(by_person.items())
    for index, (_, rows) in enumerate(people):
        try:
            deliver(rows, now, token, connection, report)
        except SmtpDown:
            for _, untried in people[index + 1 :]:
                fail(untried, digest=None, now=now, token=token)
            report.failures += len(people) - index
            raise


def deliver(
    rows: list[Reminder], now: dt.datetime, token: str, connection: Any, report: Report
) -> None:
    user = rows[0].recipient
    tz = zone(user.profile.time_zone if hasattr(user, "profile") else None)
    day = local_day(now, tz)
    settings = mail.reminder_settings(user)
    wanted = drop_unsubscribed(rows, settings=settings, token=token)
    if not wanted:
        return
    digest = claim_day(user_id=user.pk, day=day, now=now, token=token)
    if digest is None or digest == "busy":
        later = now + BUSY_RETRY if digest == "busy" else day_start(day + dt.timedelta(1), tz)
        release(wanted, token=token, until=later, failed=False)
        report.deferred += len(wanted)
        return
    assert isinstance(digest, Digest)
    send_digest(user, wanted, settings.unsubscribe_token, digest, now, token, connection, report)


def send_digest(
    user: User,
    rows: list[Reminder],
    unsubscribe_token: str,
    digest: Digest,
    now: dt.datetime,
    token: str,
    connection: Any,
    report: Report,
) -> None:
    last = Digest.objects.filter(recipient=user, sent_at__isnull=False).order_by("-sent_at")
    notices = mail.unread_notices(user.pk, last.values_list("sent_at", flat=True).first())
    message = mail.compose(user, rows, notices, unsubscribe_token, digest.day)
    try:
        connection.open()  # kept open for the whole pass; closed by run_once
        connection.send_messages([message])
    except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as error:
        log.warning("Reminder email to user %s refused: %s", user.pk, error)
        fail(rows, digest=digest, now=now, token=token)
        report.failures += 1
        return
    except OSError as error:  # refused connection, timeout, disconnected server
        log.warning("Mail server unreachable: %s", error)
        connection.close()
        fail(rows, digest=digest, now=now, token=token)
        raise SmtpDown from error
    mark_sent(rows, digest=digest, now=now, token=token)
    report.emails += 1
    report.reminders += len(rows)


# --- the long-running loop ----------------------------------------------------------------


def loop(interval: float, stop: threading.Event) -> None:
    """Run a pass every `interval` seconds until `stop` is set; errors are logged, not fatal."""
    while not stop.is_set():
        close_old_connections()
        try:
            report = run_once()
            if report.emails or report.failures:
                log.info("Reminders: %s", report)
        except Exception:
            log.exception("Reminder pass failed; retrying in %s seconds", interval)
        finally:
            close_old_connections()
        stop.wait(interval)


def start_in_thread(interval: float = 60) -> threading.Event:
    """The in-process worker of `cairn serve`: a daemon thread; set the event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(target=loop, args=(interval, stop), name="cairn-worker", daemon=True)
    thread.start()
    return stop
