"""What the benchmarks share: a scratch PostgreSQL database, made afresh for each run."""

from __future__ import annotations

ADMIN_URL = "postgresql://127.0.0.1:5432/test"


def url_for(name: str) -> str:
    return f"postgres://127.0.0.1:5432/{name}"


def fresh_postgres(name: str, label: str = "postgres") -> bool:
    """Drop and create database `name`; False (and a line saying so) when unreachable."""
    try:
        import psycopg

        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:
        print(f"{label:<11}not reachable ({type(error).__name__})")
        return False
    return True
