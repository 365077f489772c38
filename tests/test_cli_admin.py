"""`cairn createuser` and `cairn manage`, run through click's CliRunner."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from cairn.accounts.models import Profile, User
from cairn.cli import main
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def cairn(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.output


def test_createuser_with_password_option() -> None:
    code, output = cairn(
        "createuser", "dana", "--email", "dana@example.com", "--password", PASSWORD
    )
    assert (code, output.strip()) == (0, "Created dana.")
    user = User.objects.get(username="dana")
    assert user.email == "dana@example.com"
    assert user.check_password(PASSWORD)
    assert Profile.objects.filter(user=user).exists()


def test_createuser_prompts_twice_for_the_password() -> None:
    code, output = cairn(
        "createuser", "dana", "--email", "dana@example.com", input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert code == 0, output
    assert PASSWORD not in output
    assert User.objects.get(username="dana").check_password(PASSWORD)


def test_createuser_works_with_registration_closed(settings: Any) -> None:
    settings.REGISTRATION = "closed"
    code, _ = cairn("createuser", "dana", "--email", "dana@example.com", "--password", PASSWORD)
    assert code == 0
    assert User.objects.filter(username="dana").exists()


@pytest.mark.parametrize(
    ("username", "email", "password", "message"),
    [
        ("alice", "new@example.com", PASSWORD, "A user with that username already exists."),
        ("Alice", "new@example.com", PASSWORD, "A user with that username already exists."),
        ("dana", "alice@example.com", PASSWORD, "already exists"),
        ("dana", "not-an-email", PASSWORD, "Enter a valid email address."),
        ("dana", "dana@example.com", "password", "This password is too common."),
    ],
)
def test_createuser_refuses_with_a_clear_message(
    alice: User, username: str, email: str, password: str, message: str
) -> None:
    code, output = cairn("createuser", username, "--email", email, "--password", password)
    assert code != 0
    assert output.startswith("Error: ")
    assert message in output
    assert "Traceback" not in output
    assert User.objects.count() == 1


def test_createuser_needs_an_email() -> None:
    code, output = cairn("createuser", "dana", "--password", PASSWORD)
    assert code == 2
    assert "--email" in output
    assert not User.objects.exists()


def test_manage_runs_django_commands() -> None:
    code, output = cairn("manage", "check")
    assert code == 0, output
    assert "System check identified no issues" in output


def test_manage_passes_options_through() -> None:
    code, output = cairn("manage", "showmigrations", "accounts", "--plan")
    assert code == 0, output
    assert "accounts.0001_initial" in output


def test_manage_help_is_django_help() -> None:
    code, output = cairn("manage", "help")
    assert code == 0
    assert "migrate" in output


def test_manage_unknown_command_fails() -> None:
    code, output = cairn("manage", "no-such-command")
    assert code != 0
    assert "Unknown command" in output
