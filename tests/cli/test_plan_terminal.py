"""`cairn plan` in a real pseudo-terminal (pexpect): answer, Ctrl-C, resume, commit.

The command runs in a subprocess, which cannot see pytest-django's test database: these
tests prepare their own SQLite file (`cairn manage migrate`, `cairn createuser`) in a
temporary CAIRN_HOME and read the results back with sqlite3.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")
# Under xdist the worker has threads; the child execs at once, so forkpty's warning is moot.
pytestmark = pytest.mark.filterwarnings("ignore:This process .* is multi-threaded")

PASSWORD = "correct horse battery staple"
INTR = object()  # in a script: press Ctrl-C instead of answering
PROMPT_DONE = "\x1b[?2004l"  # prompt_toolkit leaves bracketed-paste mode: the answer is in
DOWN, CLEAR = "\x1b[B", "\x15"  # arrow down; Ctrl-U clears the line before the cursor
TIMEOUT = 15


def cairn(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "cairn.cli", *args], env=env, check=True, capture_output=True
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database with one account, made once and copied for each test."""
    if not hasattr(pexpect, "spawn"):
        pytest.skip("pexpect cannot spawn a pseudo-terminal on this platform")
    try:
        probe = pexpect.spawn(sys.executable, ["-c", "print('ok')"], timeout=TIMEOUT)
        probe.expect("ok")
        probe.close()
    except Exception as error:  # no pty available (some sandboxes)
        pytest.skip(f"pexpect cannot spawn a pseudo-terminal here: {error}")
    folder = tmp_path_factory.mktemp("cairn-plan-template")
    env = environment(folder)
    cairn(env, "manage", "migrate", "-v", "0")
    cairn(env, "createuser", "alice", "--email", "alice@example.com", "--password", PASSWORD)
    return folder / "db.sqlite3"


def environment(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PYTEST"))}
    env.update(
        CAIRN_HOME=str(folder / "home"),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        TERM="xterm",
        PROMPT_TOOLKIT_NO_CPR="1",  # no cursor-position requests: pexpect does not answer them
        COLUMNS="120",
        LINES="40",
    )
    return env


@pytest.fixture
def home(template: Path, tmp_path: Path) -> Iterator[Path]:
    shutil.copy(template, tmp_path / "db.sqlite3")
    yield tmp_path


def spawn(folder: Path) -> Any:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "cairn.cli", "plan"],
        env=environment(folder),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 120),
    )
    child.logfile_read = (folder / "terminal.log").open("a", encoding="utf-8")
    return child


def converse(child: Any, script: dict[str, list[Any]], until: str) -> None:
    """Answer each prompt matching a key with the next of its answers, until `until`."""
    keys = list(script)
    while True:
        index = child.expect([*keys, until])
        if index == len(keys):
            return
        answers = script[keys[index]]
        assert answers, f"asked once more than the script expects: {keys[index]}"
        answer = answers.pop(0)
        if answer is INTR:
            child.sendintr()
            return
        child.send(answer)
        child.expect_exact(PROMPT_DONE)


def finish(child: Any) -> int:
    child.expect(pexpect.EOF)
    child.close()
    child.logfile_read.close()
    return int(child.exitstatus)


def rows(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(folder / "db.sqlite3") as connection:
        return list(connection.execute(sql))


OPTIONAL = {  # asked or not depending on the analyzer's verdict: Enter skips them
    r"Specific: what exactly": ["\r"] * 3,
    r"Your current role": ["\r"] * 3,
    r"Years of experience": ["\r"] * 3,
    r"yearly pay": ["\r"] * 3,
    r"Relevant: how does it serve": ["\r"] * 3,
    r"Which area is it in\?": ["\r"] * 3,
}


def test_ctrl_c_anywhere_then_resume_to_an_active_goal(home: Path) -> None:
    # 1. Two reflections, then Ctrl-C on the third.
    child = spawn(home)
    converse(
        child,
        {
            r"How do you define career success\?": ["Freedom to choose my projects\r"],
            r"all the money you need\?": ["Build tools for small teams\r"],
            r"ran your company\?": [INTR],
        },
        until="never",
    )
    child.expect("Stopped. Everything you answered is saved")
    child.expect(r"continues at step 1 \(reflect\)")
    assert finish(child) == 130

    # 2. Resume: the same step, earlier answers kept; on to the SMART step, Ctrl-C there.
    child = spawn(home)
    converse(child, {r"You have an open session": ["\r"]}, until=r"Step 1 of 8")
    child.expect(r"How do you define career success\? → Freedom to choose my projects")
    child.expect(r"all the money you need\? → Build tools for small teams")
    converse(
        child,
        {
            r"ran your company\?": ["Mentor every new engineer\r"],
            r"peers and family think": ["\r"],
            r"your ultimate job": ["Head of engineering\r"],
            r"Whom do you admire": ["My first lead\r"],
            r"Which areas call to you\?": [" \r"],  # tick the first area: earnings
            r"Idea 1 for Increase earnings": ["Give talks at meetups\r"],
            r"Idea 2 for Increase earnings": ["\r"],
            r"Which idea will you shape": ["\r"],
            # An empty statement is refused; the question comes again.
            r"Your goal, as one actionable sentence": [CLEAR + "\r", "Give 2 talks at meetups\r"],
            r"What now\?": ["\r"],
            r"Measurable: how will you know": ["\r"],
            r"Unit \(": ["talks\r"],
            r"Where you are now": ["\r"],
            r"Target": ["\r"],
            r"Time-bound: by when": ["\r"],
            r"Deadline [^\n?]*\(YYYY": ["+60d\r"],
            # A 10-year horizon for a deadline in two months is refused, asked again.
            r"Horizon": [DOWN + DOWN + "\r", "\r"],
            r"Attainable: what makes": [INTR],
            **{key: list(value) for key, value in OPTIONAL.items()},
        },
        until="never",
    )
    assert finish(child) == 130
    log = (home / "terminal.log").read_text(encoding="utf-8")
    assert "Write the goal as one sentence." in log
    assert "makes this a 1-year goal, not a 10-year one" in log

    # 3. Resume at the SMART step with its answers kept; finish and commit.
    child = spawn(home)
    converse(child, {r"You have an open session": ["\r"]}, until=r"Step 4 of 8")
    converse(
        child,
        {
            r"Attainable: what makes": ["I gave one talk last year\r"],
            r"Whom in your network": ["Dana\r"],
            r"Which longer goal does it serve\?": ["\r"],
            r"Add a micro-goal\?": ["y", "n"],
            r"Micro-goal: a small": ["Find two meetups\r"],
            r"Action plan": ["Search the city's meetup pages\r"],
            r"Resources needed": ["\r"],
            r"Who can help": ["Dana\r"],
            # Due after the goal: refused, asked again.
            r"Deadline [^\n?]*\(YYYY": [CLEAR + "+90d\r", CLEAR + "+10d\r"],
            r"If-then plan": ["If it is Monday 8:00, then I email one organiser\r"],
            r"How big a reward": ["\r"],
            r"Your reward": ["A good dinner\r"],
            r"Ready\?": ["\r"],
            **{key: list(value) for key, value in OPTIONAL.items()},
        },
        until=r"Goal \d+ is active",
    )
    assert finish(child) == 0
    log = (home / "terminal.log").read_text(encoding="utf-8")
    assert "on or before its goal's deadline" in log
    assert "Measurable: how will you know" not in log.split("Step 4 of 8")[-1]

    goal = rows(
        home,
        "select id, statement, status, metric_unit, metric_target, horizon, reward, area"
        " from goals_goal",
    )
    assert len(goal) == 1
    goal_id, statement, status, unit, target, horizon, reward, area = goal[0]
    assert (statement, status, unit, horizon) == ("Give 2 talks at meetups", "active", "talks", 1)
    assert (float(target), reward) == (2.0, "A good dinner")
    assert area == "earnings"
    steps = rows(home, f"select title, helpers, if_then from goals_step where goal_id={goal_id}")
    assert steps == [
        ("Find two meetups", "Dana", "If it is Monday 8:00, then I email one organiser")
    ]
    answers = dict(rows(home, "select prompt, text from goals_reflectionanswer"))
    assert answers["success"] == "Freedom to choose my projects"
    assert answers["company"] == "Mentor every new engineer"
    sessions = rows(home, "select committed_at, state from planning_plansession")
    assert len(sessions) == 1 and sessions[0][0] is not None
    assert re.search(r'"network_contact": "Dana"', sessions[0][1])
