"""Two `cairn worker` processes at once on one SQLite file, as on a laptop or small server.

The thread test in test_worker.py cannot show this on SQLite: pytest's in-memory SQLite
database is one shared cache, where concurrent writers fail at once instead of waiting
like they do on a real database file (WAL and a busy timeout). Here each process opens
the file itself, exactly as deployed. Run as a module, this file is the worker process.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from tests.accountability.conftest import MailServer

ROOT = Path(__file__).resolve().parents[2]
PEOPLE, GOALS_EACH = 15, 3
pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite only: on PostgreSQL, test_worker.py's threads share the real database",
)


def child(command: str, folder: Path, now: str) -> None:
    """In the child process: set up the database, or wait for the go file, then one pass."""
    from cairn.cli.django_setup import setup_django

    setup_django()
    if command == "seed":
        seed(dt.datetime.fromisoformat(now).date())
        return
    from cairn.accountability import worker
    from cairn.accountability.services import delivery

    delivery.PEOPLE_PER_BATCH = 2  # many small claims, so that the two workers interleave
    (folder / f"ready-{os.getpid()}").touch()
    while not (folder / "go").exists():
        time.sleep(0.005)
    report = worker.run_once(now=dt.datetime.fromisoformat(now))
    print(f"emails={report.emails}")


def seed(today: dt.date) -> None:
    from django.core.management import call_command

    from cairn.accountability.models import ReminderSettings
    from tests.conftest import make_goal, make_user

    call_command("migrate", verbosity=0)
    for n in range(PEOPLE):
        person = make_user(f"person{n}")
        ReminderSettings.objects.create(user=person, nudge_emails=False)
        for g in range(GOALS_EACH):
            make_goal(person, f"Goal {g}", deadline=today + dt.timedelta((1, 7, 14)[g]))


def spawn(command: str, env: dict[str, str], folder: Path, now: str) -> subprocess.Popen[str]:
    module = "tests.accountability.test_worker_processes"
    args = [sys.executable, "-m", module, command, str(folder), now]
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)


def test_two_worker_processes_send_each_reminder_once(
    tmp_path: Path, mail_server: MailServer, noon: dt.datetime
) -> None:
    env = dict(
        os.environ, CAIRN_HOME=str(tmp_path), EMAIL_URL=f"smtp://127.0.0.1:{mail_server.port}"
    )
    env.pop("DATABASE_URL", None)
    now = noon.isoformat()
    assert spawn("seed", env, tmp_path, now).wait(timeout=120) == 0
    workers = [spawn("work", env, tmp_path, now) for _ in range(2)]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("ready-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    (tmp_path / "go").touch()
    outputs = [w.communicate(timeout=120)[0] for w in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    sent = sum(int(line.split("=")[1]) for out in outputs for line in out.split() if "=" in line)
    assert sent == PEOPLE, outputs
    assert Counter(r[0] for r in mail_server.recipients) == {
        f"person{n}@example.com": 1 for n in range(PEOPLE)
    }
    assert all("Cairn: 3 reminders" in m["Subject"] for m in mail_server.messages)


if __name__ == "__main__":
    child(sys.argv[1], Path(sys.argv[2]), sys.argv[3])
