"""/accounts/password/change/: only for the signed-in person, old password required."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from cairn.accounts.models import User
from tests.accounts.conftest import shown_errors
from tests.conftest import PASSWORD

URL = "/accounts/password/change/"
NEW = "a brand new passphrase for alice"


def change(client: Client, old: str = PASSWORD, new1: str = NEW, new2: str = NEW) -> Any:
    data = {"old_password": old, "new_password1": new1, "new_password2": new2}
    return client.post(URL, data)


def test_anonymous_is_sent_to_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={URL}"


def test_change_password(alice_client: Client, alice: User) -> None:
    assert alice_client.get(URL).status_code == 200
    response = change(alice_client)
    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    alice.refresh_from_db()
    assert alice.check_password(NEW)
    # The session survives the change (Django rotates its hash).
    assert alice_client.get(reverse("profile")).status_code == 200
    assert Client().login(username="alice", password=NEW)
    assert not Client().login(username="alice", password=PASSWORD)


def test_wrong_old_password_changes_nothing(alice_client: Client, alice: User) -> None:
    response = change(alice_client, old="not my password")
    assert response.status_code == 200
    assert "incorrectly" in shown_errors(response, "old_password")
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_weak_or_mismatched_new_password_changes_nothing(alice_client: Client, alice: User) -> None:
    weak = change(alice_client, new1="password", new2="password")
    assert "too common" in shown_errors(weak, "new_password2")
    differ = change(alice_client, new2="something else entirely")
    assert "didn’t match" in shown_errors(differ, "new_password2")
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
