"""The reminder worker's writes: claiming due reminders, the one digest a person a day,
and recording what was sent or failed. The worker (accountability/worker.py) decides and
sends; every row it changes changes here. How claiming works and why: see the worker.

Claiming is deliberately not one transaction: each conditional UPDATE commits on its own,
so two workers never hold row locks across chunks (which, in differing orders, could
deadlock on PostgreSQL), and the WHERE re-check alone makes each row go to one worker.
The other writes are one statement each or run in their own transaction.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from typing import Any

from django.db import OperationalError, transaction
from django.db.models import F, Q

from cairn.accountability.models import Digest, Reminder, ReminderSettings
from cairn.accountability.services.reminders import SETTINGS_FLAGS, chunks, local_day, zone
from cairn.accounts.models import Profile

STALE_CLAIM = dt.timedelta(minutes=10)
BACKOFF_FIRST = dt.timedelta(minutes=1)
BACKOFF_MAX = dt.timedelta(hours=6)
PEOPLE_PER_BATCH = 200


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failed try: 1 min, 2, 4, 8 ... at most 6 hours."""
    return min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_MAX)


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


def claim(*, now: dt.datetime, token: str) -> list[Reminder]:
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


def release(rows: list[Reminder], *, token: str, until: dt.datetime, failed: bool) -> None:
    """Give claimed rows back, to be tried again from `until` (one more attempt if failed)."""
    ids = [r.pk for r in rows]
    changes: dict[str, Any] = {"claimed_by": "", "claimed_at": None, "next_attempt_at": until}
    if failed:
        changes["attempts"] = F("attempts") + 1
    Reminder.objects.filter(pk__in=ids, claimed_by=token).update(**changes)


def drop_unsubscribed(
    rows: list[Reminder], *, settings: ReminderSettings, token: str
) -> list[Reminder]:
    """Kinds the person stopped since planning are dropped, not sent."""
    stopped = {kind for kind, flag in SETTINGS_FLAGS.items() if not getattr(settings, flag)}
    unwanted = [r.pk for r in rows if r.kind in stopped]
    Reminder.objects.filter(pk__in=unwanted, claimed_by=token).delete()
    return [r for r in rows if r.kind not in stopped]


# --- the day's digest ---------------------------------------------------------------------


def claim_day(*, user_id: int, day: dt.date, now: dt.datetime, token: str) -> Digest | str | None:
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


def mark_sent(rows: list[Reminder], *, digest: Digest, now: dt.datetime, token: str) -> None:
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


def fail(rows: list[Reminder], *, digest: Digest | None, now: dt.datetime, token: str) -> None:
    """Not sent: free the day's digest and retry the reminders after a growing wait."""
    attempts = max(r.attempts for r in rows) + 1
    with transaction.atomic():
        if digest is not None:
            Digest.objects.filter(pk=digest.pk, sent_at__isnull=True).delete()
        release(rows, token=token, until=now + backoff(attempts), failed=True)
