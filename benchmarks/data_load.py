"""`cairn data load` time on SQLite and PostgreSQL (when reachable): the target is < 1 minute.

Each database starts empty and migrated; timed are the first load, a second run with the
same version (nothing to do) and a forced reload (occupations updated in place).

    .venv/bin/python benchmarks/data_load.py             # both databases
    .venv/bin/python benchmarks/data_load.py --db sqlite
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

from benchdb import ADMIN_URL, fresh_postgres, url_for

PG_BENCH = url_for("cairn_data_bench")


def run_all() -> None:
    print(f"{'database':<11}{'first load':>12}{'again':>10}{'--force':>10}{'rows':>10}")
    for db in ("sqlite", "postgres"):
        subprocess.run([sys.executable, __file__, "--db", db], check=False)


def run(db: str) -> None:
    if db == "postgres" and not fresh_postgres("cairn_data_bench"):
        return
    os.environ["CAIRN_HOME"] = tempfile.mkdtemp(prefix="cairn-bench-")
    os.environ.pop("DATABASE_URL", None)
    if db == "postgres":
        os.environ["DATABASE_URL"] = PG_BENCH
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cairn.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from cairn.careerdata import loader

    call_command("migrate", interactive=False, verbosity=0)
    times, rows = [], 0
    for force in (False, False, True):
        started = time.perf_counter()
        result = loader.load(force=force)
        times.append(time.perf_counter() - started)
        rows = max(rows, sum(result.counts.values()))
    first, again, forced = times
    print(f"{db:<11}{first:>11.1f}s{again:>9.1f}s{forced:>9.1f}s{rows:>10,}", flush=True)
    if db == "postgres":
        from django.db import connections

        connections.close_all()
        import psycopg

        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS cairn_data_bench")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    if args.db:
        run(args.db)
    else:
        run_all()


if __name__ == "__main__":
    main()
