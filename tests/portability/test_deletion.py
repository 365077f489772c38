"""Deleting an account: the password, 14 days to change one's mind, then the worker; pacts
end and buddies are told; comments on a buddy's goal stay, from "a former buddy"."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from django.core.exceptions import ValidationError
from django.utils import timezone

from cairn.accountability.models import Comment, FeedToken, Notice, Pact
from cairn.accountability.services import calendar, sharing
from cairn.accountability.worker import run_once
from cairn.accounts import tokens
from cairn.accounts.models import User
from cairn.cli import main
from cairn.goals.models import Goal, Visibility
from cairn.portability import deletion
from tests.accountability.helpers import join_circle, make_pact
from tests.conftest import PASSWORD, client_for, make_goal, make_user


@pytest.fixture
def pact(alice: User, bob: User) -> Pact:
    return make_pact(alice, bob)


def test_a_wrong_password_changes_nothing(alice: User) -> None:
    with pytest.raises(ValidationError):
        deletion.request_deletion(user=alice, password="not it")
    assert User.objects.get(pk=alice.pk).delete_after is None


def test_fourteen_days_then_the_worker_deletes(alice: User, bob: User, pact: Pact) -> None:
    goal = make_goal(alice, "Earn $100K a year by 2030")
    sharing.share(goal, by=alice, visibility=Visibility.BUDDY, pacts=[pact])
    sharing.comment(goal, author=bob, text="Go alice")
    bobs = make_goal(bob, "Run a 10k by June")
    sharing.share(bobs, by=bob, visibility=Visibility.CIRCLE)
    carol = make_user("carol")
    join_circle(bob, carol)
    sharing.comment(bobs, author=alice, text="You've got this")
    calendar.regenerate_token(alice)
    plain = tokens.create_token(user=alice, name="script", scope="read")[1]
    now = timezone.now()
    deletion.request_deletion(user=alice, password=PASSWORD, now=now)
    assert tokens.authenticate(plain) is None and not FeedToken.objects.filter(user=alice).exists()
    run_once(now + dt.timedelta(days=13))
    assert User.objects.filter(pk=alice.pk).exists()
    run_once(now + dt.timedelta(days=14, minutes=1))
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not Goal.objects.filter(statement__startswith="Earn").exists()
    assert Comment.objects.get(text="You've got this").author is None
    assert not Comment.objects.filter(text="Go alice").exists()
    assert not Pact.objects.filter(pk=pact.pk).exists()  # ended, then gone with alice
    assert Notice.objects.filter(recipient=bob, text__contains="alice deleted").exists()
    page = client_for(carol).get(f"/shared/{bobs.pk}/")
    assert page.status_code == 200 and "a former buddy" in page.content.decode()


def test_changing_ones_mind_keeps_the_account(alice: User) -> None:
    client = client_for(alice)
    assert client.post("/accounts/delete/", {"password": "wrong"}).status_code == 400
    response = client.post("/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert "will be deleted on" in client.get("/accounts/delete/").content.decode()
    client.post("/accounts/delete/cancel/")
    assert User.objects.get(pk=alice.pk).delete_after is None
    run_once(timezone.now() + dt.timedelta(days=30))
    assert User.objects.filter(pk=alice.pk).exists()


def test_an_operator_deletes_at_once(alice: User, bob: User, pact: Pact) -> None:
    refused = CliRunner().invoke(main, ["deleteuser", "alice"], input="n\n")
    assert refused.exit_code == 1 and User.objects.filter(pk=alice.pk).exists()
    done = CliRunner().invoke(main, ["deleteuser", "alice", "--yes"])
    assert done.exit_code == 0 and "Deleted alice." in done.output
    assert not User.objects.filter(username="alice").exists()
