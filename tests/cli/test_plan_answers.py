"""`cairn plan --answers FILE.yaml`: the guided session from a file, through CliRunner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from cairn.accounts.models import User
from cairn.cli import main
from cairn.goals import services as goal_services
from cairn.goals.models import Goal, ReflectionAnswer, Status
from cairn.planning.models import PlanSession
from cairn.smart.dates import add_months
from tests.conftest import make_goal

pytestmark = pytest.mark.django_db
EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "plan" / "example.yaml"


def plan(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["plan", *args], input=input)
    return result.exit_code, result.output


def write(tmp_path: Path, document: dict[str, Any]) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return str(path)


def minimal(today: dt.date, **sections: Any) -> dict[str, Any]:
    """A short goal that needs no micro-goal: due in two months, with a metric."""
    document: dict[str, Any] = {
        "draft": {"statement": "Give 2 talks at local meetups within 2 months"},
        "smart": {"metric_unit": "talks", "metric_target": 2, "deadline": "+60d", "horizon": 1},
    }
    document.update(sections)
    return document


def test_the_example_file_creates_an_active_goal(alice: User, bob: User, today: dt.date) -> None:
    code, output = plan("--answers", str(EXAMPLE), "--user", "alice")
    assert code == 0, output
    goal = Goal.objects.get(owner=alice, status=Status.ACTIVE)
    assert output.splitlines()[0] == f"Created goal {goal.pk} (active): {goal.statement}"
    assert "SMART: S ✓" in output
    assert goal.statement == "Earn $120K a year as a senior engineer within 12 months"
    assert (goal.area, goal.horizon, goal.metric_unit) == ("earnings", 1, "USD")
    assert (goal.metric_baseline, goal.metric_target) == (95000, 120000)
    assert goal.deadline == add_months(today, 12)
    assert goal.parent is not None
    assert (goal.parent.statement, goal.parent.horizon) == (
        "Lead an engineering team of 8 by 2031",
        5,
    )
    steps = list(goal.steps.all())
    assert [s.title for s in steps] == [
        "List my wins of the year",
        "Ask my manager what senior means here",
    ]
    assert steps[0].deadline == today + dt.timedelta(days=14)
    assert steps[0].if_then.startswith("If it is Friday 4pm")
    assert steps[1].done_when == "I have the criteria in writing"
    assert (goal.reward_size, goal.reward) == ("medium", "A weekend in Lisbon")
    assert ReflectionAnswer.objects.filter(owner=alice).count() == 6
    session = PlanSession.objects.get(goal=goal)
    assert session.committed_at is not None
    assert session.state["smart"]["network_contact"] == "Dana, my mentor"
    assert session.state["brainstorm"]["ideas"]["earnings"] == [
        "Ask for a raise",
        "Move to a senior role",
    ]
    assert not Goal.objects.filter(owner=bob).exists()


def test_user_is_optional_with_one_account(alice: User, tmp_path: Path, today: dt.date) -> None:
    code, output = plan("--answers", write(tmp_path, minimal(today)))
    assert code == 0, output
    goal = Goal.objects.get(owner=alice)
    assert goal.status == Status.ACTIVE and goal.deadline == today + dt.timedelta(days=60)
    assert not goal.steps.exists()


def test_user_is_required_with_several_accounts(
    alice: User, bob: User, tmp_path: Path, today: dt.date
) -> None:
    code, output = plan("--answers", write(tmp_path, minimal(today)))
    assert code == 1
    assert "--user NAME" in output
    assert not Goal.objects.exists()


def test_unknown_user_and_no_account_are_clear(db: None, tmp_path: Path, today: dt.date) -> None:
    path = write(tmp_path, minimal(today))
    code, output = plan("--answers", path)
    assert code == 1 and "cairn createuser" in output
    code, output = plan("--answers", path, "--user", "nobody")
    assert code == 1 and "No account named 'nobody'" in output


def test_answers_from_standard_input_with_absolute_dates(alice: User, today: dt.date) -> None:
    document = minimal(today)
    document["smart"]["deadline"] = (today + dt.timedelta(days=30)).isoformat()
    code, output = plan("--answers", "-", "--user", "ALICE", input=yaml.safe_dump(document))
    assert code == 0, output
    assert Goal.objects.get(owner=alice).deadline == today + dt.timedelta(days=30)


def test_a_frequency_goal_and_an_existing_parent(alice: User, tmp_path: Path) -> None:
    parent = make_goal(alice, "Become a known speaker in my field by 2031", horizon=5)
    document = {
        "draft": {"statement": "Give a talk at a meetup every month"},
        "smart": {"frequency_count": 1, "frequency_period": "month", "horizon": 1},
        "ladder": {"parent": parent.pk},
        "breakdown": [{"title": "Pick three topics"}],
    }
    code, output = plan("--answers", write(tmp_path, document), "--user", "alice")
    assert code == 0, output
    goal = Goal.objects.get(owner=alice, statement__startswith="Give a talk")
    assert goal.parent == parent and goal.has_frequency and goal.status == Status.ACTIVE


def refused(tmp_path: Path, document: Any) -> str:
    """Run a file that must fail; check that nothing at all was written."""
    path = tmp_path / "answers.yaml"
    text = document if isinstance(document, str) else yaml.safe_dump(document)
    path.write_text(text, encoding="utf-8")
    code, output = plan("--answers", str(path), "--user", "alice")
    assert code == 1, output
    assert output.startswith(f"Error: {path}: ")
    assert "nothing was saved" in output and "Traceback" not in output
    assert not Goal.objects.exists()
    assert not PlanSession.objects.exists()
    assert not ReflectionAnswer.objects.exists()
    return output


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        ({"draft": {"statement": "  "}}, "step 'draft', field 'statement'", "one sentence"),
        ({"draft": {"statement": "x" * 600}}, "step 'draft', field 'statement'", "500 characters"),
        ({"smart": {"deadline": "2027-02-30"}}, "step 'smart', field 'deadline'", "not a date"),
        (
            {"smart": {"deadline": "+90d", "horizon": 10}},
            "step 'smart', field 'horizon'",
            "1-year goal",
        ),
        ({"smart": {"deadline": "2001-01-01"}}, "step 'smart', field 'deadline'", "in the past"),
        (
            {"smart": {"metric_target": "lots"}},
            "step 'smart', field 'metric_target'",
            "not a number",
        ),
        ({"smart": {"deadlin": "+9m"}}, "step 'smart', field 'deadlin'", "unknown field"),
        ({"rewards": {}}, "step 'rewards'", "unknown step"),
        ({"reflect": {"success": "x" * 10001}}, "step 'reflect', field 'text'", "10000 characters"),
        ({"reward": {"size": "huge"}}, "step 'reward', field 'size'", "not a valid choice"),
        ({"ladder": {"parent": 999}}, "step 'ladder', field 'parent'", "none of your goals"),
        (
            {"ladder": {"new_rung": {"statement": "Lead a team", "horizon": 1}}},
            "step 'ladder', field 'new_rung'",
            "longer goal",
        ),
    ],
)
def test_a_bad_field_names_step_and_field_and_writes_nothing(
    alice: User, tmp_path: Path, today: dt.date, change: dict[str, Any], where: str, message: str
) -> None:
    document = minimal(today, reflect={"success": "Freedom"})
    for step, fields in change.items():
        if isinstance(document.get(step), dict) and step != "ladder":
            document[step] = {**document[step], **fields}
        else:
            document[step] = fields
    output = refused(tmp_path, document)
    assert where in output
    assert message in output


def test_a_micro_goal_due_after_the_goal_is_refused(
    alice: User, tmp_path: Path, today: dt.date
) -> None:
    breakdown = [{"title": "Find meetups"}, {"title": "Give the talk", "deadline": "+90d"}]
    output = refused(tmp_path, minimal(today, breakdown=breakdown))
    assert "step 'breakdown' (micro-goal 2), field 'deadline'" in output
    assert "on or before its goal's deadline" in output


def test_a_long_goal_without_micro_goals_is_not_committed(
    alice: User, tmp_path: Path, today: dt.date
) -> None:
    document = minimal(today)
    document["smart"]["deadline"] = "+9m"
    output = refused(tmp_path, document)
    assert "step 'review'" in output and "at least one micro-goal" in output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("draft: [unclosed", "not valid YAML"),
        ("- just a list", "expected a mapping of steps"),
        ("reflect: {success: Freedom}", "step 'draft', field 'statement': required"),
        ("draft: {statement: Earn more}\nbreakdown: {title: x}", "expected a list of micro-goals"),
    ],
)
def test_a_malformed_file_is_refused(alice: User, tmp_path: Path, text: str, message: str) -> None:
    assert message in refused(tmp_path, text)


def test_plan_without_a_terminal_points_to_answers(alice: User) -> None:
    code, output = plan()
    assert code == 1
    assert "--answers FILE.yaml" in output


def test_a_parent_that_is_no_longer_open_is_refused(
    alice: User, tmp_path: Path, today: dt.date
) -> None:
    """The file picks a parent among the goals the ladder offers, as the terminal and the
    browser do: an abandoned goal has nothing left to serve."""
    gone = make_goal(alice, "Move to management", horizon=5)
    goal_services.abandon_goal(gone, by=alice, reason="Changed my mind")
    path = write(tmp_path, {**minimal(today), "ladder": {"parent": gone.pk}})
    code, output = plan("--answers", path, "--user", "alice")
    assert code == 1 and "step 'ladder', field 'parent'" in output and "abandoned" in output
    assert list(Goal.objects.all()) == [gone] and not PlanSession.objects.exists()
