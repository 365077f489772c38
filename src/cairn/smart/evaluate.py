"""Score the analyzer against labelled statements (GUIDE format). Pure: no I/O here
beyond what the caller passes in, so tests and the CLI share it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cairn.smart.analyzer import analyze
from cairn.smart.model import FLAG_ORDER, Assessment

BOOLEAN_FIELDS = ("career", "specific", "measurable")
JUDGED_FIELDS = ("attainable", "relevant")
ALL_FIELDS = ("career", "specific", "measurable", "time", "deadline", "period", "numbers",
              "flags", "attainable", "relevant")  # fmt: skip


@dataclass(slots=True)
class BinaryCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    def scores(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total = self.tp + self.fp + self.fn + self.tn
        accuracy = (self.tp + self.tn) / total if total else 1.0
        return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy,
                "support": self.tp + self.fn, "n": total}  # fmt: skip


@dataclass(slots=True)
class Evaluation:
    """Figures per field, and the rows that were wrong (for reading, not scoring)."""

    total: int = 0
    binary: dict[str, BinaryCounts] = field(default_factory=dict)
    flags: dict[str, BinaryCounts] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)
    judged: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, labelled]
    all_right: int = 0
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        def share(right: int, total: int) -> float:
            return right / total if total else 1.0

        return {
            "statements": self.total,
            **{name: counts.scores() for name, counts in self.binary.items()},
            "time": {"accuracy": share(self.correct.get("time", 0), self.total)},
            "period": {"accuracy": share(self.correct.get("period", 0), self.total)},
            "deadline": {"exact": share(self.correct.get("deadline", 0), self.total)},
            "numbers": {"exact": share(self.correct.get("numbers", 0), self.total)},
            "flags": {name: counts.scores() for name, counts in self.flags.items()},
            **{
                name: {"accuracy": share(right, labelled), "labelled": labelled}
                for name, (right, labelled) in self.judged.items()
            },
            "all_fields": {"accuracy": share(self.all_right, self.total)},
        }


def same_numbers(gold: Iterable[Any], predicted: Iterable[Any]) -> bool:
    """Numbers as multisets, compared by value (100000 == 100000.0)."""
    try:
        return sorted(float(x) for x in gold) == sorted(float(x) for x in predicted)
    except (TypeError, ValueError):
        return False


def compare(row: Mapping[str, Any], result: Assessment) -> dict[str, bool]:
    """Which fields of `result` match the labels in `row`; only labelled fields appear."""
    predicted = result.to_dict()
    verdict: dict[str, bool] = {}
    for name in ALL_FIELDS:
        if name not in row:
            continue
        gold = row[name]
        if name == "numbers":
            verdict[name] = same_numbers(gold or [], predicted[name])
        elif name == "flags":
            verdict[name] = set(gold or []) == set(predicted[name])
        elif name in JUDGED_FIELDS and gold is None:
            continue
        else:
            verdict[name] = gold == predicted[name]
    return verdict


def evaluate(
    rows: Iterable[Mapping[str, Any]],
    analyzer: Callable[..., Assessment] = analyze,
) -> Evaluation:
    """Run the analyzer on each labelled row and count what it got right."""
    report = Evaluation(
        binary={name: BinaryCounts() for name in BOOLEAN_FIELDS},
        flags={name: BinaryCounts() for name in FLAG_ORDER},
        judged={name: [0, 0] for name in JUDGED_FIELDS},
    )
    for row in rows:
        result = analyzer(row.get("text", ""), today=row.get("today"), context=row.get("context"))
        report.total += 1
        verdict = compare(row, result)
        for name in BOOLEAN_FIELDS:
            if name in row:
                report.binary[name].add(bool(row[name]), bool(getattr(result, name)))
        for flag in FLAG_ORDER:
            report.flags[flag].add(flag in (row.get("flags") or []), flag in result.flags)
        for name in ("time", "period", "deadline", "numbers"):
            report.correct[name] = report.correct.get(name, 0) + int(verdict.get(name, False))
        for name in JUDGED_FIELDS:
            if name in verdict:
                report.judged[name][1] += 1
                report.judged[name][0] += int(verdict[name])
        # every field right: judged fields count only where labelled
        if all(verdict.values()):
            report.all_right += 1
        else:
            wrong = {name: row.get(name) for name, ok in verdict.items() if not ok}
            got = {name: result.to_dict()[name] for name in wrong}
            report.mistakes.append({"id": row.get("id"), "text": row.get("text"),
                                    "expected": wrong, "got": got})  # fmt: skip
    return report


def read_jsonl(lines: Iterable[str]) -> list[dict[str, Any]]:
    """Parse labelled rows; blank lines are skipped, bad JSON raises ValueError with the
    line number."""
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"line {number}: {error.msg}") from error
        if not isinstance(row, dict):
            raise ValueError(f"line {number}: expected a JSON object")
        rows.append(row)
    return rows
