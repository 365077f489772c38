"""The learned layer: linear models that decide career, specific, measurable, compound and
vague_words from the statement's words and what the rules read in it.

The word lists and clause reader stay, as evidence and as features; the final call on
these five judgements is a logistic regression trained on labelled statements the rules
were never tuned on (`scripts/train_smart_model.py`, which rebuilds `data/model.json`
byte for byte). Scoring is pure Python: a sum of weights over the features present, no
numpy, no scikit-learn at run time (importing scikit-learn costs about 2 s, more than a
whole `cairn check` may take).

A missing or corrupt model file raises ModelError at first use, loudly: the analyzer
never falls back silently to the rules alone.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

FIELDS = ("career", "specific", "measurable", "compound", "vague_words")
MODEL_PATH = Path(__file__).with_name("data") / "model.json"
FORMAT_VERSION = 1
# The model reads the first words of a statement; a pasted page says its goal early.
MAX_WORDS = 120
CHAR_SIZES = (3, 4, 5)


class ModelError(RuntimeError):
    """The shipped model is missing or unreadable: a broken install, not bad input."""


class LinearModel:
    """One logistic regression per field over a shared feature vocabulary.

    Features (see `feature_counts`): per distinct word, its word feature and its
    character n-grams; word pairs; the rules' signals. The weights of a word and its
    n-grams are summed once per word and kept in a bounded cache: words repeat across
    statements, so most of a statement costs one lookup a word."""

    __slots__ = ("_word_cache", "bias", "fields", "margins", "thresholds", "weights")
    CACHE_SIZE = 50_000

    def __init__(self, fields: tuple[str, ...], bias: tuple[float, ...],
                 thresholds: tuple[float, ...], margins: tuple[float, ...],
                 weights: dict[str, list[float]]) -> None:  # fmt: skip
        self.fields = fields
        self.bias = bias
        self.thresholds = thresholds
        self.margins = margins
        self.weights = weights
        self._word_cache: dict[str, tuple[float, ...]] = {}

    def totals(self, words: Sequence[str], others: Iterable[str]) -> list[float]:
        """The linear score of each field (before the sigmoid)."""
        totals = list(self.bias)
        size = len(totals)
        cache = self._word_cache
        for word in set(words):
            vector = cache.get(word)
            if vector is None:
                vector = self._word_vector(word)
            for index in range(size):
                totals[index] += vector[index]
        get = self.weights.get
        for feature in others:
            row = get(feature)
            if row is not None:
                for index in range(size):
                    totals[index] += row[index]
        return totals

    def _word_vector(self, word: str) -> tuple[float, ...]:
        vector = [0.0] * len(self.bias)
        get = self.weights.get
        for feature in word_grams(word):
            row = get(feature)
            if row is not None:
                for index, value in enumerate(row):
                    vector[index] += value
        if len(self._word_cache) >= self.CACHE_SIZE:
            self._word_cache.clear()  # a bound, not an LRU: hits are what matter
        result = self._word_cache[word] = tuple(vector)
        return result

    def scores(self, words: Sequence[str], others: Iterable[str]) -> dict[str, float]:
        """The probability of each field being true."""
        totals = self.totals(words, others)
        return {name: _sigmoid(total) for name, total in zip(self.fields, totals, strict=True)}

    def decide(
        self, words: Sequence[str], others: Iterable[str], rules: Mapping[str, bool]
    ) -> dict[str, bool]:
        """Each field's verdict: its probability against the threshold chosen in training;
        within the field's margin of the threshold the model is unsure and the rules'
        verdict stands (both figures chosen by cross-validation on the training part)."""
        scores = self.scores(words, others)
        verdicts = {}
        for name, threshold, margin in zip(self.fields, self.thresholds, self.margins, strict=True):
            score = scores[name]
            verdicts[name] = rules[name] if abs(score - threshold) < margin else score >= threshold
        return verdicts


def _sigmoid(value: float) -> float:
    if value < -60:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))


def model_words(tokens: Sequence[tuple[int, int, str]]) -> list[str]:
    """The words the model reads: the first MAX_WORDS, digits folded to 0."""
    return [_shape(word) for _, _, word in tokens[:MAX_WORDS]]


def other_features(words: Sequence[str], signals: set[str]) -> set[str]:
    """Word pairs, the rules' signals, and knowledge: a word that ends an O*NET job
    title ("welder", "purser")."""
    pairs = itertools.pairwise(words)
    found = {"b:" + first + " " + second for first, second in pairs}
    found |= signals
    if not title_words().isdisjoint(words):
        found.add("k:title_word")
    return found


def feature_counts(words: Sequence[str], signals: set[str]) -> dict[str, int]:
    """Every feature with its count, as `LinearModel.totals` sums them: for training."""
    counts: dict[str, int] = {}
    for word in set(words):
        for feature in word_grams(word):
            counts[feature] = counts.get(feature, 0) + 1
    for feature in other_features(words, signals):
        counts[feature] = counts.get(feature, 0) + 1
    return counts


def _shape(word: str) -> str:
    """Digits as 0: "2027" and "2031" are one feature, "100k" and "250k" another."""
    if any(char.isdigit() for char in word):
        return "".join("0" if char.isdigit() else char for char in word)
    return word


def word_grams(word: str) -> list[str]:
    """A word's own feature and its character 3-5-grams with its edges marked: the
    n-grams carry typos and word forms ("certifcation", "promoted")."""
    padded = "<" + word + ">"
    length = len(padded)
    grams = ["w:" + word]
    for size in CHAR_SIZES:
        grams.extend("c:" + padded[i : i + size] for i in range(length - size + 1))
    return grams


_MODEL: LinearModel | None = None
_TITLE_WORDS: frozenset[str] | None = None
TITLE_WORDS_PATH = MODEL_PATH.with_name("title_words.txt")


def title_words() -> frozenset[str]:
    """Last words of O*NET job titles (built by the training script from the career data)."""
    global _TITLE_WORDS
    if _TITLE_WORDS is None:
        try:
            text = TITLE_WORDS_PATH.read_text(encoding="utf-8")
        except OSError as error:
            raise ModelError(f"cannot read {TITLE_WORDS_PATH}: {error}") from error
        _TITLE_WORDS = frozenset(text.split())
        if not _TITLE_WORDS:
            raise ModelError(f"{TITLE_WORDS_PATH} is empty")
    return _TITLE_WORDS


def model() -> LinearModel:
    """The shipped model, read once per process."""
    global _MODEL
    if _MODEL is None:
        _MODEL = load(MODEL_PATH)
    return _MODEL


def load(path: Path) -> LinearModel:
    """Read a model file; ModelError says what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read the SMART model at {path}: {error}") from error
    try:
        return _from_dict(data)
    except (KeyError, TypeError, ValueError) as error:
        raise ModelError(f"the SMART model at {path} is malformed: {error!r}") from error


def _from_dict(data: dict[str, Any]) -> LinearModel:
    if data["format"] != FORMAT_VERSION:
        raise ValueError(f"format {data['format']}, expected {FORMAT_VERSION}")
    fields = tuple(data["fields"])
    if fields != FIELDS:
        raise ValueError(f"fields {fields}, expected {FIELDS}")
    size = len(fields)
    bias = tuple(float(value) for value in data["bias"])
    thresholds = tuple(float(value) for value in data["thresholds"])
    margins = tuple(float(value) for value in data["margins"])
    # JSON already gives lists of numbers; checking their shape is enough (converting
    # every row to a tuple would cost more than the rest of a cold start)
    weights: dict[str, list[float]] = data["weights"]
    if not isinstance(weights, dict) or not weights:
        raise ValueError("no weights")
    if any(len(row) != size for row in weights.values()):
        raise ValueError(f"every feature needs {size} weights")
    if len(bias) != size or len(thresholds) != size or len(margins) != size:
        raise ValueError("bias, thresholds or margins of the wrong size")
    return LinearModel(fields, bias, thresholds, margins, weights)
