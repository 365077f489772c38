"""The learned layer: linear models that decide career, specific, measurable, compound and
vague_words from the statement's words and what the rules read in it.

The word lists and clause reader stay, as evidence and as features; the final call on
these five judgements is a logistic regression trained on labelled statements the rules
were never tuned on (`scripts/train_smart_model.py`, which rebuilds `data/model.bin`
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
import sys
import zlib
from array import array
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

FIELDS = ("career", "specific", "measurable", "compound", "vague_words")
MODEL_PATH = Path(__file__).with_name("data") / "model.bin"
FORMAT_VERSION = 2
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

    __slots__ = ("_word_cache", "bias", "fields", "margins", "rows", "thresholds", "weights")
    CACHE_SIZE = 50_000

    def __init__(self, fields: tuple[str, ...], bias: tuple[float, ...],
                 thresholds: tuple[float, ...], margins: tuple[float, ...],
                 names: list[str], weights: array[float]) -> None:  # fmt: skip
        self.fields = fields
        self.bias = bias
        self.thresholds = thresholds
        self.margins = margins
        size = len(fields)
        # feature -> where its row of `size` weights starts in the flat array
        self.rows = dict(zip(names, range(0, len(names) * size, size), strict=True))
        self.weights = weights
        self._word_cache: dict[str, tuple[float, ...]] = {}

    def totals(self, words: Sequence[str], others: Iterable[str]) -> list[float]:
        """The linear score of each field (before the sigmoid): the rows of every word
        and feature present, summed column by column (zip does the loop in C)."""
        cache = self._word_cache
        vectors = [cache.get(word) or self._word_vector(word) for word in set(words)]
        get, weights = self.rows.get, self.weights
        size = len(self.bias)
        for feature in others:
            row = get(feature)
            if row is not None:
                vectors.append(weights[row : row + size])
        if not vectors:
            return list(self.bias)
        columns = zip(*vectors, strict=True)
        return [base + sum(column) for base, column in zip(self.bias, columns, strict=True)]

    def _word_vector(self, word: str) -> Sequence[float]:
        """A word's own weight plus its n-grams', summed once and kept."""
        get, weights = self.rows.get, self.weights
        size = len(self.bias)
        rows = [weights[row : row + size] for gram in word_grams(word)
                if (row := get(gram)) is not None]  # fmt: skip
        vector = tuple(map(sum, zip(*rows, strict=True))) if rows else (0.0,) * size
        if len(self._word_cache) >= self.CACHE_SIZE:
            self._word_cache.clear()  # a bound, not an LRU: hits are what matter
        self._word_cache[word] = vector
        return vector

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
    """The words the model reads: the first MAX_WORDS, digits folded to 0 ("2027" and
    "2031" are one feature, "100k" and "250k" another)."""
    return [w if w.isalpha() else w.translate(_ZEROS) for _, _, w in tokens[:MAX_WORDS]]


def other_features(words: Sequence[str], signals: set[str]) -> set[str]:
    """Word pairs, the rules' signals, and knowledge: a word that ends an O*NET job
    title ("welder", "purser")."""
    pairs = itertools.pairwise(words)
    found = {"b:" + first + " " + second for first, second in pairs}
    found |= signals
    if not title_words().isdisjoint(words):
        found.add("k:title_word")
    return found


def feature_counts(words: Sequence[str], others: set[str]) -> dict[str, int]:
    """Every feature with its count, as `LinearModel.totals` sums them: for training.
    `others` is `other_features(words, signals)`, as the analyzer computed it."""
    counts: dict[str, int] = dict.fromkeys(others, 1)
    for word in set(words):
        for feature in word_grams(word):
            counts[feature] = counts.get(feature, 0) + 1
    return counts


_ZEROS = str.maketrans("123456789", "000000000")


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
        data = path.read_bytes()
    except OSError as error:
        raise ModelError(f"cannot read the SMART model at {path}: {error}") from error
    try:
        return decode(data)
    except (KeyError, TypeError, ValueError, UnicodeDecodeError) as error:
        raise ModelError(f"the SMART model at {path} is malformed: {error!r}") from error


# The file: one line of JSON (format, fields, bias, thresholds, margins, how many features,
# the byte length of their names and a CRC-32 of all that follows), then the feature names
# separated by newlines, then their weights as little-endian float32, `len(fields)` a name.
# JSON of 20,000 rows took 35 ms to read; this takes about 3.


def encode(
    fields: Sequence[str],
    bias: Sequence[float],
    thresholds: Sequence[float],
    margins: Sequence[float],
    names: Sequence[str],
    weights: Sequence[float],
) -> bytes:
    """The bytes of a model file (the training script writes them)."""
    packed = array("f", weights)
    if sys.byteorder == "big":
        packed.byteswap()
    text = "\n".join(names).encode("utf-8")
    body = text + packed.tobytes()
    header = {"format": FORMAT_VERSION, "fields": list(fields), "bias": list(bias),
              "thresholds": list(thresholds), "margins": list(margins), "features": len(names),
              "names_bytes": len(text), "crc32": zlib.crc32(body)}  # fmt: skip
    return json.dumps(header, sort_keys=True).encode("ascii") + b"\n" + body


def decode(data: bytes) -> LinearModel:
    end = data.index(b"\n")
    header: dict[str, Any] = json.loads(data[:end])
    if header["format"] != FORMAT_VERSION:
        raise ValueError(f"format {header['format']}, expected {FORMAT_VERSION}")
    fields = tuple(header["fields"])
    if fields != FIELDS:
        raise ValueError(f"fields {fields}, expected {FIELDS}")
    body = data[end + 1 :]
    if zlib.crc32(body) != header["crc32"]:
        raise ValueError("checksum mismatch: the file is damaged")
    split = header["names_bytes"]
    names = body[:split].decode("utf-8").split("\n")
    weights = array("f")
    weights.frombytes(body[split:])
    if sys.byteorder == "big":
        weights.byteswap()
    size = len(fields)
    if len(names) != header["features"] or len(weights) != len(names) * size:
        raise ValueError("every feature needs one weight per field")
    numbers = [tuple(float(v) for v in header[key]) for key in ("bias", "thresholds", "margins")]
    if any(len(values) != size for values in numbers):
        raise ValueError("bias, thresholds or margins of the wrong size")
    return LinearModel(fields, numbers[0], numbers[1], numbers[2], names, weights)
