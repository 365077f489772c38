"""How right is the SMART coach? Run by hand; prints tables, asserts nothing.

    .venv/bin/python benchmarks/smart_accuracy.py

Prints, in one run:
1. every field's figure on the four labelled sets side by side (dev and extra: the word
   lists were tuned on them; corpus/train: the learned layer was trained on it; corpus/eval:
   held-out sectors and voices, never tuned on: the honest figure), rules provider;
2. the same with the word lists alone (the learned layer off), to show what it adds;
3. attainable and relevant with the O*NET/BLS data provider (what the web app uses);
4. agreement with SMARTSpan on specific and measurable (an outside set, untuned).
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from cairn.cli.smart_eval import format_columns  # noqa: E402
from cairn.smart import analyze  # noqa: E402
from cairn.smart.evaluate import evaluate, read_jsonl  # noqa: E402
from smart_smartspan import CONFIDENCE_RE, DATA, agreement  # noqa: E402

SETS = ["dev.jsonl", "extra.jsonl", "corpus/train.jsonl", "corpus/eval.jsonl"]
SMART = REPO / "tests" / "data" / "smart"


def table(analyzer: functools.partial[object] | None = None) -> str:
    summaries = {}
    for name in SETS:
        with (SMART / name).open(encoding="utf-8") as handle:
            rows = read_jsonl(handle)
        summaries[name] = evaluate(rows, analyzer=analyzer or analyze).summary()
    return format_columns(summaries)


def smartspan() -> list[str]:
    import json

    rows = [json.loads(line) for line in (DATA / "goals_classify.jsonl").open(encoding="utf-8")]
    pairs: dict[str, list[tuple[bool, bool]]] = {"specific": [], "measurable": []}
    for row in rows:
        result = analyze(CONFIDENCE_RE.sub("", row["goal"]).strip(), today="2025-01-01")
        for name, found in pairs.items():
            found.append((bool(row[name]), getattr(result, name)))
    lines = [f"SMARTSpan ({len(rows)} health-coaching goals): accuracy, Cohen's kappa, F1"]
    for name, found in pairs.items():
        a = agreement(found)
        lines.append(f"  {name:<11} {a['accuracy']:.3f}  kappa {a['kappa']:.3f}  F1 {a['f1']:.3f}")
    return lines


def main() -> None:
    from cairn.careerdata.provider import DataProvider

    print("1. Rules provider, learned layer on (as cairn check --no-data)\n")
    print(table())
    print("\n2. Word lists alone (learned layer off)\n")
    print(table(functools.partial(analyze, use_model=False)))
    print("\n3. With the O*NET/BLS data provider (as the web app and cairn check)\n")
    with_data = table(functools.partial(analyze, provider=DataProvider()))
    wanted = re.compile(r"(figure|statements|attainable|relevant|all fields)")
    print("\n".join(line for line in with_data.splitlines() if wanted.match(line)))
    print("\n4. " + "\n".join(smartspan()))


if __name__ == "__main__":
    main()
