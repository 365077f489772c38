"""The worker: two copies at once, crashed copies, `cairn worker` and the in-process hook."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from typing import Any

import pytest
from click.testing import CliRunner
from django.db import connection

from cairn.accountability import worker
from cairn.accountability.models import Digest, Reminder
from cairn.accountability.services import delivery
from cairn.accountability.services.delivery import backoff, claim
from cairn.accountability.services.reminders import plan
from cairn.accountability.worker import run_once
from cairn.accounts.models import Profile, User
from cairn.cli import main
from cairn.cli import serve as serve_module
from tests.accountability.conftest import MailServer
from tests.accountability.test_reminders import DAY, quiet
from tests.conftest import make_goal, make_user

PEOPLE, GOALS_EACH = 12, 3


def test_backoff_doubles_up_to_six_hours() -> None:
    waits = [backoff(n).total_seconds() / 60 for n in range(1, 12)]
    assert waits[:5] == [1, 2, 4, 8, 16]
    assert max(waits) == 6 * 60


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="in-memory SQLite fails concurrent writers at once: test_worker_processes.py",
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_reminder_once(
    mail_server: MailServer, noon: dt.datetime, today: dt.date, monkeypatch: Any
) -> None:
    monkeypatch.setattr(delivery, "PEOPLE_PER_BATCH", 2)  # many small claims: they interleave
    people = [make_user(f"person{n}") for n in range(PEOPLE)]
    quiet(*people)
    for person in people:
        for g in range(GOALS_EACH):
            make_goal(person, f"Goal {g}", deadline=today + (1, 7, 14)[g] * DAY)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    reports: list[worker.Report] = []

    def work() -> None:
        try:
            barrier.wait()
            reports.append(run_once(now=noon))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(report.emails for report in reports) == PEOPLE
    assert Counter(r[0] for r in mail_server.recipients) == {
        f"person{n}@example.com": 1 for n in range(PEOPLE)
    }
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 0
    assert Reminder.objects.count() == PEOPLE * GOALS_EACH
    assert all("Cairn: 3 reminders" in m["Subject"] for m in mail_server.messages)


@pytest.mark.django_db
def test_a_crashed_workers_claims_are_taken_over_after_a_timeout(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice)
    make_goal(alice, "Claimed, never sent", deadline=today + 7 * DAY)
    plan(noon)
    assert len(claim(now=noon, token="crashed")) == 1  # ... and the worker dies here
    run_once(now=noon + dt.timedelta(minutes=5))
    assert mail_server.messages == []
    run_once(now=noon + delivery.STALE_CLAIM + dt.timedelta(seconds=1))
    assert len(mail_server.messages) == 1


@pytest.mark.django_db
def test_a_digest_left_half_done_by_a_crashed_worker_is_sent_after_the_timeout(
    alice: User, mail_server: MailServer, noon: dt.datetime, today: dt.date
) -> None:
    quiet(alice)
    make_goal(alice, "Half done", deadline=today + 7 * DAY)
    plan(noon)
    claim(now=noon, token="crashed")
    Digest.objects.create(recipient=alice, day=today)  # died before sending
    run_once(now=noon + delivery.STALE_CLAIM + dt.timedelta(seconds=1))
    assert len(mail_server.messages) == 1
    assert Digest.objects.get().reminder_count == 1


@pytest.mark.django_db
def test_cairn_worker_once_sends_and_reports(
    alice: User, mail_server: MailServer, midday_zone: tuple[str, dt.date]
) -> None:
    zone_name, local_today = midday_zone  # the command reads the real clock
    Profile.objects.update_or_create(user=alice, defaults={"time_zone": zone_name})
    quiet(alice)
    make_goal(alice, "From the command line", deadline=local_today + DAY)
    result = CliRunner().invoke(main, ["worker", "--once"])
    assert result.exit_code == 0, result.output
    assert "1 emails, 1 reminders sent; 0 failed" in result.output
    assert len(mail_server.messages) == 1


@pytest.mark.django_db(transaction=True)
def test_the_loop_runs_passes_until_stopped(
    mail_server: MailServer, midday_zone: tuple[str, dt.date]
) -> None:
    alice = make_user("alice")
    zone_name, local_today = midday_zone  # the loop reads the real clock
    Profile.objects.update_or_create(user=alice, defaults={"time_zone": zone_name})
    quiet(alice)
    make_goal(alice, "In the background", deadline=local_today + DAY)
    stop = worker.start_in_thread(interval=0.05)
    try:
        for _ in range(100):
            if mail_server.messages:
                break
            threading.Event().wait(0.05)
    finally:
        stop.set()
    assert len(mail_server.messages) == 1


@pytest.mark.parametrize(("value", "started"), [(None, True), ("external", False)])
def test_cairn_serve_runs_the_worker_unless_external(
    monkeypatch: Any, value: str | None, started: bool
) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(worker, "start_in_thread", lambda: calls.append(True))
    if value is None:
        monkeypatch.delenv("CAIRN_WORKER", raising=False)
    else:
        monkeypatch.setenv("CAIRN_WORKER", value)
    serve_module.start_worker()
    assert calls == ([True] if started else [])
