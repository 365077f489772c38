"""Export and import of a large account: seconds, on SQLite and PostgreSQL (when reachable).

One person with 500 goals, 5,000 micro-goals and 20,000 check-ins (the same data as
dashboard.py). Times `export_document` plus JSON encoding, then `import_document` of that
document into a second account (one transaction), the median of 3 runs each. Targets:
export <= 2 s, import <= 5 s.

    .venv/bin/python benchmarks/portability.py            # both databases
    .venv/bin/python benchmarks/portability.py --db sqlite
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

from benchdb import fresh_postgres
from dashboard import CHECK_INS_PER_GOAL, GOALS, STEPS_PER_GOAL, populate, setup

RUNS = 3


def run_all() -> None:
    print(f"{GOALS} goals, {GOALS * STEPS_PER_GOAL} micro-goals, "
          f"{GOALS * CHECK_INS_PER_GOAL} check-ins; median of {RUNS} runs")  # fmt: skip
    print(f"{'database':<11}{'export s':>10}{'import s':>10}{'file MB':>9}")
    for db in ("sqlite", "postgres"):
        subprocess.run([sys.executable, __file__, "--db", db], check=False)


def run_one(db: str) -> None:
    if db == "postgres" and not fresh_postgres("cairn_bench", label=db):
        return
    setup(db)
    from cairn.accounts.services import create_user
    from cairn.portability.document import export_document
    from cairn.portability.load import import_document

    owner, _ = populate()
    exports, imports, text = [], [], ""
    for run in range(RUNS):
        start = time.perf_counter()
        text = json.dumps(export_document(owner))  # type: ignore[arg-type]
        exports.append(time.perf_counter() - start)
        target = create_user(username=f"copy{run}", email=f"copy{run}@example.com",
                             password="a long passphrase 1")  # fmt: skip
        start = time.perf_counter()
        import_document(user=target, document=json.loads(text))
        imports.append(time.perf_counter() - start)
    size = len(text.encode()) / 1e6
    print(f"{db:<11}{statistics.median(exports):>10.2f}{statistics.median(imports):>10.2f}"
          f"{size:>9.1f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    run_one(args.db) if args.db else run_all()
