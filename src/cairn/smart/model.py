"""The data the analyzer returns: Assessment and its parts, plus the person's Context."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

TimeKind = Literal["deadline", "recurring", "none"]

# What each letter stands for, for screens and the terminal.
LETTER_NAMES = {
    "S": "Specific",
    "M": "Measurable",
    "A": "Attainable",
    "R": "Relevant",
    "T": "Time-bound",
}

# Flags in the order the GUIDE lists them; Assessment.flags is always sorted by this.
FLAG_ORDER = ("deadline_past", "deadline_invalid", "vague_words", "compound", "not_career")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the statement that counts as evidence: text[start:end] is `text`."""

    start: int
    end: int
    kind: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One piece of advice: `key` is a letter (S, M, A, R, T) or a flag name."""

    key: str
    message: str
    rewrite: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "message": self.message, "rewrite": self.rewrite}


@dataclass(frozen=True, slots=True)
class Reason:
    """Why attainable or relevant was judged so, and which knowledge source said it."""

    verdict: bool | None
    text: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "text": self.text, "source": self.source}


@dataclass(frozen=True, slots=True)
class Context:
    """What the person told about themselves (GUIDE names). Every field is optional."""

    role: str | None = None
    field: str | None = None
    years_experience: float | None = None
    salary: float | None = None
    currency: str | None = None
    vision: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> Context:
        """Build from a dict, ignoring unknown keys and values of the wrong type."""
        if not data:
            return cls()
        return cls(
            role=_text_or_none(data.get("role")),
            field=_text_or_none(data.get("field")),
            years_experience=_number_or_none(data.get("years_experience")),
            salary=_number_or_none(data.get("salary")),
            currency=_text_or_none(data.get("currency")),
            vision=_text_or_none(data.get("vision")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "field": self.field,
            "years_experience": self.years_experience,
            "salary": self.salary,
            "currency": self.currency,
            "vision": self.vision,
        }

    @property
    def empty(self) -> bool:
        """Nothing told: attainable and relevant cannot be judged (GUIDE)."""
        return not any((self.role, self.field, self.years_experience is not None,
                        self.salary is not None, self.currency, self.vision))  # fmt: skip

    @property
    def describes_work(self) -> bool:
        """True when role, field or vision is known: enough to judge relevance."""
        return bool(self.role or self.field or self.vision)


def _text_or_none(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()[:500]
    return None


PLAUSIBLE_MAX = 1e12


def _number_or_none(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.replace(",", "").strip())
        except ValueError:
            return None
    else:
        return None
    # No salary or career is this large: treat it as unknown rather than overflow later.
    if number != number or not 0 <= number <= PLAUSIBLE_MAX:
        return None
    return number


@dataclass(slots=True)
class Assessment:
    """The analyzer's verdict on one statement. Field names follow the GUIDE."""

    text: str
    today: date
    career: bool = True
    specific: bool = False
    measurable: bool = False
    time: TimeKind = "none"
    deadline: date | None = None
    period: str | None = None
    numbers: list[int | float] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    attainable: bool | None = None
    relevant: bool | None = None
    evidence: list[Span] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    attainable_reasons: list[Reason] = field(default_factory=list)
    relevant_reasons: list[Reason] = field(default_factory=list)

    @property
    def time_bound(self) -> bool:
        """T passes: a time is set and it is neither past nor impossible."""
        if self.time == "none":
            return False
        return "deadline_past" not in self.flags and "deadline_invalid" not in self.flags

    @property
    def letters(self) -> dict[str, bool | None]:
        """S, M, A, R, T for a screen: True passed, False failed, None cannot tell."""
        return {
            "S": self.specific,
            "M": self.measurable,
            "A": self.attainable,
            "R": self.relevant,
            "T": self.time_bound,
        }

    @property
    def is_smart(self) -> bool:
        return all(value is not False for value in self.letters.values()) and self.career

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the GUIDE's field names, then evidence, suggestions and reasons."""
        return {
            "text": self.text,
            "today": self.today.isoformat(),
            "career": self.career,
            "specific": self.specific,
            "measurable": self.measurable,
            "time": self.time,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "period": self.period,
            "numbers": list(self.numbers),
            "flags": list(self.flags),
            "attainable": self.attainable,
            "relevant": self.relevant,
            "letters": self.letters,
            "evidence": [span.to_dict() for span in self.evidence],
            "suggestions": [suggestion.to_dict() for suggestion in self.suggestions],
            "reasons": {
                "attainable": [reason.to_dict() for reason in self.attainable_reasons],
                "relevant": [reason.to_dict() for reason in self.relevant_reasons],
            },
        }
