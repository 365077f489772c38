"""Export and import of everything a person owns: the document, a round trip through it,
and bad files that change nothing."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from click.testing import CliRunner

from cairn.accountability.services import reviews, sharing
from cairn.accounts.models import User
from cairn.accounts.services import get_profile
from cairn.cli import main
from cairn.goals import services
from cairn.goals.models import Goal, Visibility
from cairn.goals.services.reflections import save_reflection_answer
from cairn.planning.models import PlanSession
from cairn.portability.document import checkins_csv, export_document
from cairn.portability.load import DocumentError, import_document
from tests.accountability.helpers import make_pact
from tests.conftest import make_goal, make_user

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def fill(alice: User, bob: User) -> None:
    """A year of alice's use of Cairn, with bob as her buddy."""
    profile = get_profile(alice)
    profile.role_title, profile.pay_amount, profile.vision = (
        "Data analyst",
        Decimal("61000.50"),
        "Lead a data team",
    )
    profile.save()
    save_reflection_answer(owner=alice, prompt="success", text="Leading people I respect")
    save_reflection_answer(owner=alice, prompt="success", text="Leading a team I built")
    ladder = make_goal(alice, "Become head of data by 2030", horizon=10)
    earn = make_goal(
        alice,
        "Earn $100K a year by 2028",
        horizon=5,
        parent=ladder,
        metric_unit="USD",
        metric_baseline=61000,
        metric_target=100000,
        deadline=dt.date(2028, 12, 31),
    )
    services.add_step(
        earn, title="Finish the SQL course", deadline=dt.date(2026, 6, 30), helpers="Priya"
    )
    services.add_step(earn, title="Ask for a raise", resources="the salary survey")
    services.record_check_in(
        earn, date=dt.date(2026, 2, 1), value=Decimal("64000"), note="new role =)"
    )
    services.record_check_in(earn, date=dt.date(2026, 1, 1), value=Decimal("61000"), note="")
    services.update_goal(earn, by=alice, reason="a clearer unit", metric_unit="USD a year")
    done = make_goal(alice, "Give a talk at PyData by May 2026")
    services.achieve_goal(done, by=alice, reason="Gave it", hard="nerves", helped="Bob")
    dropped = make_goal(alice, "Learn Rust this year")
    services.abandon_goal(dropped, by=alice, reason="Python is enough for now")
    draft = services.create_goal(owner=alice, statement="Mentor two juniors by 2027")
    PlanSession.objects.create(
        owner=alice,
        goal=draft,
        step="smart",
        state={"brainstorm": {"ideas": {"earnings": ["ask for a raise"]}}},
    )
    pact = make_pact(alice, bob)
    sharing.share(earn, by=alice, visibility=Visibility.BUDDY, pacts=[pact], show_money=True)
    sharing.comment(earn, author=alice, text="Thanks for the push, Bob")
    bobs = make_goal(bob, "Run a 10k under 50 minutes by June")
    sharing.share(bobs, by=bob, visibility=Visibility.BUDDY, pacts=[pact])
    sharing.comment(bobs, author=alice, text="You've got this")
    together = reviews.schedule_review(pact, by=alice, when=NOW + dt.timedelta(days=30), now=NOW)
    reviews.save_notes(together, by=alice, text="Ask Bob about interviews")
    alone = reviews.start_solo_review(alice, now=NOW)
    reviews.save_notes(alone, by=alice, text="Q1: on track")
    reviews.decide(alone, earn, by=alice, decision="keep", note="steady")


def without_ids(document: dict[str, Any]) -> dict[str, Any]:
    """What must survive a move: all but the export time and the account's own record."""
    return {k: v for k, v in document.items() if k not in ("exported_at", "account")}


def movable(document: dict[str, Any]) -> dict[str, Any]:
    """The document less what needs someone not on the other instance."""
    moved = copy.deepcopy(without_ids(document))
    moved["reviews"] = [r for r in moved["reviews"] if r["with"] is None]
    moved["comments"] = [c for c in moved["comments"] if c["goal"] is not None]
    return moved


@pytest.fixture
def filled(alice: User, bob: User) -> User:
    fill(alice, bob)
    return alice


def test_the_document_holds_everything_alice_owns(filled: User) -> None:
    document = export_document(filled)
    assert (document["format"], document["version"]) == ("cairn-export", 1)
    assert document["profile"]["pay_amount"] == "61000.50"  # exact, not a float
    assert [r["text"] for r in document["reflections"]] == [
        "Leading people I respect",
        "Leading a team I built",
    ]
    goals = {g["statement"]: g for g in document["goals"]}
    earn = goals["Earn $100K a year by 2028"]
    assert earn["parent"] == goals["Become head of data by 2030"]["ref"]
    assert [c["date"] for c in earn["check_ins"]] == ["2026-01-01", "2026-02-01"]
    assert [s["title"] for s in earn["micro_goals"]] == ["Finish the SQL course", "Ask for a raise"]
    assert "a clearer unit" in [revision["reason"] for revision in earn["revisions"]]
    assert earn["revisions"][0]["by"] == "you" and earn["show_money_to_buddies"]
    assert goals["Give a talk at PyData by May 2026"]["reflection"]["hard"] == "nerves"
    assert goals["Learn Rust this year"]["abandon_reason"] == "Python is enough for now"
    assert document["sessions"][0]["goal"] == goals["Mentor two juniors by 2027"]["ref"]
    notes = {r["with"]: r["notes"] for r in document["reviews"]}
    assert notes == {"bob": "Ask Bob about interviews", None: "Q1: on track"}
    assert {c["text"]: c["on_goal_of"] for c in document["comments"]} == {
        "Thanks for the push, Bob": None,
        "You've got this": "bob",
    }
    assert "Run a 10k" not in json.dumps(document["goals"])  # bob's goal is his


def test_a_round_trip_into_a_new_account_keeps_everything_that_can_move(filled: User) -> None:
    first = export_document(filled)
    dana = make_user("dana")
    report = import_document(user=dana, document=json.loads(json.dumps(first)))
    second = export_document(dana)
    assert without_ids(second) == movable(first)
    assert report.counts["goals"] == 5 and report.counts["check_ins"] == 2
    assert sorted(report.skipped) == ["a comment on bob's goal", "a review with bob on 2026-04-01"]
    # and a second trip changes nothing more
    erin = make_user("erin")
    import_document(user=erin, document=second)
    assert without_ids(export_document(erin)) == without_ids(second)


def break_at(document: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    broken = copy.deepcopy(document)
    *parents, last = path.split(".")
    target: Any = broken
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if value is KeyError:
        del target[last]
    else:
        target[int(last) if isinstance(target, list) else last] = value
    return broken


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        ("version", 2, "version"),
        ("format", "todoist", "format"),
        ("goals", KeyError, "goals"),
        ("goals.1.status", "done", "goals[1].status"),
        ("goals.1.deadline", "31/12/2028", "goals[1].deadline"),
        ("goals.1.statement", "x" * 5000, "goals[1].statement"),
        ("goals.1.check_ins.0.value", "lots", "goals[1].check_ins[0].value"),
        ("goals.1.check_ins.1.date", KeyError, "goals[1].check_ins[1].date"),
        ("goals.1.micro_goals", {"title": "x"}, "goals[1].micro_goals"),
        ("goals.1.parent", "g99", "goals[g2].parent"),
        ("goals.0.parent", "g2", "goals[g1].parent"),  # g2's parent is g1: a circle
        ("goals.2.ref", "g1", "goals[2].ref"),
        ("sessions.0.goal", "g42", "sessions[0].goal"),
        ("reviews.0.decisions.0.goal", None, "reviews[0].decisions[0].goal"),
        ("reviews.1.scheduled_for", None, "reviews[1].scheduled_for"),
        ("reflections.0.created_at", None, "reflections[0].created_at"),
        ("profile.pay_period", "fortnight", "profile.pay_period"),
        ("settings", [], "settings"),
    ],
)
def test_a_bad_file_changes_nothing_and_names_the_field(
    filled: User, path: str, value: Any, where: str
) -> None:
    document = export_document(filled)
    dana = make_user("dana")
    before = export_document(dana)
    with pytest.raises(DocumentError) as caught:
        import_document(user=dana, document=break_at(document, path, value))
    assert caught.value.where == where
    assert without_ids(export_document(dana)) == without_ids(before)
    assert not Goal.objects.filter(owner=dana).exists()


@pytest.mark.parametrize("document", [None, [], "cairn", {"format": "cairn-export"}])
def test_what_is_not_an_export_at_all_is_refused(alice: User, document: Any) -> None:
    with pytest.raises(DocumentError):
        import_document(user=alice, document=document)


def test_checkins_csv_has_a_row_per_check_in(filled: User) -> None:
    lines = checkins_csv(filled).splitlines()
    assert lines[0] == "goal,date,value,unit,note,logged_at"
    assert lines[1].startswith("Earn $100K a year by 2028,2026-01-01,61000.00,USD a year,,")
    assert len(lines) == 3
    assert lines[2].split(",")[4] == "new role =)"


def test_checkins_csv_keeps_formulas_as_text(goal: Goal) -> None:
    services.record_check_in(goal, date=goal.created_at.date(), value=Decimal(1),
                             note='=HYPERLINK("http://evil.example")')  # fmt: skip
    assert "'=HYPERLINK" in checkins_csv(goal.owner)


def test_the_cli_exports_and_imports(filled: User, tmp_path: Any) -> None:
    path = tmp_path / "alice.json"
    runner = CliRunner()
    done = runner.invoke(main, ["export", "--json", str(path), "--user", "alice"])
    assert done.exit_code == 0, done.output
    make_user("dana")
    loaded = runner.invoke(main, ["import", str(path), "--user", "dana"])
    assert loaded.exit_code == 0, loaded.output
    assert "Imported into dana: " in loaded.output and "5 goals" in loaded.output
    assert "not imported: a review with bob" in loaded.output
    path.write_text('{"format": "cairn-export", "version": 1}', encoding="utf-8")
    refused = runner.invoke(main, ["import", str(path), "--user", "dana"])
    assert refused.exit_code == 1 and "Nothing was imported. profile: missing" in refused.output
    assert runner.invoke(main, ["export", "--user", "alice"]).exit_code == 2
