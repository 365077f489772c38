"""Export from a Cairn on SQLite, import into a Cairn on PostgreSQL, export again: the two
documents are equal (ids aside). Real `cairn` processes on two real databases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.db import connection

from cairn.accounts.models import User
from cairn.portability.document import export_document
from tests.portability.test_export_import import movable, without_ids

PG = os.environ.get("CAIRN_TEST_PG", "postgres://127.0.0.1:5432/test")
CAIRN = str(Path(sys.executable).with_name("cairn"))


def _admin_url() -> str:
    return PG.replace("postgres://", "postgresql://", 1)


@pytest.fixture
def postgres_url() -> Any:
    """A fresh PostgreSQL database of its own, dropped afterwards."""
    if connection.vendor != "sqlite":
        pytest.skip("runs once, in the SQLite pass (it makes its own PostgreSQL database)")
    name = f"cairn_move_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(_admin_url(), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("CAIRN_REQUIRE_PG") == "1":
            raise
        pytest.skip(f"PostgreSQL not reachable: {error}")
    admin.execute(f'CREATE DATABASE "{name}"')
    yield PG.rsplit("/", 1)[0] + "/" + name
    admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


def cairn(home: Path, database: str, *args: str) -> str:
    env = dict(os.environ, CAIRN_HOME=str(home), DATABASE_URL=database)
    done = subprocess.run([CAIRN, *args], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"cairn {' '.join(args)}: {done.stdout}{done.stderr}"
    return done.stdout


def move(home: Path, database: str, source: Path, target: Path) -> None:
    """A new instance: migrate, an account, import the file, export it again."""
    home.mkdir()
    cairn(home, database, "manage", "migrate", "--verbosity", "0")
    cairn(
        home,
        database,
        "createuser",
        "alice",
        "--email",
        "a@example.org",
        "--password",
        "p4ss-w0rd-x",
    )
    cairn(home, database, "import", str(source), "--user", "alice")
    cairn(home, database, "export", "--json", str(target), "--user", "alice")


def test_sqlite_to_postgresql_and_back_gives_the_same_document(
    alice: User, bob: User, tmp_path: Path, postgres_url: str
) -> None:
    from tests.portability.test_export_import import fill

    fill(alice, bob)
    original = export_document(alice)
    start = tmp_path / "start.json"
    start.write_text(json.dumps(original), encoding="utf-8")
    on_sqlite, on_postgres = tmp_path / "sqlite.json", tmp_path / "postgres.json"
    move(tmp_path / "a", f"sqlite:///{tmp_path / 'a.sqlite3'}", start, on_sqlite)
    move(tmp_path / "b", postgres_url, on_sqlite, on_postgres)
    first = json.loads(on_sqlite.read_text(encoding="utf-8"))
    second = json.loads(on_postgres.read_text(encoding="utf-8"))
    assert without_ids(first) == movable(original)
    assert without_ids(second) == without_ids(first)
    assert len(second["goals"]) == 5 and second["goals"][1]["check_ins"]
