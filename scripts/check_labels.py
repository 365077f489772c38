"""Check labelled goal statements against the GUIDE's schema and its own consistency rules.

Reads JSON lines (GUIDE format, plus the corpus's optional `sector`, `voice` and `tags`),
prints one line per problem, exits 1 when there is any. It never runs the analyzer: labels
are checked against the GUIDE, not against what Cairn answers.

    python scripts/check_labels.py tests/data/smart/corpus/train.jsonl
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

FIELDS = {"id", "text", "today", "career", "specific", "measurable", "time", "deadline",
          "period", "numbers", "flags", "attainable", "relevant"}  # fmt: skip
OPTIONAL = {"context", "sector", "voice", "tags"}
CONTEXT_KEYS = {"role", "field", "years_experience", "salary", "currency", "vision"}
TIMES = {"deadline", "recurring", "none"}
PERIODS = {None, "day", "week", "month", "quarter", "year"}
FLAGS = {"deadline_past", "deadline_invalid", "vague_words", "compound", "not_career"}


def problems(row: dict[str, Any]) -> list[str]:
    """What is wrong with one labelled row (empty when nothing is)."""
    found = [f"missing {name}" for name in sorted(FIELDS - row.keys())]
    found += [f"unknown field {name}" for name in sorted(row.keys() - FIELDS - OPTIONAL)]
    if found:
        return found
    found += _types(row)
    if not found:
        found += _consistency(row)
    return found


def _types(row: dict[str, Any]) -> list[str]:
    found = []
    if not isinstance(row["text"], str) or not row["text"].strip():
        found.append("text must be a non-empty string")
    for name in ("career", "specific", "measurable"):
        if not isinstance(row[name], bool):
            found.append(f"{name} must be true or false")
    for name in ("attainable", "relevant"):
        if row[name] is not None and not isinstance(row[name], bool):
            found.append(f"{name} must be true, false or null")
    if row["time"] not in TIMES:
        found.append(f"time must be one of {sorted(TIMES)}")
    if row["period"] not in PERIODS:
        found.append("period must be day, week, month, quarter, year or null")
    if not isinstance(row["numbers"], list) or not all(
        isinstance(n, int | float) and not isinstance(n, bool) for n in row["numbers"]
    ):
        found.append("numbers must be a list of numbers")
    if not isinstance(row["flags"], list) or set(row["flags"]) - FLAGS:
        found.append(f"flags must be a list drawn from {sorted(FLAGS)}")
    for name in ("today", "deadline"):
        if row[name] is not None and not _is_date(row[name]):
            found.append(f"{name} must be an ISO date")
    if row["today"] is None:
        found.append("today must be an ISO date")
    context = row.get("context")
    if context is not None and (not isinstance(context, dict) or set(context) - CONTEXT_KEYS):
        found.append(f"context must be an object with keys from {sorted(CONTEXT_KEYS)}")
    return found


def _consistency(row: dict[str, Any]) -> list[str]:
    found = []
    flags = set(row["flags"])
    if row["deadline"] is not None and row["time"] != "deadline":
        found.append("a deadline needs time 'deadline'")
    if row["time"] == "recurring" and row["period"] is None:
        found.append("time 'recurring' needs a period")
    past = row["deadline"] is not None and row["deadline"] < row["today"]
    if past != ("deadline_past" in flags):
        found.append("deadline_past must be set exactly when the deadline is before today")
    if (not row["career"]) != ("not_career" in flags):
        found.append("not_career must be set exactly when career is false")
    if "deadline_invalid" in flags and (row["time"] != "deadline" or row["deadline"]):
        found.append("deadline_invalid needs time 'deadline' and a null deadline")
    if "compound" in flags and row["specific"]:
        found.append("a compound statement is not specific")
    if not row.get("context") and (row["attainable"] is not None or row["relevant"] is not None):
        found.append("attainable and relevant need a context")
    return found


def _is_date(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return len(value) == 10


def check_file(path: Path) -> list[str]:
    """Every problem in one file, as 'file:line: message'."""
    messages, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            messages.append(f"{where}: bad JSON ({error.msg})")
            continue
        if not isinstance(row, dict):
            messages.append(f"{where}: not a JSON object")
            continue
        if row.get("id") in seen:
            messages.append(f"{where}: duplicate id {row.get('id')}")
        seen.add(row.get("id"))
        messages += [f"{where}: {message}" for message in problems(row)]
    return messages


def main(argv: list[str]) -> int:
    messages = [message for name in argv for message in check_file(Path(name))]
    print("\n".join(messages) if messages else "ok")
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
