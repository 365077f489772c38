"""`cairn goals`, `cairn checkin`, `cairn done`: the same services and access rules as the web."""

from __future__ import annotations

import json
from decimal import Decimal

from click.testing import CliRunner

from cairn.accounts.models import User
from cairn.cli import main
from cairn.goals import services
from cairn.goals.models import CheckIn, Goal
from tests.conftest import make_goal


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_goals_lists_mine_with_progress(alice: User, charlie: User, goal: Goal) -> None:
    make_goal(charlie, "Open a bakery by 2029")
    code, output = run("goals", "--user", "alice")
    assert code == 0
    assert goal.statement in output and "bakery" not in output and "%" in output
    code, output = run("goals", "--user", "alice", "--json")
    rows = json.loads(output)
    assert [row["id"] for row in rows] == [goal.pk] and rows[0]["status"] == "active"
    assert 0 <= rows[0]["progress"] <= 1
    assert (
        run("goals", "--user", "alice", "--status", "achieved")[1].strip() == "No achieved goals."
    )


def test_checkin_logs_through_the_service(alice: User, goal: Goal) -> None:
    code, output = run("checkin", str(goal.pk), "82,500", "--note", "new contract",
                       "--user", "alice")  # fmt: skip
    assert code == 0, output
    assert "Logged 82,500 USD on " in output
    latest = CheckIn.objects.filter(goal=goal).order_by("-id").first()
    assert latest is not None and latest.value == Decimal("82500") and latest.note == "new contract"


def test_checkin_refuses_what_the_web_refuses(alice: User, charlie: User, goal: Goal) -> None:
    count = CheckIn.objects.count()
    assert run("checkin", str(goal.pk), "lots", "--user", "alice")[0] == 2
    assert run("checkin", str(goal.pk), "NaN", "--user", "alice")[0] == 2
    assert run("checkin", str(goal.pk), "5", "--date", "tomorrow", "--user", "alice")[0] == 2
    code, output = run("checkin", str(goal.pk), "90000", "--user", "charlie")
    assert code == 1 and "No such goal." in output  # alice's goal is not charlie's to log
    services.abandon_goal(goal, by=alice, reason="changed course")
    code, output = run("checkin", str(goal.pk), "90000", "--user", "alice")
    assert code == 1 and "reopen it" in output
    assert CheckIn.objects.count() == count


def test_done_ticks_off_my_micro_goal_only(alice: User, charlie: User, goal: Goal) -> None:
    step = goal.steps.get()
    code, output = run("done", str(step.pk), "--user", "charlie")
    assert code == 1 and "No such micro-goal." in output
    step.refresh_from_db()
    assert step.completed_at is None
    code, output = run("done", str(step.pk), "--user", "alice")
    assert code == 0 and f"Done: {step.title}" in output
    step.refresh_from_db()
    assert step.completed_at is not None
