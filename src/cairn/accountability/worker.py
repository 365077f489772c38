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
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import smtplib
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import OperationalError, close_old_connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from cairn.accountability.models import Digest, Reminder, ReminderSettings
from cairn.accountability.services import mail
from cairn.accountability.services.reminders import (
    SETTINGS_FLAGS,
    chunks,
    day_start,
    local_day,
    plan,
    zone,
)
from cairn.accounts.models import Profile, User

log = logging.getLogger("cairn.worker")

STALE_CLAIM = dt.timedelta(minutes=10)
BACKOFF_FIRST = dt.timedelta(minutes=1)
BACKOFF_MAX = dt.timedelta(hours=6)
BUSY_RETRY = dt.timedelta(minutes=1)
PEOPLE_PER_BATCH = 200


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failed try: 1 min, 2, 4, 8 ... at most 6 hours."""
    return min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_MAX)


@dataclass
class Report:
    planned: int = 0
    emails: int = 0
    reminders: int = 0
    failures: int = 0
    deferred: int = 0


class SmtpDown(Exception):
    """The mail server cannot be reached: stop this pass, retry the rest later."""


def run_once(now: dt.datetime | None = None, *, token: str | None = None) -> Report:
    """One pass: plan what is due at `now`, then send every due digest."""
    now = now or timezone.now()
    token = token or secrets.token_hex(8)
    report = Report(planned=plan(now))
    connection = mail.open_mailer()
    try:
        while claimed := claim(now, token):
            send_claimed(claimed, now, token, connection, report)
    except SmtpDown:
        pass
    finally:
        connection.close()
    return report


# --- claiming -----------------------------------------------------------------------------


def claimable(now: dt.datetime) -> Q:
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - STALE_CLAIM)
    ready = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    return Q(sent_at__isnull=True) & free & ready


def due_in_their_zone(now: dt.datetime) -> Q:
    """Due on the recipient's own day: one condition per distinct local date."""
    zones_by_day: dict[dt.date, list[str]] = defaultdict(list)
    for name in Profile.objects.values_list("time_zone", flat=True).distinct():
        zones_by_day[local_day(now, zone(name))].append(name)
    due = Q(recipient__profile__isnull=True, due_on__lte=local_day(now, zone("UTC")))
    for day, names in zones_by_day.items():
        due |= Q(recipient__profile__time_zone__in=names, due_on__lte=day)
    return due


def claim(now: dt.datetime, token: str) -> list[Reminder]:
    """Claim every due reminder of a batch of people; return the rows this worker got."""
    due = Reminder.objects.filter(claimable(now), due_in_their_zone(now))
    people = list(due.values_list("recipient_id", flat=True).distinct()[:PEOPLE_PER_BATCH])
    if not people:
        return []
    ids = list(due.filter(recipient_id__in=people).values_list("id", flat=True))
    for chunk in chunks(ids, 500):
        Reminder.objects.filter(claimable(now), pk__in=chunk).update(
            claimed_by=token, claimed_at=now
        )
    mine = Reminder.objects.filter(claimed_by=token, claimed_at=now, sent_at__isnull=True)
    mine = mine.select_related("recipient__profile", "recipient__reminder_settings")
    return list(mine.order_by("recipient_id", "due_on", "id"))


def release(rows: list[Reminder], token: str, until: dt.datetime, failed: bool) -> None:
    ids = [r.pk for r in rows]
    changes: dict[str, Any] = {"claimed_by": "", "claimed_at": None, "next_attempt_at": until}
    if failed:
        changes["attempts"] = F("attempts") + 1
    Reminder.objects.filter(pk__in=ids, claimed_by=token).update(**changes)


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
                fail(untried, None, now, token)
            report.failures += len(people) - index
            raise


def deliver(
    rows: list[Reminder], now: dt.datetime, token: str, connection: Any, report: Report
) -> None:
    user = rows[0].recipient
    tz = zone(user.profile.time_zone if hasattr(user, "profile") else None)
    day = local_day(now, tz)
    settings = mail.reminder_settings(user)
    wanted = drop_unsubscribed(rows, settings, token)
    if not wanted:
        return
    digest = claim_day(user.pk, day, now, token)
    if digest is None or digest == "busy":
        later = now + BUSY_RETRY if digest == "busy" else day_start(day + dt.timedelta(1), tz)
        release(wanted, token, later, failed=False)
        report.deferred += len(wanted)
        return
    assert isinstance(digest, Digest)
    send_digest(user, wanted, settings.unsubscribe_token, digest, now, token, connection, report)


def drop_unsubscribed(
    rows: list[Reminder], settings: ReminderSettings, token: str
) -> list[Reminder]:
    """Kinds the person stopped since planning are dropped, not sent."""
    stopped = {kind for kind, flag in SETTINGS_FLAGS.items() if not getattr(settings, flag)}
    unwanted = [r.pk for r in rows if r.kind in stopped]
    Reminder.objects.filter(pk__in=unwanted, claimed_by=token).delete()
    return [r for r in rows if r.kind not in stopped]


def claim_day(user_id: int, day: dt.date, now: dt.datetime, token: str) -> Digest | str | None:
    """The person's digest row for `day`; None once sent, "busy" while another worker sends."""
    digest, created = Digest.objects.get_or_create(recipient_id=user_id, day=day)
    if created:
        return digest
    if digest.sent_at is not None:
        return None
    live = Reminder.objects.filter(
        recipient_id=user_id, sent_at__isnull=True, claimed_at__gte=now - STALE_CLAIM
    )
    # No other live claim: the row was left by a worker that stopped mid-send.
    return "busy" if live.exclude(claimed_by=token).exists() else digest


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
        fail(rows, digest, now, token)
        report.failures += 1
        return
    except OSError as error:  # refused connection, timeout, disconnected server
        log.warning("Mail server unreachable: %s", error)
        connection.close()
        fail(rows, digest, now, token)
        raise SmtpDown from error
    mark_sent(rows, digest, now, token)
    report.emails += 1
    report.reminders += len(rows)


def mark_sent(rows: list[Reminder], digest: Digest, now: dt.datetime, token: str) -> None:
    """Record what went out; a busy database is retried, since a lost record means a
    duplicate email later."""
    for attempt in range(5):
        try:
            with transaction.atomic():
                ids = [r.pk for r in rows]
                Reminder.objects.filter(pk__in=ids, claimed_by=token).update(sent_at=now)
                Digest.objects.filter(pk=digest.pk).update(sent_at=now, reminder_count=len(rows))
            return
        except OperationalError:
            if attempt == 4:
                raise
            time.sleep(0.2 * 2**attempt)


def fail(rows: list[Reminder], digest: Digest | None, now: dt.datetime, token: str) -> None:
    """Not sent: free the day's digest and retry the reminders after a growing wait."""
    attempts = max(r.attempts for r in rows) + 1
    with transaction.atomic():
        if digest is not None:
            Digest.objects.filter(pk=digest.pk, sent_at__isnull=True).delete()
        release(rows, token, now + backoff(attempts), failed=True)


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
