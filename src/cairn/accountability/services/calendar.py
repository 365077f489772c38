"""Calendar feeds ("connect your calendars"): a person's deadlines and review meetings, and
a pact's shared deadlines, as iCalendar (RFC 5545) built with the `icalendar` library.

- Deadlines of goals and micro-goals are all-day events (DTSTART;VALUE=DATE); in the
  personal feed each dated micro-goal is a task (VTODO) too. Review meetings are timed
  events in UTC lasting an hour.
- The personal feed carries VALARMs at the person's lead times (at 09:00 on each lead day,
  relative to the start, so an app moves them with the date), only those still to come. The
  pact feed carries none: each person has their own alarms in their own feed, and a shared
  feed would ring twice.
- UIDs name the object, never the fetch (`goal-12-deadline@HOST`, `step-34@HOST`,
  `review-5@HOST`, HOST being SITE_URL's host and port; the pact feed prefixes `pact-3-`), so
  apps update instead of duplicating, and two Cairn instances never share a UID.
- SEQUENCE, LAST-MODIFIED and DTSTAMP come from the objects' timestamps: two fetches of
  unchanged data give the same bytes.
- Money amounts appear in the owner's own feed; in a pact feed they are masked as on the
  shared goal page (`privacy`) unless the owner ticked "show money" for that goal.
- Queries per feed are constant in the number of goals (steps are prefetched).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from icalendar import Alarm, Calendar, Component, Event, Todo
from icalendar.prop import vDuration

from cairn.accountability.access import active_pacts, shared_in_pact
from cairn.accountability.models import (
    DEFAULT_LEAD_DAYS,
    FeedToken,
    Pact,
    ReminderSettings,
    Review,
    new_feed_token,
)
from cairn.accountability.privacy import is_money_goal, masked_statement
from cairn.accounts.models import User
from cairn.goals.access import owned_goals
from cairn.goals.models import Goal, Status, Step

ALARM_HOUR = 9  # alarms ring at 09:00 (floating: the calendar's own time zone)
REVIEW_LENGTH = dt.timedelta(hours=1)
REVIEW_ALARMS = (dt.timedelta(days=1), dt.timedelta(hours=1))
FEED_STATUSES = (Status.ACTIVE, Status.PAUSED)
EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # SEQUENCE counts seconds from here
PRODID = "-//Cairn//Calendar feed//EN"
REFRESH = dt.timedelta(hours=4)


@dataclass(frozen=True)
class Style:
    """How one feed writes its events: for whom, with which alarms and money shown or not."""

    uid_prefix: str = ""
    lead_days: tuple[int, ...] = ()
    pact: Pact | None = None  # a pact feed: label each event with whose goal it is
    viewer: User | None = None  # a personal feed: name the other side of a pact review


def uid_domain() -> str:
    """The part after the @ of every UID: this instance's host, and its port after a dash
    (CalDAV servers name stored events after their UID, and refuse a colon there)."""
    return urlsplit(settings.SITE_URL).netloc.replace(":", "-") or "cairn"


# --- the feed tokens -------------------------------------------------------------------


def feed_token(user: User) -> FeedToken | None:
    return FeedToken.objects.filter(user=user).first()


@transaction.atomic
def regenerate_token(user: User) -> FeedToken:
    """A new secret URL; the old one answers 404 from now on."""
    token, _ = FeedToken.objects.update_or_create(user=user, defaults={"token": new_feed_token()})
    return token


def revoke_token(user: User) -> None:
    FeedToken.objects.filter(user=user).delete()


def feed_path(token: str) -> str:
    return f"/feeds/{token}.ics"


def pact_feed_path(token: str) -> str:
    return f"/feeds/pact/{token}.ics"


# --- the feeds ---------------------------------------------------------------------------


def lead_days(user: User) -> tuple[int, ...]:
    chosen = ReminderSettings.objects.filter(user=user).values_list("lead_days", flat=True)
    days = next(iter(chosen), None) or DEFAULT_LEAD_DAYS
    return tuple(sorted({int(day) for day in days if int(day) > 0}, reverse=True))


def _with_steps(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    dated = Step.objects.filter(deadline__isnull=False).order_by("deadline", "order", "id")
    return goals.filter(status__in=FEED_STATUSES).prefetch_related(Prefetch("steps", dated))


def personal_calendar(user: User) -> Calendar:
    """A person's feed: their active and paused goals' deadlines, their review meetings."""
    style = Style(lead_days=lead_days(user), viewer=user)
    cal = _calendar(f"Cairn: {user.get_username()}'s goals", _time_zone(user))
    goals = _with_steps(owned_goals(user))
    _add_goals(cal, goals, style)
    pacts = active_pacts(user)
    reviews = Review.objects.filter(Q(owner=user, pact__isnull=True) | Q(pact__in=pacts))
    for review in reviews.select_related("pact__first", "pact__second"):
        cal.add_component(review_event(review, style))
    return cal


def pact_calendar(pact: Pact) -> Calendar:
    """A pact's feed: both people's shared deadlines, labelled, and the pact's reviews."""
    style = Style(uid_prefix=f"pact-{pact.pk}-", pact=pact)
    names = f"{pact.first.get_username()} & {pact.second.get_username()}"
    cal = _calendar(f"Cairn: {names}", None)
    goals = _with_steps(shared_in_pact(pact).select_related("owner", "sharing"))
    _add_goals(cal, goals, style)
    for review in Review.objects.filter(pact=pact).select_related("pact__first", "pact__second"):
        cal.add_component(review_event(review, style))
    return cal


def to_bytes(cal: Calendar) -> bytes:
    return bytes(cal.to_ical())


def _time_zone(user: User) -> str | None:
    profile = getattr(user, "profile", None)
    return profile.time_zone if profile is not None else None


def _calendar(name: str, time_zone: str | None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    if time_zone:
        cal.add("x-wr-timezone", time_zone)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))  # a duration (PT4H), not "4:00:00"
    return cal


def _add_goals(cal: Calendar, goals: Iterable[Goal], style: Style) -> None:
    for goal in goals:
        if goal.deadline is not None:
            cal.add_component(goal_event(goal, style))
        for step in goal.steps.all():
            cal.add_component(step_event(goal, step, style))
            if style.pact is None:  # one's own to-dos; a buddy's are not tasks of the viewer
                cal.add_component(step_task(goal, step, style))


# --- the events --------------------------------------------------------------------------


def goal_event(goal: Goal, style: Style) -> Event:
    assert goal.deadline is not None
    event = _all_day(f"{style.uid_prefix}goal-{goal.pk}-deadline", goal.deadline)
    statement = _text(goal.statement, goal, style)
    event.add("summary", _label(goal, style, "deadline") + statement + _paused(goal))
    event.add("description", _goal_description(goal, style))
    _stamp(event, goal.updated_at)
    _link(event, goal, style)
    if goal.status == Status.ACTIVE:
        _deadline_alarms(event, goal.deadline, style, f"Deadline: {statement}")
    return event


def step_event(goal: Goal, step: Step, style: Style) -> Event:
    assert step.deadline is not None
    event = _all_day(f"{style.uid_prefix}step-{step.pk}", step.deadline)
    title = _text(step.title, goal, style)
    done = "Done: " if step.is_done else ""
    event.add("summary", done + _label(goal, style, "micro-goal") + title + _paused(goal))
    event.add("description", f"A micro-goal of: {_text(goal.statement, goal, style)}")
    stamps = (goal.updated_at, step.created_at, step.completed_at, _updated(step))
    _stamp(event, max(stamp for stamp in stamps if stamp is not None))
    _link(event, goal, style)
    if goal.status == Status.ACTIVE and not step.is_done:
        _deadline_alarms(event, step.deadline, style, f"Micro-goal due: {title}")
    return event


def step_task(goal: Goal, step: Step, style: Style) -> Todo:
    """The micro-goal as a task too, for apps that list tasks (a VTODO: due, done or not)."""
    task = Todo()
    task.add("uid", f"{style.uid_prefix}step-{step.pk}-task@{uid_domain()}")
    task.add("summary", step.title)
    task.add("description", f"A micro-goal of: {goal.statement}")
    if step.deadline is not None:
        task.add("due", step.deadline)
    task.add("status", "COMPLETED" if step.is_done else "NEEDS-ACTION")
    if step.completed_at is not None:
        task.add("completed", step.completed_at.astimezone(dt.UTC).replace(microsecond=0))
    stamps = (goal.updated_at, step.created_at, step.completed_at, _updated(step))
    _stamp(task, max(stamp for stamp in stamps if stamp is not None))
    _link(task, goal, style)
    return task


def review_event(review: Review, style: Style) -> Event:
    event = Event()
    event.add("uid", f"{style.uid_prefix}review-{review.pk}@{uid_domain()}")
    start = review.scheduled_for.astimezone(dt.UTC)
    event.add("dtstart", start)
    event.add("dtend", start + REVIEW_LENGTH)
    summary = _review_summary(review, style)
    event.add("summary", summary + (" (held)" if review.held_at else ""))
    event.add(
        "description",
        "Go through each goal: progress and pace since the last review, what changed, "
        "then keep, adjust, pause or abandon it.",
    )
    stamps = [stamp for stamp in (review.held_at, _updated(review)) if stamp is not None]
    _stamp(event, max(stamps) if stamps else None)
    if style.lead_days and review.held_at is None:
        for before in REVIEW_ALARMS:
            if start - before >= timezone.now():  # none that has already passed
                event.add_component(_alarm(-before, summary))
    return event


def _review_summary(review: Review, style: Style) -> str:
    pact = review.pact
    if pact is None:
        return "Review your goals"
    if style.viewer is not None:
        other = pact.second if style.viewer.pk == pact.first_id else pact.first
        return f"Review with {other.get_username()}"
    return f"Review: {pact.first.get_username()} & {pact.second.get_username()}"


def _all_day(uid: str, day: dt.date) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{uid_domain()}")
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return event


def _stamp(event: Component, modified: dt.datetime | None) -> None:
    when = (modified or EPOCH).astimezone(dt.UTC).replace(microsecond=0)
    event.add("dtstamp", when)
    if modified is not None:
        event.add("last-modified", when)
    event.add("sequence", max(0, int((when - EPOCH).total_seconds())))


def _updated(obj: object) -> dt.datetime | None:
    """An `updated_at` where the model has one (micro-goals and reviews may gain it)."""
    value = getattr(obj, "updated_at", None)
    return value if isinstance(value, dt.datetime) else None


def _link(event: Component, goal: Goal, style: Style) -> None:
    if style.pact is None:
        event.add("url", f"{settings.SITE_URL}/goals/{goal.pk}/")


def _deadline_alarms(event: Event, day: dt.date, style: Style, text: str) -> None:
    """An alarm on each lead day still to come (one already past would ring at once when the
    feed is fetched, for nothing)."""
    today = timezone.localdate()
    for days in style.lead_days:
        if day - dt.timedelta(days=days) < today:
            continue
        trigger = -dt.timedelta(days=days) + dt.timedelta(hours=ALARM_HOUR)
        event.add_component(_alarm(trigger, f"{_in_days(days)}: {text}"))


def _alarm(trigger: dt.timedelta, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger, parameters={"RELATED": "START"})
    return alarm


def _in_days(days: int) -> str:
    if days == 1:
        return "Tomorrow"
    if days % 7 == 0:
        weeks = days // 7
        return f"In {weeks} week{'s' if weeks > 1 else ''}"
    return f"In {days} days"


def _label(goal: Goal, style: Style, what: str) -> str:
    if style.pact is None:
        return "Deadline: " if what == "deadline" else "Micro-goal: "
    return f"{goal.owner.get_username()}'s {what}: "


def _paused(goal: Goal) -> str:
    return " (paused)" if goal.status == Status.PAUSED else ""


def _goal_description(goal: Goal, style: Style) -> str:
    lines = [_text(goal.statement, goal, style)]
    if goal.metric_target is not None and _money_shown(goal, style):
        start = f"{goal.metric_baseline:,} → " if goal.metric_baseline is not None else ""
        lines.append(f"Target: {start}{goal.metric_target:,} {goal.metric_unit}".rstrip())
    if style.pact is not None:
        lines.append(f"A goal of {goal.owner.get_username()}'s, shared in your pact.")
    return "\n".join(lines)


# --- money stays private -----------------------------------------------------------------


def _money_shown(goal: Goal, style: Style) -> bool:
    if style.pact is None or not is_money_goal(goal):
        return True  # one's own feed, or a goal about something else than pay
    sharing = getattr(goal, "sharing", None)  # select_related: no query
    return bool(sharing and sharing.show_money)


def _text(text: str, goal: Goal, style: Style) -> str:
    return text if _money_shown(goal, style) else masked_statement(text)
