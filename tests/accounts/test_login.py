"""/accounts/login/ and /accounts/logout/: sign in, sign out, throttled guessing, Argon2."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import cairn.settings as production
from cairn.accounts.models import FailedLogin, User
from cairn.accounts.services import create_user
from tests.conftest import PASSWORD

LOGIN = "/accounts/login/"
THROTTLED = "Too many failed attempts for this account"


def log_in(client: Client, username: str = "alice", password: str = PASSWORD) -> Any:
    return client.post(LOGIN, {"username": username, "password": password})


def fail(client: Client, times: int, username: str = "alice") -> None:
    for _ in range(times):
        assert log_in(client, username, "wrong password").status_code == 200


def is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_good_login_redirects_to_dashboard(client: Client, alice: User) -> None:
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_login_follows_safe_next_only(client: Client, alice: User) -> None:
    data = {"username": "alice", "password": PASSWORD}
    assert client.post(f"{LOGIN}?next=/reflect/", data)["Location"] == "/reflect/"
    client.logout()
    evil = client.post(f"{LOGIN}?next=https://evil.example.com/", data)
    assert evil["Location"] == reverse("dashboard")


def test_wrong_password_is_refused_and_recorded(client: Client, alice: User) -> None:
    response = log_in(client, password="wrong password")
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    assert not is_logged_in(client)
    assert FailedLogin.objects.filter(username="alice").count() == 1


def test_logout_needs_post(alice_client: Client) -> None:
    assert alice_client.get("/accounts/logout/").status_code == 405
    assert is_logged_in(alice_client)
    response = alice_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert not is_logged_in(alice_client)


def test_throttle_refuses_even_the_right_password(
    client: Client, alice: User, settings: Any
) -> None:
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    fail(client, 3)
    response = log_in(client)
    assert response.status_code == 200
    assert THROTTLED in response.content.decode()
    assert not is_logged_in(client)


def test_throttle_counts_failures_per_account(client: Client, alice: User, bob: User) -> None:
    fail(client, 5, username="bob")
    assert log_in(client).status_code == 302


def test_throttle_ignores_username_case(client: Client, alice: User, settings: Any) -> None:
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    fail(client, 2, username="ALICE")
    assert THROTTLED in log_in(client).content.decode()


def test_throttle_window_expires(client: Client, alice: User, settings: Any) -> None:
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    settings.LOGIN_THROTTLE_MINUTES = 15
    fail(client, 3)
    assert THROTTLED in log_in(client).content.decode()
    long_ago = timezone.now() - timedelta(minutes=16)
    FailedLogin.objects.update(at=long_ago)
    assert log_in(client).status_code == 302


def test_failures_inside_the_window_still_count(client: Client, alice: User, settings: Any) -> None:
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    fail(client, 3)
    FailedLogin.objects.update(at=timezone.now() - timedelta(minutes=14))
    assert THROTTLED in log_in(client).content.decode()


def test_success_clears_failures(client: Client, alice: User, settings: Any) -> None:
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    fail(client, 2)
    assert log_in(client).status_code == 302
    assert not FailedLogin.objects.filter(username="alice").exists()
    client.logout()
    fail(client, 2)
    assert log_in(client).status_code == 302


def test_login_remembers_the_time_zone(client: Client, alice: User) -> None:
    alice.profile.time_zone = "Asia/Tokyo"
    alice.profile.save()
    log_in(client)
    assert client.session["time_zone"] == "Asia/Tokyo"


def test_production_hashes_with_argon2(client: Client, db: None, settings: Any) -> None:
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = create_user(username="erin", email="erin@example.com", password=PASSWORD)
    assert user.password.startswith("argon2")
    assert log_in(client, "erin").status_code == 302


def test_old_hashes_are_upgraded_to_argon2(client: Client, alice: User, settings: Any) -> None:
    settings.PASSWORD_HASHERS = [*production.PASSWORD_HASHERS, *settings.PASSWORD_HASHERS]
    assert not alice.password.startswith("argon2")
    assert log_in(client).status_code == 302
    alice.refresh_from_db()
    assert alice.password.startswith("argon2")


@pytest.mark.django_db
def test_production_settings_list_argon2_first() -> None:
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
