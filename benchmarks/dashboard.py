"""Dashboard, goal page and roadmap at scale: p50/p95 and SQL queries per page.

One person with 500 goals, 5,000 micro-goals and 20,000 check-ins, on SQLite and on
PostgreSQL (when reachable), timed through Django's test client.

    .venv/bin/python benchmarks/dashboard.py            # both databases
    .venv/bin/python benchmarks/dashboard.py --db sqlite
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchdb import fresh_postgres, url_for

GOALS, STEPS_PER_GOAL, CHECK_INS_PER_GOAL = 500, 10, 40
ROUNDS = 40
PG_BENCH = url_for("cairn_bench")


def run_all() -> None:
    print(
        f"{GOALS} goals, {GOALS * STEPS_PER_GOAL} micro-goals, "
        f"{GOALS * CHECK_INS_PER_GOAL} check-ins; {ROUNDS} requests a page"
    )
    print(f"{'database':<11}{'page':<12}{'p50 ms':>8}{'p95 ms':>8}{'queries':>9}")
    for db in ("sqlite", "postgres"):
        subprocess.run([sys.executable, __file__, "--db", db], check=False)


def setup(db: str) -> None:
    home = tempfile.mkdtemp(prefix="cairn-bench-")
    os.environ["CAIRN_HOME"] = home
    if db == "postgres":
        os.environ["DATABASE_URL"] = PG_BENCH
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cairn.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)


def populate() -> tuple[object, int]:
    """Bulk rows (not the services: they would take minutes and test nothing here)."""
    from cairn.accounts.services import create_user
    from cairn.goals.models import CheckIn, Goal, Step

    owner = create_user(username="bench", email="bench@example.com", password="a long passphrase 1")
    today = dt.date.today()
    goals = Goal.objects.bulk_create(
        Goal(
            owner=owner,
            statement=f"Goal {i}",
            status="active",
            horizon=(1, 5, 10)[i % 3],
            metric_target=100 if i % 2 else None,
            metric_baseline=0 if i % 2 else None,
            frequency_count=None if i % 2 else 3,
            frequency_period="" if i % 2 else "month",
            deadline=today + dt.timedelta(days=30 + i),
            activated_at=None,
        )
        for i in range(GOALS)
    )
    Step.objects.bulk_create(
        Step(goal=g, title=f"Step {n}", order=n, deadline=today + dt.timedelta(days=n))
        for g in goals
        for n in range(STEPS_PER_GOAL)
    )
    CheckIn.objects.bulk_create(
        CheckIn(goal=g, date=today - dt.timedelta(days=n), value=n)
        for g in goals
        for n in range(CHECK_INS_PER_GOAL)
    )
    return owner, goals[1].pk


def measure(client: object, url: str) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)  # type: ignore[attr-defined]
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def run_one(db: str) -> None:
    if db == "postgres" and not fresh_postgres("cairn_bench"):
        return
    setup(db)
    from django.test import Client

    owner, goal_id = populate()
    client = Client()
    client.force_login(owner)
    pages = {"dashboard": "/", "goal page": f"/goals/{goal_id}/", "roadmap": "/roadmap/"}
    for name, url in pages.items():
        client.get(url)  # warm caches and templates
        p50, p95, queries = measure(client, url)
        print(f"{db:<11}{name:<12}{p50:>8.1f}{p95:>8.1f}{queries:>9}", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    run_one(args.db) if args.db else run_all()
