"""Agreement with SMARTSpan, an outside set of goals labelled by others. Run by hand.

    .venv/bin/python benchmarks/smart_smartspan.py

SMARTSpan (SMARTMiner project, MIT licence; see tests/data/smart/smartspan/README.md) labels
266 health-coaching goals for Specific and Measurable. Its domain and conventions differ
from Cairn's GUIDE (e.g. "three times a week" alone counts as measurable there, and there is
no career notion), so this is an outside check, not a target: nothing here is tuned to it.
The coach's confidence note ("(confidence level: 7/10)") is not part of the goal and is cut
before analysis, as its README says that rating is what its `attainable` label records.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from cairn.smart import analyze

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "smart" / "smartspan"
CONFIDENCE_RE = re.compile(r"[\s(,;.-]*\(?\s*confidence[^)]*\)?\s*\.?\s*$", re.IGNORECASE)


def agreement(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    """Accuracy, Cohen's kappa, and precision/recall/F1 of ours against theirs."""
    total = len(pairs)
    both = sum(1 for gold, ours in pairs if gold and ours)
    only_ours = sum(1 for gold, ours in pairs if ours and not gold)
    only_gold = sum(1 for gold, ours in pairs if gold and not ours)
    neither = total - both - only_ours - only_gold
    accuracy = (both + neither) / total
    gold_yes, ours_yes = (both + only_gold) / total, (both + only_ours) / total
    chance = gold_yes * ours_yes + (1 - gold_yes) * (1 - ours_yes)
    kappa = (accuracy - chance) / (1 - chance) if chance < 1 else 1.0
    precision = both / (both + only_ours) if both + only_ours else 1.0
    recall = both / (both + only_gold) if both + only_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": total, "accuracy": accuracy, "kappa": kappa, "precision": precision,
            "recall": recall, "f1": f1, "theirs_yes": gold_yes, "ours_yes": ours_yes}  # fmt: skip


def main() -> None:
    rows = [json.loads(line) for line in (DATA / "goals_classify.jsonl").open(encoding="utf-8")]
    results = {"specific": [], "measurable": []}  # type: dict[str, list[tuple[bool, bool]]]
    for row in rows:
        goal = CONFIDENCE_RE.sub("", row["goal"]).strip()
        assessment = analyze(goal, today="2025-01-01")
        results["specific"].append((bool(row["specific"]), assessment.specific))
        results["measurable"].append((bool(row["measurable"]), assessment.measurable))
    print(f"SMARTSpan: {len(rows)} goals (health coaching; labels by its own annotators)\n")
    print(f"{'label':<12}{'accuracy':>9}{'kappa':>7}{'P':>7}{'R':>7}{'F1':>7}"
          f"{'theirs yes':>12}{'ours yes':>10}")  # fmt: skip
    for name, pairs in results.items():
        a = agreement(pairs)
        print(
            f"{name:<12}{a['accuracy']:>9.3f}{a['kappa']:>7.3f}{a['precision']:>7.3f}"
            f"{a['recall']:>7.3f}{a['f1']:>7.3f}{a['theirs_yes']:>12.0%}{a['ours_yes']:>10.0%}"
        )


if __name__ == "__main__":
    main()
