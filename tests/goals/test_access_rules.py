"""The access rules as functions of a person: what the web, the CLI and an API all ask.
Another's goal, step or check-in raises NotFound exactly as a missing one does."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from cairn import cli
from cairn.errors import NotFound
from cairn.goals.access import own_check_in, own_goal, own_step, owned_goals

pytestmark = pytest.mark.django_db

MISSING = 987654


def test_the_owner_gets_their_own(goal, alice):
    step, check_in = goal.steps.get(), goal.check_ins.get()
    assert own_goal(alice, goal.pk) == goal
    assert own_step(alice, goal.pk, step.pk) == step
    assert own_check_in(alice, goal.pk, check_in.pk) == check_in
    assert list(owned_goals(alice)) == [goal]


@pytest.mark.parametrize("goal_id", ["theirs", MISSING])
def test_another_persons_goal_is_as_missing_as_a_missing_one(goal, charlie, goal_id):
    goal_id = goal.pk if goal_id == "theirs" else goal_id
    with pytest.raises(NotFound) as refused:
        own_goal(charlie, goal_id)
    assert str(refused.value) == "No such goal."
    with pytest.raises(NotFound):
        own_step(charlie, goal_id, goal.steps.get().pk)
    with pytest.raises(NotFound):
        own_check_in(charlie, goal_id, goal.check_ins.get().pk)
    assert not owned_goals(charlie).exists()


def test_the_web_answers_the_same_404_for_theirs_and_for_missing(goal, charlie_client):
    theirs = charlie_client.get(f"/goals/{goal.pk}/")
    missing = charlie_client.get(f"/goals/{MISSING}/")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.content == missing.content


@click.command()
def _opens_charlies_view_of_a_goal() -> None:
    raise NotFound("No such goal.")


def test_the_cli_prints_not_found_as_a_message(monkeypatch):
    name = f"{__name__}:_opens_charlies_view_of_a_goal"
    monkeypatch.setitem(cli.COMMANDS, "peek", name)
    result = CliRunner().invoke(cli.main, ["peek"])
    assert result.exit_code == 1
    assert result.output == "Error: No such goal.\n"
