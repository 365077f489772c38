"""How fast is the SMART analyzer? Run by hand; prints a table, asserts nothing.

    .venv/bin/python benchmarks/smart_speed.py            # 10,000 statements
    .venv/bin/python benchmarks/smart_speed.py --n 2000 --dateparser-n 300

Prints, for the same statements: analyze() (learned layer included) and
dateparser.search_dates (the usual tool) per statement (median, p99) and statements per
second; the wall time of a cold `cairn check "..."` next to a bare `python -c pass`; and
the time to analyse a 20,000-character input.

dateparser is called twice over, with the same RELATIVE_BASE as analyze's `today`:
as a careful user calls it, `languages=["en"]` (the fair comparison, and the ratio the
targets are judged by), and without `languages`, where it guesses the language of each
text and runs many times slower (printed for reference only).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "data" / "smart" / "dev.jsonl"
# Statements of every labelled set: thousands of different wordings, not 170 repeats.
SOURCES = [DEV, DEV.with_name("extra.jsonl"), DEV.parent / "corpus" / "train.jsonl",
           DEV.parent / "corpus" / "eval.jsonl"]  # fmt: skip

# Pieces to vary the dev statements with, so that 10,000 statements are not 170 repeats.
OPENERS = ["", "", "", "I want to ", "my goal is to ", "honestly I'd like to ", "Goal: "]
TIMES = ["", "by 2027", "within 18 months", "by the end of Q3", "next year", "by March 15",
         "in 6 weeks", "by 15/03/2027", "before I turn 40", "this quarter", "someday",
         "every month", "3 times a week", "by 202"]  # fmt: skip
AMOUNTS = ["100K", "$85,000", "three", "a dozen", "25%", "1.2M", "10", "twenty-five"]


def make_statements(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(text, today) pairs: dev statements with openers, times and amounts varied."""
    rng = random.Random(seed)
    rows = [json.loads(line) for source in SOURCES
            for line in source.read_text(encoding="utf-8").splitlines() if line]  # fmt: skip
    statements = []
    for index in range(count):
        row = rows[index % len(rows)]
        text = row["text"]
        if index >= len(rows):
            text = rng.choice(OPENERS) + text
            if rng.random() < 0.5:
                text = f"{text} {rng.choice(TIMES)}".strip()
            if rng.random() < 0.3:
                text = text.replace(" a ", f" {rng.choice(AMOUNTS)} ", 1)
            if rng.random() < 0.2:
                text = text.upper() if rng.random() < 0.3 else text.capitalize()
        statements.append((text, row["today"]))
    return statements


def time_each(
    function: Callable[[str, str], Any], statements: list[tuple[str, str]]
) -> list[float]:
    """Seconds per statement."""
    timings = []
    for text, today in statements:
        started = time.perf_counter()
        function(text, today)
        timings.append(time.perf_counter() - started)
    return timings


def describe(name: str, timings: list[float]) -> dict[str, Any]:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    total = sum(timings)
    return {"name": name, "n": len(timings), "median_ms": statistics.median(timings) * 1000,
            "p99_ms": p99 * 1000, "per_second": len(timings) / total if total else 0.0}  # fmt: skip


def _dateparser(languages: list[str] | None) -> Callable[[str, str], Any]:
    from datetime import datetime

    from dateparser.search import search_dates

    def call(text: str, today: str) -> Any:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(today)}
        return search_dates(text, languages=languages, settings=settings)

    return call


def cold_start(runs: int) -> tuple[float, float]:
    """Median wall time (ms) of `cairn check "..."` and of `python -c pass`, fresh processes."""
    cairn = Path(sys.executable).with_name("cairn")
    command = [str(cairn), "check", "earn 100K a year by 2027", "--today", "2026-01-10"]
    bare = [sys.executable, "-c", "pass"]

    # As an installed copy runs: with bytecode caches (some shells, CI's included, set
    # PYTHONDONTWRITEBYTECODE, which makes every start compile every module again).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

    def wall(args: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env)
        return (time.perf_counter() - started) * 1000

    wall(command)  # warm the OS file cache and write .pyc files first
    pairs = [(wall(command), wall(bare)) for _ in range(runs)]  # alternate: same load on both
    return (statistics.median(c for c, _ in pairs), statistics.median(b for _, b in pairs))


def long_inputs() -> dict[str, str]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    story = (
        "I have worked in retail for six years and I am tired of the weekend shifts, the "
        "pay, and the feeling that nothing I do is noticed by anyone above the store level; "
    )
    goal = " so my goal is to become assistant store manager by June 2027"
    return {
        "one statement: a story, then a goal": (story * 200)[: 20000 - len(goal)] + goal,
        "300 goal statements in a row": (". ".join(row["text"] for row in rows) * 4)[:20000],
        "20,000 digits": "1" * 20000,
        "'by ' x 6,666": ("by " * 6667)[:20000],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="statements for analyze()")
    parser.add_argument("--dateparser-n", type=int, default=1_000,
                        help="statements for dateparser (it is slow; a subsample)")  # fmt: skip
    parser.add_argument("--cold-runs", type=int, default=10)
    args = parser.parse_args()

    started = time.perf_counter()
    from cairn.smart import analyze

    smart_import_ms = (time.perf_counter() - started) * 1000
    statements = make_statements(args.n)
    analyze(statements[0][0], today=statements[0][1])  # warm up
    smart = describe("cairn.smart.analyze", time_each(lambda t, d: analyze(t, today=d), statements))

    started = time.perf_counter()
    warnings.filterwarnings("ignore")
    from dateparser.search import search_dates

    search_dates("by 2027", languages=["en"])  # loads language data: not counted per statement
    search_dates("by 2027")
    dateparser_load_ms = (time.perf_counter() - started) * 1000
    step = max(1, len(statements) // args.dateparser_n)
    sample = statements[::step][: args.dateparser_n]
    fair = describe('dateparser languages=["en"]', time_each(_dateparser(["en"]), sample))
    guess = describe("dateparser (guesses language)", time_each(_dateparser(None), sample))

    print(
        f"\nPer statement ({smart['n']:,} statements; dateparser on every {step}th: {fair['n']:,})"
    )
    print(f"{'':32}{'median ms':>11}{'p99 ms':>10}{'statements/s':>15}{'load ms':>10}")
    for row, load in ((smart, smart_import_ms), (fair, dateparser_load_ms), (guess, 0.0)):
        print(f"{row['name']:32}{row['median_ms']:>11.3f}{row['p99_ms']:>10.3f}"
              f"{row['per_second']:>15,.0f}{load:>10.0f}")  # fmt: skip
    print(f"throughput ratio: {smart['per_second'] / fair['per_second']:.1f}x dateparser with "
          f'languages=["en"] (target >= 10x); {smart["per_second"] / guess["per_second"]:.0f}x '
          "the language-guessing call")  # fmt: skip
    print(f"targets: median {smart['median_ms']:.3f} ms (<= 0.2), p99 {smart['p99_ms']:.3f} ms"
          " (<= 1)")  # fmt: skip

    cairn_ms, bare_ms = cold_start(args.cold_runs)
    print(f"\nCold start (median of {args.cold_runs} runs, alternating)")
    print(f'  cairn check "..."  {cairn_ms:7.1f} ms  (target <= 150 ms)')
    print(f"  python -c pass     {bare_ms:7.1f} ms")
    print(f"  ratio              {cairn_ms / bare_ms:7.2f}x  (target <= 5x)")

    print("\nLong inputs (5 runs each)")
    for name, text in long_inputs().items():
        timings = [time_each(lambda t, d: analyze(t, today=d), [(text, "2026-01-10")])[0]
                   for _ in range(5)]  # fmt: skip
        print(f"  {name:38} {len(text):6,} chars  median {statistics.median(timings) * 1000:5.1f}"
              f" ms  best {min(timings) * 1000:5.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
