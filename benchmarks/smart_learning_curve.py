"""How much would more writers help the learned layer? Run by hand; prints a table.

    .venv/bin/python benchmarks/smart_learning_curve.py

Leave-writers-out on the corpus's training part only (never its evaluation part): the
writers are split into 6 folds; each fold is scored by models trained on 2, 4, 8 and all
of the other writers (the same ones, picked by a fixed seed, for every judgement), with
what Cairn ships (logistic regression over the same features, C=1, threshold 0.5).
Each row is the mean over the folds. Read it as: how fast each judgement rises with the
number of people who wrote the training lines, and so how far a target is out of reach.
Needs scikit-learn (the dev extra).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import train_smart_model as training  # noqa: E402

from cairn.smart import learned  # noqa: E402

SIZES = (2, 4, 8, None)  # None: every other writer
FLAGS = ("compound", "vague_words")


def score(gold: np.ndarray, predicted: np.ndarray, name: str) -> float:
    return training._score(gold, predicted.astype(bool), flag=name in FLAGS)


def main() -> None:
    learned._TITLE_WORDS = frozenset(training.title_words())
    rows = training.read_rows(training.TRAIN)
    writers = np.array([row["id"].split("-")[0] for row in rows])
    x, _, _ = training.feature_matrix(rows)
    y = np.array([training.labels(row) for row in rows])
    print(f"{len(rows)} statements by {len(set(writers))} writers; 6 leave-writers-out folds")
    print("accuracy (F1 for the flags), mean over folds, by writers trained on\n")
    print(f"{'writers':>8} {'lines':>6}" + "".join(f"{name:>13}" for name in learned.FIELDS))
    folds = list(GroupKFold(6).split(x, groups=writers))
    for size in SIZES:
        totals = np.zeros(len(learned.FIELDS))
        lines = 0
        for fold, (train, test) in enumerate(folds):
            pool = sorted(set(writers[train]))
            chosen = set(random.Random(fold).sample(pool, size) if size else pool)
            used = np.array([i for i in train if writers[i] in chosen])
            lines += len(used)
            for index, name in enumerate(learned.FIELDS):
                model = LogisticRegression(C=1, solver="liblinear", random_state=0)
                model.fit(x[used], y[used, index])
                totals[index] += score(y[test, index], model.predict(x[test]), name)
        label = str(size) if size else "all"
        means = totals / len(folds)
        print(f"{label:>8} {lines // len(folds):>6}" + "".join(f"{v:>13.3f}" for v in means))


if __name__ == "__main__":
    main()
