"""Train the SMART analyzer's learned layer and write the files Cairn ships.

Reads the training part of the corpus (never its evaluation part, never dev.jsonl or
extra.jsonl: the rules were tuned on those, and a layer stacked on the rules must learn
when to distrust them from lines they never saw). Writes, byte for byte the same on every
run with the same inputs, library versions and processor (another processor may round a
handful of weights the other way at the third decimal: `--check` allows exactly that):

- src/cairn/smart/data/model.bin: one logistic regression per field over word 1-2-grams,
  character 3-5-grams, the rules' readings and the career-data title words;
- src/cairn/smart/data/title_words.txt: words that end an O*NET job title.

scikit-learn is used here only (pip install -e '.[train]'); Cairn scores the exported
weights in pure Python (cairn.smart.learned).

    python scripts/train_smart_model.py            # train and write
    python scripts/train_smart_model.py --check    # exit 1 if the shipped files differ
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cairn.smart import learned  # noqa: E402
from cairn.smart.analyzer import learning_features  # noqa: E402

TRAIN = ROOT / "tests" / "data" / "smart" / "corpus" / "train.jsonl"
CAREER_DATA = ROOT / "src" / "cairn" / "careerdata" / "data" / "careerdata.json.gz"
MIN_COUNT = 2  # a feature seen in one statement only is noise, and bloats the file
C_GRID = (0.1, 0.3, 1.0, 3.0)
DIGITS = 3  # weights are rounded: smaller file, and the same bytes on every machine
# Words that end titles but say nothing about work on their own.
TITLE_STOP = frozenset(["i", "ii", "iii", "iv", "a", "an", "and", "of", "the", "in", "for",
                        "to", "general", "other", "all", "person", "member", "partner", "owner",
                        "driver", "server", "fellow", "associate", "staff",
                        "assistant"])  # fmt: skip


def title_words() -> list[str]:
    """Words ending at least two O*NET titles ("welder", "purser", "captain")."""
    with gzip.open(CAREER_DATA, "rt", encoding="utf-8") as handle:
        titles = json.load(handle)["titles"]
    last = Counter(title.lower().split()[-1].strip(".,()") for title, _ in titles if title.split())
    return sorted(
        word
        for word, count in last.items()
        if count >= 2 and word.isalpha() and len(word) > 2 and word not in TITLE_STOP
    )


def labels(row: dict[str, Any]) -> list[int]:
    flags = set(row["flags"])
    return [int(row["career"]), int(row["specific"]), int(row["measurable"]),
            int("compound" in flags), int("vague_words" in flags)]  # fmt: skip


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2)
# A wider margin (more deference to the rules) is kept unless it costs more than this share
# of the cross-validated score: about four statements in 1,800.
MARGIN_TOLERANCE = 0.002


def fit_field(
    x: Any, y: np.ndarray, rules: np.ndarray, name: str
) -> tuple[LogisticRegression, float, float, str]:
    """Choose C, the threshold and the margin by 5-fold cross-validation on the training
    part only."""
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    best: tuple[float, float, float] = (-1.0, 0.0, 0.5)
    probabilities = {}
    for c in C_GRID:
        estimator = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=0)
        probability = cross_val_predict(estimator, x, y, cv=folds, method="predict_proba")[:, 1]
        probabilities[c] = probability
        for threshold in np.arange(0.2, 0.81, 0.05):
            score = _score(y, probability >= threshold, flag=name in ("compound", "vague_words"))
            if score > best[0] + 1e-9:
                best = (score, c, round(float(threshold), 2))
    score, c, threshold = best
    flag = name in ("compound", "vague_words")
    margin, with_margin = 0.0, score
    for candidate in MARGINS:
        probability = probabilities[c]
        unsure = np.abs(probability - threshold) < candidate
        predicted = np.where(unsure, rules == 1, probability >= threshold)
        candidate_score = _score(y, predicted, flag=flag)
        if candidate_score >= score - MARGIN_TOLERANCE:
            margin, with_margin = candidate, candidate_score
    final = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=0).fit(x, y)
    metric = "F1" if flag else "accuracy"
    line = (f"{name}: C={c} threshold={threshold} margin={margin} cross-validated {metric} "
            f"{score:.3f} ({with_margin:.3f} with the margin)")  # fmt: skip
    return final, threshold, margin, line


def _score(gold: np.ndarray, predicted: np.ndarray, *, flag: bool) -> float:
    if not flag:
        return float((gold == predicted).mean())
    tp = float(((gold == 1) & predicted).sum())
    fp = float(((gold == 0) & predicted).sum())
    fn = float(((gold == 1) & ~predicted).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def feature_matrix(rows: list[dict[str, Any]]) -> tuple[Any, list[dict[str, int]], Any]:
    """The analyzer's features of each statement (all of them, for the rules' readings),
    the sparse matrix of those seen at least MIN_COUNT times, and the feature names. The
    benchmarks that compare learners build the same matrix through here."""
    features = [learning_features(row["text"], today=row["today"]) for row in rows]
    counts = Counter(feature for found in features for feature in found)
    kept = [{f: n for f, n in found.items() if counts[f] >= MIN_COUNT} for found in features]
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(kept).tocsr()
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)  # liblinear
    return x, features, vectorizer.get_feature_names_out()


def build(train: Path = TRAIN) -> tuple[bytes, bytes, list[str]]:
    """The model file's bytes, the title words file's bytes, and a report."""
    words = title_words()
    learned._TITLE_WORDS = frozenset(words)  # features read the words being written
    rows = read_rows(train)
    x, features, names = feature_matrix(rows)
    y = np.array([labels(row) for row in rows])
    bias, thresholds, margins = [], [], []
    report = [f"{len(rows)} training statements, {len(names)} features"]
    weights = np.zeros((len(names), len(learned.FIELDS)))
    for index, name in enumerate(learned.FIELDS):
        rules = np.array([found.get(f"r:{name}", 0) for found in features])
        model, threshold, margin, line = fit_field(x, y[:, index], rules, name)
        margins.append(margin)
        weights[:, index] = model.coef_[0]
        bias.append(round(float(model.intercept_[0]), DIGITS))
        thresholds.append(threshold)
        report.append(line)
    kept_names, flat = [], []
    for name, row in zip(names, np.round(weights, DIGITS), strict=True):
        if np.any(row != 0):
            kept_names.append(str(name))
            flat.extend(float(value) for value in row)
    report.append(f"{len(kept_names)} features with a non-zero weight")
    model = learned.encode(learned.FIELDS, bias, thresholds, margins, kept_names, flat)
    return model, ("\n".join(words) + "\n").encode("utf-8"), report


# Liblinear's floating point differs slightly between processors and library builds, so
# a weight that lands on a rounding boundary may round either way: one step, never more.
ROUNDING_STEP = 10**-DIGITS * 1.01


def _same_build(path: Path, fresh: bytes) -> bool:
    """The shipped file equals a fresh build, byte for byte or within one rounding step
    of each weight (same features, thresholds and margins)."""
    if not path.exists():
        return False
    shipped = path.read_bytes()
    if shipped == fresh or path != learned.MODEL_PATH:
        return shipped == fresh
    old, new = learned.decode(shipped), learned.decode(fresh)
    if (old.rows, old.thresholds, old.margins) != (new.rows, new.thresholds, new.margins):
        return False
    pairs = [*zip(old.bias, new.bias, strict=True), *zip(old.weights, new.weights, strict=True)]
    off = sum(1 for a, b in pairs if a != b)
    print(f"{off} of {len(pairs)} weights one rounding step apart (another processor or build)")
    return all(abs(a - b) <= ROUNDING_STEP for a, b in pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped files")
    parser.add_argument("--train", type=Path, default=TRAIN, help="labelled training lines")
    options = parser.parse_args()
    model, words, report = build(options.train)
    print("\n".join(report))
    outputs = {learned.MODEL_PATH: model, learned.TITLE_WORDS_PATH: words}
    if options.check:
        stale = [path for path, data in outputs.items() if not _same_build(path, data)]
        for path in stale:
            print(f"differs from a fresh build: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
