"""Which learner for the SMART coach's learned layer? Run by hand; prints a table.

    .venv/bin/python benchmarks/smart_models.py

Leave-writers-out cross-validation on the corpus's training part (5 folds, every writer's
statements in one fold: a model is scored on writers it never saw), same features for
every learner (scripts/train_smart_model.py builds them), per judgement: the word lists
alone, logistic regression (what Cairn ships), a linear SVM, complement naive Bayes.
Needs scikit-learn (the dev extra). Never reads the evaluation part.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import train_smart_model as training  # noqa: E402

from cairn.smart import learned  # noqa: E402

LEARNERS = {
    "logistic regression": lambda: LogisticRegression(C=1, solver="liblinear", random_state=0),
    "linear SVM": lambda: LinearSVC(C=0.1, random_state=0),
    "complement naive Bayes": ComplementNB,
}


def main() -> None:
    learned._TITLE_WORDS = frozenset(training.title_words())
    rows = training.read_rows(training.TRAIN)
    writers = [row["id"].split("-")[0] for row in rows]
    x, features, _ = training.feature_matrix(rows)
    print(f"{len(rows)} statements, {len(set(writers))} writers; accuracy, leave-writers-out\n")
    print(f"{'judgement':<13}{'rules alone':>13}" + "".join(f"{name:>25}" for name in LEARNERS))
    for index, name in enumerate(learned.FIELDS):
        y = np.array([training.labels(row)[index] for row in rows])
        rules = np.array([int(f"r:{name}" in found) for found in features])
        line = f"{name:<13}{np.mean(rules == y):>13.3f}"
        for make in LEARNERS.values():
            predicted = cross_val_predict(make(), x, y, cv=GroupKFold(5), groups=writers)
            line += f"{np.mean(predicted == y):>25.3f}"
        print(line)


if __name__ == "__main__":
    main()
