"""The API's list endpoints at scale: p50/p95 and SQL queries, on SQLite and PostgreSQL.

One person with 500 goals, 5,000 micro-goals and 20,000 check-ins (the data of
dashboard.py), a read token, Django's test client. Target: p95 <= 50 ms at 500 goals and
a query count that does not grow with the data.

    .venv/bin/python benchmarks/api.py            # both databases
    .venv/bin/python benchmarks/api.py --db sqlite
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from benchdb import fresh_postgres
from dashboard import CHECK_INS_PER_GOAL, GOALS, ROUNDS, STEPS_PER_GOAL, measure, populate, setup


def run_all() -> None:
    print(f"{GOALS} goals, {GOALS * STEPS_PER_GOAL} micro-goals, "
          f"{GOALS * CHECK_INS_PER_GOAL} check-ins; {ROUNDS} requests each")  # fmt: skip
    print(f"{'database':<11}{'endpoint':<38}{'p50 ms':>8}{'p95 ms':>8}{'queries':>9}")
    for db in ("sqlite", "postgres"):
        subprocess.run([sys.executable, __file__, "--db", db], check=False)


class TokenClient:
    """Django's test client with the token on every request."""

    def __init__(self, token: str) -> None:
        from django.test import Client

        self.client, self.header = Client(), {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def get(self, url: str) -> object:
        return self.client.get(url, **self.header)


def run_one(db: str) -> None:
    if db == "postgres" and not fresh_postgres("cairn_bench", label=db):
        return
    setup(db)
    from cairn.accounts import tokens

    owner, goal_id = populate()
    token = tokens.create_token(user=owner, name="bench", scope="read")[1]  # type: ignore[arg-type]
    client = TokenClient(token)
    urls = ["/api/v1/goals?limit=100", "/api/v1/goals?limit=500",
            "/api/v1/goals?status=active&horizon=5", f"/api/v1/goals/{goal_id}/check-ins?limit=100",
            f"/api/v1/goals/{goal_id}/micro-goals"]  # fmt: skip
    for url in urls:
        client.get(url)
        p50, p95, queries = measure(client, url)
        print(f"{db:<11}{url.replace(str(goal_id), 'N'):<38}{p50:>8.1f}{p95:>8.1f}{queries:>9}",
              flush=True)  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    run_one(args.db) if args.db else run_all()
