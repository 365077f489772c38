"""Occupation search by any job title people use: "RN", "line cook", "sofware develper".

An in-memory index, built once per process from the AltTitle table (about 61,000 titles of
1,016 occupations, built in about a second) and rebuilt when the data version in the
database changes:

- each title is normalised into word tokens (accents folded, plurals made singular);
- the last word of the query is a prefix (the person is still typing it);
- words not found are corrected against the vocabulary: candidates share character
  trigrams, then a bounded edit distance (1 for short words, 2 for long ones) decides;
- a lone short query also matches acronyms of multi-word titles ("SDE" -> Software
  Development Engineer);
- a title's score is how much of the query it covers and how much of it the query covers;
  an occupation takes its best title, nudged by how many of its titles match and by its
  employment (a "line cook" is more often a restaurant cook than a short-order one).

Why not a library: measured with benchmarks/title_search.py on the real data (1,000
queries), this index answers in p50 1.1 ms / p95 7.4 ms with 40/40 labelled titles right at
rank 1 and 287/300 typo'd titles in the top 5; rapidfuzz's process.extract (WRatio over all
titles, best title per occupation) took p50 81 ms / p95 114 ms, got 38/40 (no acronyms:
"SDE" fails) and 292/300. PostgreSQL's pg_trgm would leave SQLite out.
"""

from __future__ import annotations

import heapq
import math
import re
import threading
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain

STOPWORDS = frozenset({"a", "an", "and", "of", "the", "for", "in", "to", "on", "at", "or", "with"})
MIN_QUERY = 2
_NON_WORD = re.compile(r"[^a-z0-9+#]+")


def normalise(text: str) -> str:
    """Lower case, accents folded, punctuation to spaces ("C++" and "C#" kept)."""
    folded = unicodedata.normalize("NFKD", text or "")
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return " ".join(_NON_WORD.sub(" ", folded.replace("&", " and ")).split())


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    return [singular(word) for word in normalise(text).split() if word not in STOPWORDS]


def trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, or limit + 1 once it is certain to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_typos(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 7 else 2


@dataclass(frozen=True)
class Hit:
    code: str
    title: str  # the occupation's title
    matched: str  # the title people use that matched ("RN")
    score: float
    job_zone: int | None
    median_wage: int | None


@dataclass
class _Occupation:
    title: str
    job_zone: int | None
    median_wage: int | None
    prior: float  # 0..1, from employment


def set_priors(occupations: dict[str, _Occupation], employment: dict[str, int | None]) -> None:
    """How likely a title means this occupation, before reading it: its employment (BLS
    counts an O*NET specialisation like 13-1161.01 with its SOC code, so siblings share it),
    the general occupation (.00) ahead of its specialisations."""
    siblings: dict[str, int] = defaultdict(int)
    for code in occupations:
        siblings[code[:7]] += 1
    for code, info in occupations.items():
        people = (employment.get(code) or 0) / siblings[code[:7]]
        info.prior = math.log10(1 + people) / 7 + (0.15 if code.endswith(".00") else 0.0)


class TitleIndex:
    def __init__(
        self,
        titles: list[tuple[str, str]],
        occupations: dict[str, _Occupation],
        employment: dict[str, int | None] | None = None,
    ):
        """titles: (title as shown, occupation code) pairs; each occupation's own title is
        added. With employment, priors are set from it (see set_priors)."""
        self.occupations = occupations
        if employment is not None:
            set_priors(occupations, employment)
        titles = [*titles, *((info.title, code) for code, info in occupations.items())]
        self.entry_title: list[str] = []
        self.entry_code: list[str] = []
        self.entry_norm: list[str] = []
        self.entry_size: list[int] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.acronyms: dict[str, list[int]] = defaultdict(list)
        seen: set[tuple[str, str]] = set()
        for title, code in titles:
            norm = normalise(title)
            words = tokens(title)
            if not words or code not in occupations or (norm, code) in seen:
                continue
            seen.add((norm, code))
            entry = len(self.entry_title)
            self.entry_title.append(title)
            self.entry_code.append(code)
            self.entry_norm.append(" ".join(words))
            self.entry_size.append(len(words))
            for word in set(words):
                self.postings[word].append(entry)
            if 2 <= len(words) <= 5 and all(word[0].isalpha() for word in words):
                self.acronyms["".join(word[0] for word in words)].append(entry)
        self.vocabulary = sorted(self.postings)
        self.by_trigram: dict[str, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            if len(word) >= 3:
                for gram in trigrams(word):
                    self.by_trigram[gram].append(word)

    def __len__(self) -> int:
        return len(self.entry_title)

    # -- matching one query word -------------------------------------------------------

    def _prefixed(self, word: str, budget: int = 6000) -> list[str]:
        """Words starting with `word`, most frequent first, while their titles fit a budget
        (two typed letters would otherwise bring in half the index)."""
        start = bisect_left(self.vocabulary, word)
        end = bisect_left(self.vocabulary, word + "\uffff", lo=start)
        words = self.vocabulary[start:end]
        if len(words) > 1:
            words.sort(key=lambda w: -len(self.postings[w]))
        found: list[str] = []
        for candidate in words:
            budget -= len(self.postings[candidate])
            if found and budget < 0:
                break
            found.append(candidate)
        return found

    def _corrected(self, word: str, as_prefix: bool) -> dict[str, float]:
        limit = allowed_typos(word)
        if not limit:
            return {}
        grams = trigrams(word)
        if as_prefix:
            grams.discard(word[-2:] + " ")  # a prefix has no end
        counts = Counter(chain.from_iterable(self.by_trigram.get(gram, ()) for gram in grams))
        need = max(1, len(grams) - 4 * limit)  # a swap of two letters changes four
        found: dict[str, float] = {}
        for candidate, shared in counts.most_common(250):
            if shared < need:
                break
            distance = edit_distance(word, candidate, limit)
            if distance > limit and as_prefix and len(candidate) > len(word):
                # the typed part of a longer word: compare with its start
                distance = min(
                    edit_distance(word, candidate[: len(word) + extra], limit)
                    for extra in (-1, 0, 1)
                )
            if distance <= limit:
                found[candidate] = 0.8 - 0.12 * (distance - 1)
        return found

    def _split(self, word: str) -> list[str]:
        """A compound typed as one word ("frontend") as two known words, or [word]."""
        if len(word) >= 6 and word not in self.postings:
            for cut in range(3, len(word) - 2):
                left, right = word[:cut], singular(word[cut:])
                if left in self.postings and right in self.postings:
                    return [left, right]
        return [word]

    def _matches(self, word: str, is_last: bool) -> dict[str, float]:
        """Vocabulary words a query word stands for, with a weight 0..1."""
        found: dict[str, float] = {}
        if word in self.postings:
            found[word] = 1.0
        if is_last:
            for candidate in self._prefixed(word):
                if candidate != word:
                    found[candidate] = 0.7 + 0.25 * len(word) / len(candidate)
        if not found:
            found = self._corrected(word, as_prefix=is_last)
        return found

    # -- the query -------------------------------------------------------------------

    def search(self, query: str, limit: int = 8) -> list[Hit]:
        norm = normalise(query)
        words = tokens(query)
        wanted = " ".join(words)
        if len(norm.replace(" ", "")) < MIN_QUERY or not words:
            return []
        typing = not query.endswith(" ")
        words = [part for word in words for part in self._split(word)]
        if len(words) > 1:  # a lone letter among words ("x", an initial) only adds noise
            words = [word for word in words if len(word) > 1] or words
        # the best weight each title earns for each query word
        covered: dict[int, float] = defaultdict(float)
        hits: dict[int, int] = defaultdict(int)
        unknown = 0
        for position, word in enumerate(words):
            best: dict[int, float] = {}
            is_last = typing and position == len(words) - 1
            for candidate, weight in self._matches(word, is_last).items():
                for entry in self.postings[candidate]:
                    if best.get(entry, 0.0) < weight:
                        best[entry] = weight
            if len(words) == 1 and 2 <= len(word) <= 5 and word.isalpha():
                for entry in self.acronyms.get(word, ()):
                    if best.get(entry, 0.0) < 0.85:
                        best[entry] = 0.85
            for entry, weight in best.items():
                covered[entry] += weight
                hits[entry] += 1
            unknown += 0 if best else 1
        if not covered:
            return []
        # a word found nowhere ("senior", a name) counts half: it cannot be matched anyway
        count = len(words) - unknown / 2
        occupation_best: dict[str, tuple[float, int]] = {}
        occupation_hits: dict[str, int] = defaultdict(int)
        entry_norm, entry_size, entry_code = self.entry_norm, self.entry_size, self.entry_code
        entry_title = self.entry_title
        for entry, total in covered.items():
            precision = min(1.0, hits[entry] / entry_size[entry])
            score = 0.75 * total / count + 0.25 * precision
            code = entry_code[entry]
            if entry_norm[entry] == wanted:
                score += 0.1
                if entry_title[entry] == self.occupations[code].title:
                    score += 0.02  # "Baristas" over the counter workers also called so
            occupation_hits[code] += 1
            previous = occupation_best.get(code)
            if previous is None or score > previous[0]:
                occupation_best[code] = (score, entry)
        ranked = []
        for code, (score, entry) in occupation_best.items():
            info = self.occupations[code]
            boost = 0.03 * min(1.0, math.log1p(occupation_hits[code]) / math.log(40))
            ranked.append((score + boost + 0.03 * info.prior, code, entry))
        hits_out = []
        for score, code, entry in heapq.nlargest(limit, ranked):
            info = self.occupations[code]
            hits_out.append(
                Hit(
                    code=code,
                    title=info.title,
                    matched=self.entry_title[entry],
                    score=round(score, 4),
                    job_zone=info.job_zone,
                    median_wage=info.median_wage,
                )
            )
        return hits_out


# -- the process-wide index ------------------------------------------------------------

_lock = threading.Lock()
_cache: dict[str, object] = {}


def _marker() -> tuple[str, str] | None:
    from cairn.careerdata.models import DataVersion

    row = DataVersion.objects.order_by("-loaded_at").values_list("version", "loaded_at").first()
    return (row[0], row[1].isoformat()) if row else None


def build_index() -> TitleIndex:
    from cairn.careerdata.models import AltTitle, Occupation

    rows = list(
        Occupation.objects.values_list("code", "title", "job_zone", "median_wage", "employment")
    )
    return TitleIndex(
        list(AltTitle.objects.order_by("pk").values_list("title", "occupation_id")),
        {row[0]: _Occupation(*row[1:4], prior=0.0) for row in rows},
        employment={row[0]: row[4] for row in rows},
    )


def get_index() -> TitleIndex | None:
    """The index of the loaded data (None when none is loaded), rebuilt after a reload."""
    marker = _marker()
    if marker is None:
        return None
    index = _cache.get("index")
    if _cache.get("marker") == marker and isinstance(index, TitleIndex):
        return index
    with _lock:
        index = _cache.get("index")
        if _cache.get("marker") != marker or not isinstance(index, TitleIndex):
            index = build_index()
            _cache.update(marker=marker, index=index)
    assert isinstance(index, TitleIndex)
    return index


def forget() -> None:
    _cache.clear()


def search(query: str, limit: int = 8) -> list[Hit]:
    """Ranked occupations for what the person typed; [] for no match or no data."""
    if not query or len(query) > 200:
        return []
    index = get_index()
    return index.search(query, limit) if index is not None else []


def warm_in_background() -> None:
    """Build the index in a thread at server start, so the first keystroke is quick too."""

    def warm() -> None:
        from django.db import connection

        try:
            get_index()
        except Exception:  # a cold index is built on first use instead
            pass
        finally:
            connection.close()

    threading.Thread(target=warm, name="cairn-title-index", daemon=True).start()
