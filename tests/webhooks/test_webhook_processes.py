"""Two worker processes deliver webhooks at once from one SQLite file: each delivery reaches
the receiver exactly once. Run as a module, this file is the worker process."""

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

ROOT = Path(__file__).resolve().parents[2]
PEOPLE, CHECK_INS_EACH = 6, 5
pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite file shared by two processes; PostgreSQL takes the same conditional UPDATE",
)


def child(command: str, folder: Path, url: str) -> None:
    from cairn.cli.django_setup import setup_django

    setup_django()
    if command == "seed":
        seed(url)
        return
    from cairn.webhooks import services

    services.BATCH = 2  # many small claims, so that the two workers interleave
    (folder / f"ready-{os.getpid()}").touch()
    while not (folder / "go").exists():
        time.sleep(0.005)
    print(f"sent={services.deliver_due()}")


def seed(url: str) -> None:
    from django.core.management import call_command

    from cairn.goals import services as goals
    from cairn.webhooks import services
    from tests.conftest import make_goal, make_user

    call_command("migrate", verbosity=0)
    for n in range(PEOPLE):
        person = make_user(f"person{n}")
        services.add_webhook(owner=person, url=url, events=["check_in.logged"])
        goal = make_goal(person, "Run 100 km this year", metric_unit="km", metric_target=100)
        for value in range(CHECK_INS_EACH):
            goals.record_check_in(goal, value=value * 10, date=dt.date.today())


def spawn(command: str, env: dict[str, str], folder: Path, url: str) -> subprocess.Popen[str]:
    args = [
        sys.executable,
        "-m",
        "tests.webhooks.test_webhook_processes",
        command,
        str(folder),
        url,
    ]
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)


def test_two_workers_deliver_each_webhook_once(tmp_path: Path) -> None:
    from tests.webhooks.test_webhooks import Receiver  # imports models: not in the children

    receiver = Receiver()
    env = dict(os.environ, CAIRN_HOME=str(tmp_path), CAIRN_WEBHOOKS_ALLOW_PRIVATE="true")
    env.pop("DATABASE_URL", None)
    try:
        assert spawn("seed", env, tmp_path, receiver.url).wait(timeout=120) == 0
        workers = [spawn("work", env, tmp_path, receiver.url) for _ in range(2)]
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("ready-*"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        (tmp_path / "go").touch()
        outputs = [w.communicate(timeout=120)[0] for w in workers]
    finally:
        receiver.server.shutdown()
    assert [w.returncode for w in workers] == [0, 0], outputs
    sent = [int(out.strip().split("=")[1]) for out in outputs]
    assert sum(sent) == PEOPLE * CHECK_INS_EACH, outputs
    ids = Counter(r["headers"]["Cairn-Delivery"] for r in receiver.received)
    assert len(ids) == PEOPLE * CHECK_INS_EACH and set(ids.values()) == {1}


if __name__ == "__main__":
    child(sys.argv[1], Path(sys.argv[2]), sys.argv[3])
