"""Run the whole pytest suite on SQLite, then again on PostgreSQL when one is reachable.

PostgreSQL is CAIRN_TEST_PG (a postgres:// URL) or 127.0.0.1:5432, trust auth, database `test`.
With CAIRN_REQUIRE_PG=1 (set by .ci/run) an unreachable PostgreSQL fails the run.
Extra arguments go to pytest: `python scripts/run_tests.py -k dashboard`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

DEFAULT_PG = "postgres://127.0.0.1:5432/test"


def postgres_url() -> str | None:
    url = os.environ.get("CAIRN_TEST_PG") or DEFAULT_PG
    try:
        import psycopg

        psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=3).close()
    except Exception as error:  # any failure means: not reachable
        print(f"PostgreSQL not reachable at {url} ({type(error).__name__}): SQLite only.")
        return None
    return url


def run_pytest(label: str, database_url: str | None, args: list[str]) -> int:
    env = dict(os.environ, CAIRN_HOME=tempfile.mkdtemp(prefix="cairn-test-"))
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    print(f"=== pytest on {label} ===", flush=True)
    return subprocess.call([sys.executable, "-m", "pytest", *args], env=env)


def main() -> int:
    args = sys.argv[1:] or ["-n", "2", "-q"]
    code = run_pytest("SQLite", None, args)
    url = postgres_url()
    if url is None:
        return code or (1 if os.environ.get("CAIRN_REQUIRE_PG") == "1" else 0)
    pg_code = run_pytest("PostgreSQL", url, args)
    print(f"PostgreSQL run: {'passed' if pg_code == 0 else 'FAILED'}")
    return code or pg_code


if __name__ == "__main__":
    sys.exit(main())
