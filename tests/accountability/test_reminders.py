"""Reminders by email: lead times, time zones, buddies, nudges, reviews, the daily digest.

Mail goes to a real SMTP server (aiosmtpd on loopback); time moves only when a test passes
a later `now` to run_once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cairn.accountability.models import Pact, Reminder, ReminderSettings, Review
from cairn.accountability.services import sharing
from cairn.accountability.services.reminders import plan
from cairn.accountability.worker import run_once
from cairn.accounts.models import Profile, User
from cairn.goals import services
from cairn.goals.models import Goal, Status
from tests.accountability.conftest import MailServer
from tests.accountability.helpers import make_pact
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def settle(user: User, **fields: Any) -> None:
    ReminderSettings.objects.update_or_create(user=user, defaults=fields)


def quiet(*users: User) -> None:
    """No nudges: tests about deadlines stay about deadlines."""
    for user in users:
        settle(user, nudge_emails=False)


def run_days(start: dt.datetime, days: int) -> None:
    for n in range(days):
        run_once(now=start + n * DAY)


def shared_goal(owner: User, pact: Pact, statement: str, deadline: dt.date) -> Goal:
    goal = make_goal(owner, statement, deadline=deadline)
    return sharing.share(goal, by=owner, visibility="buddy", pacts=[pact])


def test_the_owner_is_reminded_at_each_default_lead_time(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice)
    make_goal(alice, "Run a 10K race", deadline=today + 30 * DAY)
    sent_on = []
    for n in range(31):
        before = len(mail_server.messages)
        run_once(now=noon + n * DAY)
        if len(mail_server.messages) > before:
            sent_on.append(30 - n)
    assert sent_on == [28, 14, 7, 1]
    subjects = [m["Subject"] for m in mail_server.messages]
    assert [s.split(" (")[0] for s in subjects] == [
        "Deadline in four weeks",
        "Deadline in two weeks",
        "Deadline in a week",
        "Deadline tomorrow",
    ]
    assert all(s.endswith(": Run a 10K race") for s in subjects)
    assert mail_server.recipients == [["alice@example.com"]] * 4


def test_lead_times_are_the_persons_own(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    settle(alice, lead_days=[3], nudge_emails=False)
    make_goal(alice, "Ship the portfolio", deadline=today + 10 * DAY)
    run_days(noon, 11)
    assert len(mail_server.messages) == 1
    assert "in 3 days" in mail_server.messages[0]["Subject"]


def test_micro_goal_deadlines_are_reminded_too(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice)
    goal = make_goal(alice, "Become a team lead")
    services.add_step(goal, title="Ask for feedback", deadline=today + 7 * DAY)
    done = services.add_step(goal, title="Done already", deadline=today + 7 * DAY)
    done.completed_at = noon
    done.save()
    run_once(now=noon)
    [text] = mail_server.texts()
    assert "Micro-goal due in a week" in text and "Ask for feedback" in text
    assert "Done already" not in text


def test_the_day_is_the_persons_own(
    alice: User, bob: User, mail_server: MailServer, today: dt.date
) -> None:
    """Auckland's day starts long before UTC's: alice's 07:00 comes first."""
    quiet(alice, bob)
    Profile.objects.filter(user=alice).update(time_zone="Pacific/Auckland")
    Profile.objects.filter(user=bob).update(time_zone="America/Los_Angeles")
    deadline = today + 10 * DAY
    make_goal(alice, "Alice's goal", deadline=deadline)
    make_goal(bob, "Bob's goal", deadline=deadline)
    due = deadline - 7 * DAY  # the one-week reminder, on each person's own date
    auckland = dt.datetime.combine(due, dt.time(7, 30), tzinfo=dt.timezone(dt.timedelta(hours=13)))
    run_once(now=auckland - dt.timedelta(hours=1))  # 06:30 in Auckland: not yet
    assert mail_server.messages == []
    run_once(now=auckland + dt.timedelta(hours=1))  # ~08:30 there, still the day before in LA
    assert [r[0] for r in mail_server.recipients] == ["alice@example.com"]
    los_angeles = dt.datetime.combine(due, dt.time(8), tzinfo=dt.timezone(dt.timedelta(hours=-7)))
    run_once(now=los_angeles)
    assert [r[0] for r in mail_server.recipients] == ["alice@example.com", "bob@example.com"]


def test_a_buddy_is_reminded_of_shared_goals_only(
    alice: User,
    bob: User,
    charlie: User,
    mail_server: MailServer,
    noon: dt.datetime,
    today: dt.date,
) -> None:
    quiet(alice, bob, charlie)
    pact = make_pact(alice, bob)
    shared_goal(alice, pact, "Publish a paper", today + 7 * DAY)
    make_goal(alice, "A private goal", deadline=today + 7 * DAY)
    run_once(now=noon)
    [to_bob] = mail_server.to("bob@example.com")
    text = to_bob.get_body(("plain",)).get_content()
    assert "alice's deadline in a week" in text and "Publish a paper" in text
    assert "private" not in text
    assert mail_server.to("charlie@example.com") == []
    assert len(mail_server.to("alice@example.com")) == 1  # both her goals, one email


def test_buddy_reminders_stop_when_the_pact_ends(
    alice: User, bob: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice, bob)
    pact = make_pact(alice, bob)
    shared_goal(alice, pact, "Publish a paper", today + 8 * DAY)
    Pact.objects.filter(pk=pact.pk).update(ended_at=noon)
    run_once(now=noon + DAY)
    assert mail_server.to("bob@example.com") == []
    assert len(mail_server.to("alice@example.com")) == 1


def test_a_pending_buddy_reminder_is_dropped_when_the_pact_ends(
    alice: User, bob: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice, bob)
    pact = make_pact(alice, bob)
    shared_goal(alice, pact, "Publish a paper", today + 7 * DAY)
    mail_server.refuse = "451 Try again later"
    run_once(now=noon)
    assert Reminder.objects.filter(recipient=bob, sent_at__isnull=True).count() == 1
    Pact.objects.filter(pk=pact.pk).update(ended_at=noon)
    mail_server.refuse = None
    run_once(now=noon + DAY)
    assert mail_server.to("bob@example.com") == []
    assert not Reminder.objects.filter(recipient=bob).exists()


def test_a_nudge_after_fourteen_days_without_a_check_in(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    goal = make_goal(alice, "Read 12 books")
    services.record_check_in(goal, date=today, note="Started")
    run_days(noon, 14)
    assert mail_server.messages == []
    run_once(now=noon + 14 * DAY)
    [text] = mail_server.texts()
    assert "No check-in for 14 days: Read 12 books" in text
    services.record_check_in(goal, date=today + 15 * DAY, today=today + 15 * DAY)
    run_days(noon + 15 * DAY, 14)
    assert len(mail_server.messages) == 1
    run_once(now=noon + 29 * DAY)
    assert len(mail_server.messages) == 2


def test_no_reminders_for_paused_goals(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    goal = make_goal(alice, "On hold", deadline=today + 7 * DAY)
    Goal.objects.filter(pk=goal.pk).update(status=Status.PAUSED)
    run_days(noon, 20)
    assert mail_server.messages == []


def test_a_review_meeting_reminds_both_sides(
    alice: User, bob: User, mail_server: MailServer, noon: dt.datetime
) -> None:
    quiet(alice, bob)
    pact = make_pact(alice, bob)
    Review.objects.create(pact=pact, scheduled_for=noon + 7 * DAY + dt.timedelta(hours=6))
    run_once(now=noon)
    assert sorted(r[0] for r in mail_server.recipients) == ["alice@example.com", "bob@example.com"]
    [to_alice] = mail_server.to("alice@example.com")
    assert to_alice["Subject"].startswith("Review meeting with bob in a week")


def test_same_day_reminders_come_as_one_digest(
    alice: User, bob: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice, bob)
    pact = make_pact(bob, alice)
    make_goal(alice, "Goal one", deadline=today + 7 * DAY)
    make_goal(alice, "Goal two", deadline=today + DAY)
    goal = make_goal(alice, "Goal three")
    services.add_step(goal, title="Step of three", deadline=today + 14 * DAY)
    shared_goal(bob, pact, "Bob's shared goal", today + 28 * DAY)
    run_once(now=noon)
    run_once(now=noon + dt.timedelta(hours=1))
    [digest] = mail_server.to("alice@example.com")
    assert digest["Subject"].startswith("Cairn: 4 reminders for")
    text = digest.get_body(("plain",)).get_content()
    for line in ("Goal one", "Goal two", "Step of three", "bob's deadline in four weeks"):
        assert line in text
    assert text.index("Your deadlines") < text.index("Your buddies' deadlines")


def test_a_reminder_that_falls_due_after_the_days_email_waits_for_the_next_day(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice)
    make_goal(alice, "Morning goal", deadline=today + 7 * DAY)
    run_once(now=noon)
    make_goal(alice, "Afternoon goal", deadline=today + DAY)
    run_once(now=noon + dt.timedelta(hours=3))
    assert len(mail_server.messages) == 1
    run_once(now=noon + DAY)
    assert len(mail_server.messages) == 2
    assert "Afternoon goal" in mail_server.texts()[1]


def test_after_a_day_of_downtime_what_fell_due_comes_as_one_digest(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice)
    make_goal(alice, "Due on day one", deadline=today + 8 * DAY)  # a-week reminder: day 1
    make_goal(alice, "Due on day two", deadline=today + 3 * DAY)  # tomorrow: day 2
    run_once(now=noon)  # day 0: nothing due
    assert mail_server.messages == []
    run_once(now=noon + 2 * DAY + dt.timedelta(hours=1))  # back after missing day 1
    [text] = mail_server.texts()
    assert "Due on day one" in text and "Due on day two" in text
    run_days(noon + 3 * DAY, 1)
    assert len(mail_server.messages) == 1


def test_smtp_refusal_is_retried_with_backoff_then_sent_once(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice)
    make_goal(alice, "Keep trying", deadline=today + 7 * DAY)
    mail_server.refuse = "451 4.3.0 Try again later"
    run_once(now=noon)
    reminder = Reminder.objects.get()
    assert (reminder.attempts, reminder.sent_at, reminder.claimed_by) == (1, None, "")
    assert reminder.next_attempt_at == noon + dt.timedelta(minutes=1)
    run_once(now=noon + dt.timedelta(seconds=30))  # too early: not even tried
    assert mail_server.tries == 1
    run_once(now=noon + dt.timedelta(minutes=1))
    reminder.refresh_from_db()
    assert reminder.attempts == 2
    assert reminder.next_attempt_at == noon + dt.timedelta(minutes=3)  # 1 + 2
    mail_server.refuse = None
    run_once(now=noon + dt.timedelta(minutes=3))
    run_once(now=noon + dt.timedelta(minutes=10))
    assert len(mail_server.messages) == 1
    reminder.refresh_from_db()
    assert reminder.sent_at == noon + dt.timedelta(minutes=3)


def test_a_stopped_smtp_server_loses_nothing(
    alice: User, bob: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice, bob)
    make_goal(alice, "Alice's goal", deadline=today + 7 * DAY)
    make_goal(bob, "Bob's goal", deadline=today + 7 * DAY)
    mail_server.stop()
    report = run_once(now=noon)
    assert (report.emails, report.failures) == (0, 2)
    assert set(Reminder.objects.values_list("attempts", flat=True)) == {1}
    mail_server.start()
    run_once(now=noon + dt.timedelta(minutes=2))
    run_once(now=noon + dt.timedelta(minutes=5))
    assert sorted(r[0] for r in mail_server.recipients) == ["alice@example.com", "bob@example.com"]


def test_a_deleted_goals_pending_reminders_are_dropped(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice)
    goal = make_goal(alice, "Soon gone", deadline=today + 7 * DAY)
    services.add_step(goal, title="Its step", deadline=today + DAY)
    plan(noon)
    assert Reminder.objects.count() == 2
    services.delete_goal(goal, by=alice)
    assert not Reminder.objects.exists()
    run_once(now=noon)
    assert mail_server.messages == []


def test_planning_twice_plans_once(alice: User, noon: dt.datetime, today: dt.date) -> None:
    make_goal(alice, "Once", deadline=today + 7 * DAY)
    assert plan(noon) == 1
    assert plan(noon) == 0
    assert plan(noon + dt.timedelta(hours=1)) == 0
    assert Reminder.objects.get().key.startswith("deadline:goal:")


def test_unread_notices_ride_along_in_the_digest(
    alice: User, bob: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice, bob)
    pact = make_pact(alice, bob)
    goal = shared_goal(alice, pact, "Publish a paper", today + 7 * DAY)
    sharing.comment(goal, author=bob, text="You can do it!")
    run_once(now=noon)
    [to_alice] = mail_server.to("alice@example.com")
    text = to_alice.get_body(("plain",)).get_content()
    assert "In Cairn since your last email" in text and "You can do it!" in text
