"""Planning reminders: which reminder each person is due, on which day of theirs.

`plan(now)` runs at every pass of the worker, before sending. It computes the reminders
that are due now (in each recipient's time zone) and writes the missing ones; the unique
(recipient, key) makes planning twice harmless. A pending reminder that no longer applies
(goal paused or achieved, deadline moved, pact ended, goal unshared, kind unsubscribed) is
dropped; a deleted goal's reminders go with it through the foreign key.

Only what is due is planned, never weeks ahead, so changed lead times or deadlines need no
clean-up. A worker that was stopped catches up on what fell due in the last CATCHUP_DAYS,
with one reminder per deadline: the most recent lead time that fell due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Max, Q

from cairn.accountability.access import shared_in_pact
from cairn.accountability.models import DEFAULT_LEAD_DAYS, Pact, Reminder, Review
from cairn.accounts.models import User
from cairn.goals.models import Goal, Status, Step

Kind = Reminder.Kind
CATCHUP_DAYS = 7
# A person's email day starts at 07:00 their time: nobody gets reminders at midnight.
DAY_STARTS_AT = dt.timedelta(hours=7)
UTC = ZoneInfo("UTC")
SETTINGS_FLAGS = {
    Kind.DEADLINE: "deadline_emails",
    Kind.BUDDY: "buddy_emails",
    Kind.NUDGE: "nudge_emails",
    Kind.REVIEW: "review_emails",
}


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def local_day(now: dt.datetime, tz: ZoneInfo) -> dt.date:
    """The person's email day at `now`: their calendar date, starting at DAY_STARTS_AT."""
    return (now.astimezone(tz) - DAY_STARTS_AT).date()


def day_start(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """When `day` starts for a person: the earliest its reminders go out."""
    return dt.datetime.combine(day, dt.time(), tzinfo=tz) + DAY_STARTS_AT


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    tz: ZoneInfo
    today: dt.date
    lead_days: tuple[int, ...]
    nudge_after: int
    kinds: frozenset[str]

    def lead_due(
        self, deadline: dt.date, since: dt.datetime | None = None
    ) -> tuple[int, dt.date] | None:
        """The lead time now due for `deadline`, the most recent that fell due, if any.

        Lead days that passed before the goal existed (`since`) are not caught up on.
        """
        if deadline < self.today:
            return None
        first = since.astimezone(self.tz).date() if since else dt.date.min
        fallen = [(lead, deadline - dt.timedelta(lead)) for lead in self.lead_days]
        fallen = [(lead, day) for lead, day in fallen if first <= day <= self.today]
        if not fallen:
            return None
        lead, day = min(fallen)
        return (lead, day) if day >= self.today - dt.timedelta(CATCHUP_DAYS) else None


@dataclass(frozen=True)
class Planned:
    recipient_id: int
    kind: str
    key: str
    due_on: dt.date
    text: str
    goal_id: int | None = None
    step_id: int | None = None
    review_id: int | None = None

    def row(self) -> Reminder:
        return Reminder(
            recipient_id=self.recipient_id, kind=self.kind, key=self.key, due_on=self.due_on,
            text=self.text[:300], goal_id=self.goal_id, step_id=self.step_id,
            review_id=self.review_id,
        )  # fmt: skip


# --- people -------------------------------------------------------------------------------

PERSON_FIELDS = (
    "id", "username", "first_name", "profile__time_zone", "reminder_settings__lead_days",
    "reminder_settings__nudge_after_days",
    *(f"reminder_settings__{flag}" for flag in SETTINGS_FLAGS.values()),
)  # fmt: skip


def load_people(now: dt.datetime) -> dict[int, Person]:
    return {row["id"]: person_from(row, now) for row in User.objects.values(*PERSON_FIELDS)}


def person_from(row: dict[str, Any], now: dt.datetime) -> Person:
    tz = zone(row["profile__time_zone"])
    leads = row["reminder_settings__lead_days"] or DEFAULT_LEAD_DAYS
    kinds = [k for k, f in SETTINGS_FLAGS.items() if row[f"reminder_settings__{f}"] is not False]
    return Person(
        id=row["id"],
        name=row["first_name"] or row["username"],
        tz=tz,
        today=local_day(now, tz),
        lead_days=tuple(sorted({int(d) for d in leads if 0 <= int(d) <= 366}, reverse=True)),
        nudge_after=row["reminder_settings__nudge_after_days"] or 14,
        kinds=frozenset(kinds),
    )


# --- wording ------------------------------------------------------------------------------

WHEN = {0: "today", 1: "tomorrow", 7: "in a week", 14: "in two weeks", 28: "in four weeks"}


def when(day: dt.date, today: dt.date) -> str:
    days = (day - today).days
    return f"{WHEN.get(days, f'in {days} days')} ({day:%a} {day.day} {day:%b})"


# --- what is due --------------------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    """A goal's or micro-goal's deadline, and how its reminders read."""

    thing: str  # "goal" or "step"
    pk: int
    goal_id: int
    owner_id: int
    day: dt.date
    since: dt.datetime
    own_text: str  # "{when}" is filled in for each recipient
    buddy_text: str  # and "{owner}"

    @property
    def step_id(self) -> int | None:
        return self.pk if self.thing == "step" else None


def deadlines() -> Iterator[Deadline]:
    goals = Goal.objects.filter(status=Status.ACTIVE, deadline__isnull=False)
    for pk, owner, day, since, statement in goals.values_list(
        "id", "owner_id", "deadline", "created_at", "statement"
    ):
        assert day is not None
        own = f"Deadline {{when}}: {statement}"
        theirs = f"{{owner}}'s deadline {{when}}: {statement}"
        yield Deadline("goal", pk, pk, owner, day, since, own, theirs)
    steps = Step.objects.filter(
        goal__status=Status.ACTIVE, completed_at__isnull=True, deadline__isnull=False
    )
    for pk, goal_id, owner, day, since, title, statement in steps.values_list(
        "id", "goal_id", "goal__owner_id", "deadline", "created_at", "title", "goal__statement"
    ):
        assert day is not None
        own = f"Micro-goal due {{when}}: {title} (for “{statement}”)"
        theirs = f"{{owner}}'s micro-goal due {{when}}: {title}"
        yield Deadline("step", pk, goal_id, owner, day, since, own, theirs)


def deadline_reminders(people: dict[int, Person]) -> Iterator[Planned]:
    """To the owner, and to each buddy the goal is shared with."""
    buddies = buddies_by_goal()
    for deadline in deadlines():
        owner = people.get(deadline.owner_id)
        if owner is None:
            continue
        yield from _deadline(deadline, owner, Kind.DEADLINE, deadline.own_text, owner.name)
        for buddy in buddies.get(deadline.goal_id, ()):
            if buddy in people:
                text = deadline.buddy_text
                yield from _deadline(deadline, people[buddy], Kind.BUDDY, text, owner.name)


def _deadline(
    deadline: Deadline, recipient: Person, kind: str, text: str, owner: str
) -> Iterator[Planned]:
    due = recipient.lead_due(deadline.day, deadline.since) if kind in recipient.kinds else None
    if due is None:
        return
    lead, day = due
    yield Planned(
        recipient_id=recipient.id,
        kind=kind,
        key=f"{kind}:{deadline.thing}:{deadline.pk}:{deadline.day}:lead:{lead}",
        due_on=day,
        text=text.format(when=when(deadline.day, recipient.today), owner=owner),
        goal_id=deadline.goal_id,
        step_id=deadline.step_id,
    )


def buddies_by_goal() -> dict[int, set[int]]:
    """Active goals shared with a buddy -> the buddies who see them (active pacts only)."""
    seen: dict[int, set[int]] = {}
    for pact in Pact.objects.filter(ended_at__isnull=True):
        shared = shared_in_pact(pact).filter(status=Status.ACTIVE)
        for goal_id, owner_id in shared.values_list("id", "owner_id"):
            seen.setdefault(goal_id, set()).add(pact.other(owner_id))
    return seen


def nudges(people: dict[int, Person], now: dt.datetime) -> Iterator[Planned]:
    """Every `nudge_after` days of silence on an active goal, one nudge."""
    goals = Goal.objects.filter(status=Status.ACTIVE).annotate(last=Max("check_ins__date"))
    for g in goals.values("id", "owner_id", "statement", "last", "activated_at", "created_at"):
        person = people.get(g["owner_id"])
        if person is None or Kind.NUDGE not in person.kinds:
            continue
        since = g["last"] or (g["activated_at"] or g["created_at"]).astimezone(person.tz).date()
        silent = (person.today - since).days
        if silent < person.nudge_after:
            continue
        due_on = since + dt.timedelta(silent - silent % person.nudge_after)
        if due_on < person.today - dt.timedelta(CATCHUP_DAYS):
            continue
        yield Planned(
            recipient_id=person.id,
            kind=Kind.NUDGE,
            key=f"nudge:goal:{g['id']}:{due_on}",
            due_on=due_on,
            text=f"No check-in for {silent} days: {g['statement']}",
            goal_id=g["id"],
        )


def review_reminders(people: dict[int, Person], now: dt.datetime) -> Iterator[Planned]:
    """Both sides of a pact's review meeting (or the one person of a solo review)."""
    soon = Q(scheduled_for__gt=now, scheduled_for__lte=now + dt.timedelta(days=368))
    active = Q(pact__isnull=True) | Q(pact__ended_at__isnull=True)
    open_reviews = Review.objects.filter(soon, active, held_at__isnull=True)
    fields = ("id", "scheduled_for", "owner_id", "pact__first_id", "pact__second_id")
    for r in open_reviews.values(*fields):
        pair = [r["pact__first_id"], r["pact__second_id"]]
        for me in [p for p in pair if p] or [r["owner_id"]]:
            yield from _review(people, r, me, next((p for p in pair if p and p != me), None))


def _review(
    people: dict[int, Person], review: dict[str, Any], me: int, other: int | None
) -> Iterator[Planned]:
    person = people.get(me)
    if person is None or Kind.REVIEW not in person.kinds:
        return
    at = review["scheduled_for"].astimezone(person.tz)
    due = person.lead_due(at.date())
    if due is None:
        return
    lead, day = due
    with_whom = f"with {people[other].name} " if other in people else ""
    yield Planned(
        recipient_id=me,
        kind=Kind.REVIEW,
        key=f"review:{review['id']}:{at:%Y-%m-%dT%H:%M}:lead:{lead}",
        due_on=day,
        text=f"Review meeting {with_whom}{when(at.date(), person.today)} at {at:%H:%M}",
        review_id=review["id"],
    )


# --- writing the plan ---------------------------------------------------------------------


def due_now(now: dt.datetime) -> list[Planned]:
    people = load_people(now)
    found = [
        *deadline_reminders(people),
        *nudges(people, now),
        *review_reminders(people, now),
    ]
    return list({(p.recipient_id, p.key): p for p in found}.values())


def plan(now: dt.datetime) -> int:
    """Write the reminders due at `now`; drop pending ones that no longer apply.

    Returns how many reminders were added.
    """
    fresh = {(p.recipient_id, p.key): p for p in due_now(now)}
    refresh_pending(fresh)
    oldest = min((p.due_on for p in fresh.values()), default=None)
    if oldest is None:
        return 0
    known = Reminder.objects.filter(due_on__gte=oldest).values_list("recipient_id", "key")
    missing = fresh.keys() - set(known)
    rows = [fresh[key].row() for key in missing]
    Reminder.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(rows)


def refresh_pending(fresh: dict[tuple[int, str], Planned]) -> None:
    """Unsent, unclaimed reminders: drop those no longer due, reword the others."""
    pending = Reminder.objects.filter(sent_at__isnull=True, claimed_at__isnull=True)
    gone, reworded = [], []
    for row in pending.only("id", "recipient_id", "key", "text"):
        planned = fresh.get((row.recipient_id, row.key))
        if planned is None:
            gone.append(row.pk)
        elif planned.text[:300] != row.text:
            row.text = planned.text[:300]
            reworded.append(row)
    for chunk in chunks(gone, 500):
        # Claimed meanwhile by a worker: not ours to drop any more.
        Reminder.objects.filter(pk__in=chunk, claimed_at__isnull=True).delete()
    Reminder.objects.bulk_update(reworded, ["text"], batch_size=500)


def chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
