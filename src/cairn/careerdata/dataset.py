"""The packaged career data (O*NET 30.1 + BLS OEWS May 2025), read without Django.

`load()` decompresses ``data/careerdata.json.gz`` once, on first use, and keeps it:

>>> from cairn.careerdata.dataset import load
>>> data = load()
>>> data.occupation("15-1252.00")["title"]
'Software Developers'
>>> data.find_title("software engineer")[0][0]
'15-1252.00'

The file is built by ``scripts/build_career_data.py``; its schema is documented there and
in the issue. Every helper answers "no data" (None or an empty list) rather than raising
on unknown codes, states or odd text.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

DATA_PACKAGE = "cairn.careerdata"
DATA_FILE = "data/careerdata.json.gz"
ONET_SOURCE = "O*NET 30.1"
BLS_SOURCE = "BLS OEWS May 2025"

# Words that say how senior someone is, not what they do: dropped to find the occupation.
SENIORITY_WORDS = frozenset(
    [
        "senior",
        "sr",
        "sr.",
        "junior",
        "jr",
        "jr.",
        "lead",
        "principal",
        "staff",
        "chief",
        "head",
        "associate",
        "assistant",
        "entry",
        "level",
        "entry-level",
        "trainee",
        "apprentice",
        "intern",
        "graduate",
        "i",
        "ii",
        "iii",
        "iv",
    ]
)
_ARTICLES = frozenset(["a", "an", "the", "my", "our"])
_PARENTHESES_RE = re.compile(r"\([^)]*\)")
_PUNCTUATION_RE = re.compile(r"[^\w+#/&]+")

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "GU": "Guam",
    "PR": "Puerto Rico", "VI": "Virgin Islands",
}  # fmt: skip
_STATE_BY_NAME = {name.lower(): code for code, name in US_STATES.items()}


def normalise(text: str) -> str:
    """Lower case, accents folded, punctuation to spaces ('C++', 'C#', 'R&D' kept)."""
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return " ".join(_PUNCTUATION_RE.sub(" ", folded.replace("&", " and ")).split())


@functools.cache
def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _key(text: str) -> str:
    """The lookup key of a title: normalised, each word singular."""
    return " ".join(map(_singular, normalise(text).split()))


def state_code(state: str | None) -> str | None:
    """'ca', 'CA', 'California' -> 'CA'; anything else -> None."""
    if not state or not isinstance(state, str):
        return None
    cleaned = state.strip()
    if cleaned.upper() in US_STATES:
        return cleaned.upper()
    return _STATE_BY_NAME.get(cleaned.lower())


@dataclass(frozen=True, slots=True)
class WageFigures:
    """OEWS figures for one occupation in one area. Cells BLS did not publish are None."""

    code: str  # the O*NET code asked about
    title: str
    area: str  # "national" or a state code
    source: str  # "exact" or "aggregate:<soc>"
    employment: int | None
    mean: int | None
    p10: int | None
    p25: int | None
    p50: int | None
    p75: int | None
    p90: int | None
    hourly_median: float | None

    @property
    def area_name(self) -> str:
        return "nationally" if self.area == "national" else f"in {US_STATES[self.area]}"

    def percentiles(self) -> list[tuple[int, int]]:
        """(percentile, annual wage) for the published cells, low to high."""
        cells = ((10, self.p10), (25, self.p25), (50, self.p50), (75, self.p75),
                 (90, self.p90))  # fmt: skip
        return [(pct, value) for pct, value in cells if value is not None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "title": self.title, "area": self.area, "source": self.source,
            "employment": self.employment, "mean": self.mean, "p10": self.p10,
            "p25": self.p25, "p50": self.p50, "p75": self.p75, "p90": self.p90,
            "hourly_median": self.hourly_median,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Element:
    """A skill or knowledge area with its O*NET importance (1-5) in one occupation."""

    id: str
    name: str
    kind: str  # "skill" or "knowledge"
    importance: float


@dataclass(frozen=True, slots=True)
class Related:
    code: str
    title: str
    tier: str  # Primary-Short, Primary-Long, Supplemental


@dataclass(slots=True)
class CareerData:
    """The whole packaged data set, with lookups. Build with `load()`."""

    version: str
    attribution: str
    job_zones: dict[str, str]
    experience_categories: dict[str, str]
    elements: dict[str, dict[str, str]]
    occupations: dict[str, dict[str, Any]]
    titles: list[list[str]]
    _title_index: dict[str, list[tuple[str, str]]] | None = field(default=None, repr=False)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> CareerData:
        return cls(
            version=str(raw["version"]),
            attribution=str(raw["attribution"]),
            job_zones=dict(raw["job_zones"]),
            experience_categories=dict(raw["experience_categories"]),
            elements=dict(raw["elements"]),
            occupations=dict(raw["occupations"]),
            titles=list(raw["titles"]),
        )

    # -- occupations -------------------------------------------------------------------

    def occupation(self, code: str | None) -> dict[str, Any] | None:
        """The occupation's record (see the schema), or None for an unknown code.
        A six-digit SOC code ('15-1252') finds its '.00' occupation."""
        if not isinstance(code, str):
            return None
        code = code.strip()
        found = self.occupations.get(code)
        if found is None and len(code) == 7:
            found = self.occupations.get(code + ".00")
        return found

    def title_of(self, code: str) -> str:
        occupation = self.occupation(code)
        return str(occupation["title"]) if occupation else code

    def job_zone(self, code: str) -> tuple[int, str] | None:
        occupation = self.occupation(code)
        zone = occupation.get("job_zone") if occupation else None
        if zone is None:
            return None
        return int(zone), self.job_zones.get(str(zone), f"Job Zone {zone}")

    def experience(self, code: str) -> list[tuple[int, str, float]]:
        """(category, description, % of respondents) for related work experience,
        categories 1 (none) .. 11 (over 10 years); empty when O*NET has no data."""
        occupation = self.occupation(code)
        if not occupation:
            return []
        rows = []
        for category, share in occupation.get("experience", {}).items():
            label = self.experience_categories.get(category, category)
            rows.append((int(category), label, float(share)))
        return sorted(rows)

    def importance(self, code: str, element: str) -> float | None:
        """O*NET importance (1-5) of a skill or knowledge element, or None."""
        occupation = self.occupation(code)
        if not occupation:
            return None
        kind = self.elements.get(element, {}).get("kind")
        bucket = "knowledge" if kind == "knowledge" else "skills"
        value = occupation.get(bucket, {}).get(element)
        return float(value) if value is not None else None

    def top_elements(self, code: str, n: int = 5, kind: str | None = None) -> list[Element]:
        """The n most important skills and knowledge areas (or only `kind`), highest first."""
        occupation = self.occupation(code)
        if not occupation:
            return []
        found: list[Element] = []
        for bucket, bucket_kind in (("skills", "skill"), ("knowledge", "knowledge")):
            if kind is not None and kind != bucket_kind:
                continue
            for element_id, value in occupation.get(bucket, {}).items():
                name = self.elements.get(element_id, {}).get("name", element_id)
                found.append(Element(element_id, name, bucket_kind, float(value)))
        found.sort(key=lambda e: (-e.importance, e.name))
        return found[: max(n, 0)]

    def tech(self, code: str) -> list[tuple[str, bool, bool]]:
        """Technology examples: (name, hot technology, in demand)."""
        occupation = self.occupation(code)
        if not occupation:
            return []
        return [(str(name), bool(hot), bool(demand)) for name, hot, demand in occupation["tech"]]

    def related(self, code: str) -> list[Related]:
        """Related occupations in O*NET's order (Primary-Short first)."""
        occupation = self.occupation(code)
        if not occupation:
            return []
        return [
            Related(other, self.title_of(other), tier)
            for other, tier in occupation.get("related", [])
            if other in self.occupations
        ]

    # -- wages -------------------------------------------------------------------------

    def wages(self, code: str, state: str | None = None) -> WageFigures | None:
        """OEWS wages for the occupation: national, or for `state` ('CA', 'California').
        None when BLS publishes nothing for it there (or the state is unknown); the
        caller decides whether to fall back to the national figures."""
        occupation = self.occupation(code)
        if not occupation or not occupation.get("wage_source"):
            return None
        wages = occupation.get("wages") or {}
        if state is None:
            area, cells = "national", wages.get("national")
        else:
            area = state_code(state) or ""
            cells = (wages.get("states") or {}).get(area) if area else None
        if not cells:
            return None
        return WageFigures(
            code=code, title=str(occupation["title"]), area=area,
            source=str(occupation["wage_source"]),
            employment=cells.get("employment"), mean=cells.get("mean"),
            p10=cells.get("p10"), p25=cells.get("p25"), p50=cells.get("p50"),
            p75=cells.get("p75"), p90=cells.get("p90"),
            hourly_median=cells.get("hourly_median"),
        )  # fmt: skip

    def employment(self, code: str) -> int:
        figures = self.wages(code)
        return (figures.employment or 0) if figures else 0

    # -- titles ------------------------------------------------------------------------

    def _index(self) -> dict[str, list[tuple[str, str]]]:
        if self._title_index is None:
            index: dict[str, list[tuple[str, str]]] = {}
            for title, code in self.titles:
                keys = {_key(title)}
                if "(" in title:  # "General Manager (GM)" is also "general manager"
                    keys.add(_key(_PARENTHESES_RE.sub(" ", title)))
                for key in keys:
                    entries = index.setdefault(key, [])
                    if all(code != known for known, _ in entries):
                        entries.append((code, title))
            self._title_index = index
        return self._title_index

    def find_title(self, text: str, limit: int = 10) -> list[tuple[str, str, float]]:
        """Occupations whose titles match `text`: [(code, title, score)], best first.

        Exact normalised match scores 1.0 ('Software Developers' = 'software developer');
        the same after dropping seniority words ('senior software engineer') 0.9; the
        longest run of words inside the text that is a title ('I work as a line cook at
        a diner') 0.5-0.8 by how much of the text it covers. Where one title names
        several occupations, the occupation named exactly so, then the larger
        (by employment), comes first. Fuzzy, typo-tolerant search is the web app's.
        """
        if not isinstance(text, str):
            return []
        words = _key(text[:300]).split()
        while words and words[0] in _ARTICLES:
            words = words[1:]
        if not words:
            return []
        index = self._index()
        results: dict[str, tuple[str, float]] = {}

        def add(key: str, score: float) -> None:
            for code, title in index.get(key, []):
                if code not in results or results[code][1] < score:
                    results[code] = (title, score)

        add(" ".join(words), 1.0)
        core = [word for word in words if word not in SENIORITY_WORDS]
        if not results and core and core != words:
            add(" ".join(core), 0.9)
        if not results:
            best = 0
            for size in range(min(len(core), 6), 0, -1):
                for start in range(len(core) - size + 1):
                    key = " ".join(core[start : start + size])
                    if key in index:
                        add(key, 0.5 + 0.3 * size / max(len(words), 1))
                        best = size
                if best:
                    break
        ranked = sorted(
            results.items(),
            key=lambda item: (
                -item[1][1],
                _key(self.title_of(item[0])) != _key(item[1][0]),
                -self.employment(item[0]),
                item[0],
            ),
        )
        return [(code, title, round(score, 3)) for code, (title, score) in ranked[:limit]]


@functools.cache
def load() -> CareerData:
    """The packaged data, decompressed and parsed on first call (about 0.4 s), then kept."""
    blob = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_bytes()
    return CareerData.from_dict(json.loads(gzip.decompress(blob)))


def available() -> bool:
    """True when the packaged data file is present (a source checkout may lack it)."""
    try:
        return resources.files(DATA_PACKAGE).joinpath(DATA_FILE).is_file()
    except (ModuleNotFoundError, OSError):
        return False


# Module-level shortcuts over `load()`.
def occupation(code: str) -> dict[str, Any] | None:
    return load().occupation(code)


def find_title(text: str, limit: int = 10) -> list[tuple[str, str, float]]:
    return load().find_title(text, limit)


def wages(code: str, state: str | None = None) -> WageFigures | None:
    return load().wages(code, state)


def top_elements(code: str, n: int = 5, kind: str | None = None) -> list[Element]:
    return load().top_elements(code, n, kind)


def related(code: str) -> list[Related]:
    return load().related(code)
