"""Settings: documented, safe by default, clean for a configured production deployment."""

from __future__ import annotations

import ast
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from django.utils.module_loading import import_string

from cairn import home
from cairn.cli import COMMANDS, main
from cairn.email_config import CONSOLE, SMTP, parse_email_url

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "cairn"
README = (ROOT / "README.md").read_text(encoding="utf-8")
NAME = r"""\(\s*["']([A-Z][A-Z0-9_]*)["']"""
ENV_READS = [
    re.compile(r"\benv(?:\.(?:str|bool|int|float|list|dict|json|url|db_url|path))?" + NAME),
    re.compile(r"\bos\.environ\.get" + NAME),
    re.compile(r"\bos\.getenv" + NAME),
    re.compile(r"""\bos\.environ\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]"""),
]


def variables_read() -> set[str]:
    names: set[str] = set()
    for path in [*SRC.rglob("*.py"), *(ROOT / "scripts").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for pattern in ENV_READS:
            names.update(pattern.findall(text))
    return names


def variables_documented() -> set[str]:
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", README, re.M))


def test_every_environment_variable_is_in_the_readme_table() -> None:
    read = variables_read()
    assert {"SECRET_KEY", "CAIRN_HOME", "DATABASE_URL", "EMAIL_URL", "DEBUG"} <= read
    assert not read - variables_documented(), "document these in README.md's settings table"


def test_the_scan_finds_every_kind_of_read() -> None:
    sample = 'env.bool("A_B", default=1) os.environ.get("C") os.getenv("D") os.environ["E"]'
    found = {name for pattern in ENV_READS for name in pattern.findall(sample)}
    assert found == {"A_B", "C", "D", "E"}


def command(name: str) -> click.Command:
    found = main.get_command(click.Context(main), name)
    assert found is not None, name
    return found


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_examples_and_is_in_the_readme(name: str) -> None:
    assert "Examples:" in (command(name).help or "")
    assert f"`cairn {name}" in README


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - {"manage"}))
def test_command_help_shows_examples(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"cairn {name}" in result.output


def test_main_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    for name in COMMANDS:
        assert re.search(rf"^\s+{re.escape(name)}\s", result.output, re.M), name


def test_secret_key_file_is_private_and_stable(tmp_path: Path) -> None:
    key = home.secret_key(tmp_path)
    path = tmp_path / home.SECRET_KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(key) >= 50
    assert home.secret_key(tmp_path) == key
    other = tmp_path / "other"
    other.mkdir()
    assert home.secret_key(other) != key


def test_cairn_home_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAIRN_HOME", str(tmp_path / "data"))
    assert home.cairn_home() == tmp_path / "data"
    assert (tmp_path / "data").is_dir()


def test_no_secret_key_default_in_the_code() -> None:
    tree = ast.parse((SRC / "settings.py").read_text(encoding="utf-8"))
    values = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "SECRET_KEY" for t in node.targets)
    ]
    assert len(values) == 1
    strings = {n.value for n in ast.walk(values[0]) if isinstance(n, ast.Constant)}
    assert strings <= {"SECRET_KEY"}
    for path in SRC.rglob("*.py"):
        assert "django-insecure" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.example.com", {"host": "mail.example.com", "port": 25, "use_tls": False}),
        ("smtp://mail.example.com:587?tls=1", {"port": 587, "use_tls": True, "use_ssl": False}),
        ("smtp://mail.example.com?tls=true", {"use_tls": True}),
        ("smtp://mail.example.com?tls=0", {"use_tls": False}),
        ("smtps://mail.example.com", {"port": 465, "use_ssl": True, "use_tls": False}),
        ("smtps://mail.example.com:2465?tls=1", {"port": 2465, "use_tls": False}),
        ("submission://mail.example.com", {"port": 587}),
        ("smtp://mail.example.com?timeout=5", {"timeout": 5}),
        (
            "smtp://me%40example.com:p%3Ass%2Fw%40rd%25@mail.example.com:587",
            {"username": "me@example.com", "password": "p:ss/w@rd%", "port": 587},
        ),
        ("smtp://apikey@mail.example.com", {"username": "apikey", "password": ""}),
    ],
)
def test_parse_smtp_urls(url: str, expected: dict[str, Any]) -> None:
    config = parse_email_url(url)
    assert config["BACKEND"] == SMTP
    assert expected.items() <= config["OPTIONS"].items()


def test_no_credentials_without_a_user() -> None:
    assert "username" not in parse_email_url("smtp://mail.example.com")["OPTIONS"]


@pytest.mark.parametrize("url", ["console://", "", "  ", "consolemail://"])
def test_parse_console_urls(url: str) -> None:
    assert parse_email_url(url) == {"BACKEND": CONSOLE, "OPTIONS": {}}


@pytest.mark.parametrize("url", ["http://mail.example.com", "imap://mail.example.com"])
def test_unsupported_scheme_is_a_clear_error(url: str) -> None:
    with pytest.raises(ValueError, match="unsupported scheme"):
        parse_email_url(url)


def test_django_smtp_backend_accepts_the_options() -> None:
    config = parse_email_url("smtps://u%40x:secret@mail.example.com:465?timeout=7")
    backend = import_string(config["BACKEND"])(alias="default", **config["OPTIONS"])
    assert (backend.host, backend.port, backend.use_ssl, backend.timeout) == (
        "mail.example.com",
        465,
        True,
        7,
    )
    assert (backend.username, backend.password) == ("u@x", "secret")


# --- Real processes, with nothing but the given environment ---------------------------

SHOW_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({"DEBUG": s.DEBUG, "SECRET_KEY": s.SECRET_KEY,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE, "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "MAILER": s.MAILERS["default"]["BACKEND"]}))
"""
PRODUCTION = {
    "CAIRN_SECURE": "1",
    "ALLOWED_HOSTS": "cairn.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://cairn.example.com",
    "SITE_URL": "https://cairn.example.com",
    "EMAIL_URL": "smtp://cairn%40example.com:secret@mail.example.com:587?tls=1",
}


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """This process's environment without any Cairn setting, CAIRN_HOME in tmp_path."""
    drop = variables_documented() | {"DJANGO_SETTINGS_MODULE"}
    env = {key: value for key, value in os.environ.items() if key not in drop}
    return env | {"CAIRN_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "cairn.settings"} | extra


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120
    )


def cairn(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run(["-c", "from cairn.cli import main; main()", *args], env)


def test_defaults_are_safe(tmp_path: Path) -> None:
    done = run(["-c", SHOW_SETTINGS], clean_env(tmp_path))
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["DEBUG"] is False
    assert shown["SECRET_KEY"] == (tmp_path / "secret_key").read_text().strip()
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    assert shown["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]"]
    assert shown["SESSION_COOKIE_SECURE"] is False
    assert shown["MAILER"] == CONSOLE


def test_secret_key_from_the_environment_writes_no_file(tmp_path: Path) -> None:
    done = run(["-c", SHOW_SETTINGS], clean_env(tmp_path, SECRET_KEY="k" * 60, DEBUG="1"))
    shown = json.loads(done.stdout)
    assert (shown["SECRET_KEY"], shown["DEBUG"]) == ("k" * 60, True)
    assert not (tmp_path / "secret_key").exists()


def test_configured_deployment_passes_check_deploy(tmp_path: Path) -> None:
    done = cairn(
        clean_env(tmp_path, **PRODUCTION), "manage", "check", "--deploy", "--fail-level", "WARNING"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_unconfigured_deployment_fails_check_deploy(tmp_path: Path) -> None:
    done = cairn(clean_env(tmp_path), "manage", "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode != 0
    assert "SESSION_COOKIE_SECURE" in done.stderr


def test_bad_registration_value_is_refused(tmp_path: Path) -> None:
    done = run(["-c", SHOW_SETTINGS], clean_env(tmp_path, CAIRN_REGISTRATION="maybe"))
    assert done.returncode != 0
    assert "CAIRN_REGISTRATION must be 'open' or 'closed'" in done.stderr
