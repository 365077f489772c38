"""cairn.accounts.services: accounts are created whole, and never twice for one person."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from cairn.accounts import services
from cairn.accounts.models import FailedLogin, Profile, User
from tests.conftest import PASSWORD


def create(
    username: str = "dana", email: str = "dana@example.com", password: str = PASSWORD
) -> User:
    return services.create_user(username=username, email=email, password=password)


@pytest.mark.django_db
def test_create_user_makes_an_empty_profile() -> None:
    user = create(username="  dana ", email="dana@EXAMPLE.com")
    assert user.username == "dana"
    assert user.email == "dana@example.com"
    assert Profile.objects.get(user=user).time_zone == "UTC"


@pytest.mark.parametrize(
    ("username", "email", "field"),
    [
        ("alice", "other@example.com", "username"),
        ("Alice", "other@example.com", "username"),
        ("dana", "ALICE@example.com", "email"),
        ("dana", "not an email", None),
    ],
)
def test_create_user_refuses_duplicates_and_bad_email(
    alice: User, username: str, email: str, field: str | None
) -> None:
    with pytest.raises(ValidationError) as caught:
        create(username=username, email=email)
    if field:
        assert field in caught.value.message_dict
    assert User.objects.count() == 1
    assert Profile.objects.count() == 1


@pytest.mark.django_db
def test_create_user_refuses_a_weak_password() -> None:
    with pytest.raises(ValidationError, match="too common"):
        create(password="password")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_throttle_counts_recent_failures(settings: Any) -> None:
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    services.record_failed_login("dana", "127.0.0.1")
    assert not services.login_is_throttled("dana")
    services.record_failed_login("Dana", None)
    assert services.login_is_throttled("DANA")
    services.clear_failed_logins("dana")
    assert not FailedLogin.objects.exists()
