"""One verdict for every front end: the goal form's panel, the guided session, `cairn check`
and `cairn plan` show the same letters, the same evidence and the same advice.

`verdict()` folds in what a goal's own fields settle beside its sentence (a measure set in
the form makes it measurable; a deadline or a frequency makes it time-bound), cuts the
statement into evidence pieces (overlapping spans: the longest from the earliest start
wins), and keeps only advice on what is still missing. Front ends only render it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cairn.smart.model import Assessment, Reason, Suggestion


@dataclass(frozen=True, slots=True)
class GoalFields:
    """What a goal's form fields settle beside its sentence."""

    measure: bool = False  # a metric with a target
    deadline: bool = False
    frequency: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    assessment: Assessment
    letters: dict[str, bool | None]
    pieces: list[tuple[str, str | None]]
    suggestions: list[Suggestion]
    attainable_reasons: list[Reason] = field(default_factory=list)
    relevant_reasons: list[Reason] = field(default_factory=list)

    @property
    def is_smart(self) -> bool:
        settled = all(value is not False for value in self.letters.values())
        return settled and self.assessment.career

    @property
    def data_quoted(self) -> bool:
        """A reason quotes O*NET or BLS: their attribution must be shown."""
        return any(
            "O*NET" in reason.source or "BLS" in reason.source
            for reason in (*self.attainable_reasons, *self.relevant_reasons)
        )


def verdict(assessment: Assessment, fields: GoalFields | None = None) -> Verdict:
    """The verdict on a statement, with what the goal's fields settle."""
    fields = fields or GoalFields()
    letters = dict(assessment.letters)
    letters["M"] = letters["M"] or fields.measure or fields.frequency
    letters["T"] = letters["T"] or fields.deadline or fields.frequency
    # advice on a letter the goal's own fields already settle would only confuse
    advice = [tip for tip in assessment.suggestions if letters.get(tip.key) is not True]
    return Verdict(
        assessment=assessment,
        letters=letters,
        pieces=pieces(assessment),
        suggestions=advice,
        attainable_reasons=_beside(letters["A"], assessment.attainable_reasons),
        relevant_reasons=_beside(letters["R"], assessment.relevant_reasons),
    )


def _beside(letter: bool | None, reasons: list[Reason]) -> list[Reason]:
    """The reasons to show beside a letter: once it is decided, the ones that could not
    tell ("no occupation matches 'partner'") only confuse a yes or a no."""
    if letter is None:
        return list(reasons)
    return [reason for reason in reasons if reason.verdict is not None]


def pieces(assessment: Assessment) -> list[tuple[str, str | None]]:
    """The statement cut into (text, evidence kind or None) pieces, for underlining;
    of overlapping evidence the first, longest span is shown."""
    out: list[tuple[str, str | None]] = []
    cursor = 0
    text = assessment.text
    for span in sorted(assessment.evidence, key=lambda s: (s.start, -s.end)):
        if span.start < cursor:
            continue
        out.append((text[cursor : span.start], None))
        out.append((text[span.start : span.end], span.kind))
        cursor = span.end
    out.append((text[cursor:], None))
    return [(piece, kind) for piece, kind in out if piece]
