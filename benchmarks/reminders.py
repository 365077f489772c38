"""Reminder worker: throughput (reminders per second) and a month of one person's inbox.

Throughput: PEOPLE people with 5 reminders each due today (4 goal deadlines at the default
lead times, 1 micro-goal), planned and sent by `run_once` to a local aiosmtpd sink, on
SQLite and on PostgreSQL (when reachable). A second round runs two workers at once.

A month: alice has 20 active goals shared with her buddy bob (deadlines spread over the
next year, two micro-goals each, no check-ins), default settings; `run_once` runs at noon
every day for 30 days. How many emails do alice and bob get?

    .venv/bin/python benchmarks/reminders.py            # both databases
    .venv/bin/python benchmarks/reminders.py --db sqlite
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any

from benchdb import fresh_postgres, url_for

PEOPLE = 2000
PG_BENCH = url_for("cairn_bench")
DAY = dt.timedelta(days=1)


def run_all() -> None:
    for db in ("sqlite", "postgres"):
        subprocess.run([sys.executable, __file__, "--db", db], check=False)


class Sink:
    """An aiosmtpd handler that counts messages per recipient."""

    def __init__(self) -> None:
        self.count = 0
        self.by_rcpt: dict[str, int] = {}

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.count += 1
        for rcpt in envelope.rcpt_tos:
            self.by_rcpt[rcpt] = self.by_rcpt.get(rcpt, 0) + 1
        return "250 OK"


def setup(db: str, sink: Sink) -> Any:
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    os.environ["CAIRN_HOME"] = tempfile.mkdtemp(prefix="cairn-bench-")
    os.environ["EMAIL_URL"] = f"smtp://127.0.0.1:{port}"
    if db == "postgres":
        os.environ["DATABASE_URL"] = PG_BENCH
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cairn.settings")
    import logging

    import django

    django.setup()
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return controller


def populate(today: dt.date, people: int, prefix: str) -> None:
    """Bulk rows: each person has 4 goal deadlines at lead times and a micro-goal due."""
    from cairn.accountability.models import ReminderSettings
    from cairn.accounts.models import Profile, User
    from cairn.goals.models import Goal, Step

    users = User.objects.bulk_create(
        User(username=f"{prefix}{n}", email=f"{prefix}{n}@example.com") for n in range(people)
    )
    Profile.objects.bulk_create(Profile(user=u) for u in users)
    ReminderSettings.objects.bulk_create(
        ReminderSettings(user=u, nudge_emails=False) for u in users
    )
    goals = Goal.objects.bulk_create(
        Goal(owner=u, statement=f"Goal {lead}", status="active", deadline=today + lead * DAY)
        for u in users
        for lead in (28, 14, 7, 1)
    )
    Step.objects.bulk_create(
        Step(goal=g, title="A step", deadline=today + 7 * DAY) for g in goals[::4]
    )


def throughput(db: str, sink: Sink, noon: dt.datetime) -> None:
    from cairn.accountability.models import Reminder
    from cairn.accountability.services.reminders import plan
    from cairn.accountability.worker import run_once

    populate(noon.date(), PEOPLE, "p")
    start = time.perf_counter()
    planned = plan(noon)
    planned_in = time.perf_counter() - start
    report = run_once(now=noon)
    total = time.perf_counter() - start
    assert report.reminders == planned == Reminder.objects.count() == PEOPLE * 5
    print(
        f"{db:<9} one worker : {planned} reminders, {report.emails} emails in {total:.2f} s "
        f"(planning {planned_in:.2f} s): {planned / total:,.0f} reminders/s, "
        f"{report.emails / total:,.0f} emails/s",
        flush=True,
    )
    two_workers(db, sink, noon + DAY)


def two_workers(db: str, sink: Sink, now: dt.datetime) -> None:
    from django.db import connection

    from cairn.accountability.models import Reminder
    from cairn.accountability.worker import run_once

    populate(now.date(), PEOPLE, "q")
    before, barrier, reports = sink.count, threading.Barrier(2), []

    def work() -> None:
        barrier.wait()
        reports.append(run_once(now=now))
        connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - start
    sent = sum(r.reminders for r in reports)
    duplicates = sink.count - before - sum(r.emails for r in reports)
    assert sent == PEOPLE * 5 and not Reminder.objects.filter(sent_at__isnull=True).exists()
    print(
        f"{db:<9} two workers: {sent} reminders in {took:.2f} s: {sent / took:,.0f} reminders/s "
        f"(split {[r.reminders for r in reports]}, duplicate emails: {duplicates})",
        flush=True,
    )


def a_month(db: str, sink: Sink, noon: dt.datetime) -> None:
    from tests.accountability.helpers import make_pact

    from cairn.accountability.services import sharing
    from cairn.accountability.worker import run_once
    from cairn.accounts.services import create_user
    from cairn.goals import services
    from cairn.goals.models import Goal

    Goal.objects.update(status="paused")  # the throughput rounds' people: quiet from now on
    alice = create_user(username="alice", email="alice@example.com", password="a long pass 12")
    bob = create_user(username="bob", email="bob@example.com", password="a long pass 12")
    pact = make_pact(alice, bob)
    for n in range(20):
        deadline = noon.date() + (18 * n + 10) * DAY
        goal = services.create_goal(
            owner=alice, statement=f"Goal {n}", status="active", deadline=deadline
        )
        sharing.share(goal, by=alice, visibility="buddy", pacts=[pact])
        for s in range(2):
            step_deadline = noon.date() + (18 * n + 6 * s + 3) * DAY
            services.add_step(goal, title=f"Step {s}", deadline=step_deadline)
    before = dict(sink.by_rcpt)
    for day in range(30):
        run_once(now=noon + day * DAY)
    alice_got, bob_got = (
        sink.by_rcpt.get(who, 0) - before.get(who, 0)
        for who in ("alice@example.com", "bob@example.com")
    )
    print(
        f"{db:<9} a month, 20 shared goals (60 deadlines over a year, no check-ins): "
        f"alice gets {alice_got} emails, her buddy bob {bob_got}, in 30 days",
        flush=True,
    )


def run_one(db: str) -> None:
    if db == "postgres" and not fresh_postgres("cairn_bench"):
        return
    sink = Sink()
    controller = setup(db, sink)
    noon = dt.datetime.combine(dt.date.today(), dt.time(12), tzinfo=dt.UTC)
    try:
        throughput(db, sink, noon)
        a_month(db, sink, noon + 10 * DAY)
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    run_one(args.db) if args.db else run_all()
