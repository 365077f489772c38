"""Suggestions: one short, concrete piece of advice per missing letter or flag, quoting
the person's own words, with a rewritten statement where one can be built from its parts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from cairn.smart import dates
from cairn.smart.model import Assessment, Context, Reason, Suggestion
from cairn.smart.timewords import TimeMention

if TYPE_CHECKING:
    from cairn.smart.goal import GoalReading

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
_MAX_QUOTE = 60

# Example goals by what the vague words are about; {date} is a year from today. Each
# pattern comes with the plain substrings one of which it needs: `in` on a string is a
# fast scan, so a long text without them skips the regex.
_EXAMPLES = [
    (re.compile(r"\b(?:money|rich|wealth|earn|salary|paid|income|pay\b)"),
     "earn {pay} a year by {date}"),
    (re.compile(r"\b(?:client|customer|sales|deals|business)"), "sign 5 new clients by {date}"),
    (re.compile(r"\b(?:network|people|connect|known|visib|influence)"),
     "meet 3 new people in my field every month"),
    (re.compile(r"\b(?:speak|present|confident|meeting)"),
     "give 2 talks at team meetings by {date}"),
    (re.compile(r"\b(?:skill|learn|better at|improve|certif)"),
     "complete one certification in my field by {date}"),
    (re.compile(r"\b(?:role|responsib|ladder|further|boss|leader|career|promot|grow|manage)"),
     "get promoted to the next title on my team by {date}"),
]  # fmt: skip
_EXAMPLE_WORDS = [
    ("money", "rich", "wealth", "earn", "salary", "paid", "income", "pay"),
    ("client", "customer", "sales", "deals", "business"),
    ("network", "people", "connect", "known", "visib", "influence"),
    ("speak", "present", "confident", "meeting"),
    ("skill", "learn", "better at", "improve", "certif"),
    ("role", "responsib", "ladder", "further", "boss", "leader", "career", "promot", "grow",
     "manage"),
]  # fmt: skip
_DEFAULT_EXAMPLE = "reach one named result (a title, a certificate, a number) by {date}"


def month_year(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def default_deadline(today: date) -> date:
    """A year from today, at the end of that month: a reasonable first deadline."""
    later = dates.add_months(today, 12) or today
    return dates.last_day_of_month(later.year, later.month) or later


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _MAX_QUOTE:
        text = text[: _MAX_QUOTE - 1].rstrip() + "…"
    return f"'{text}'"


def _example(words: str, context: Context, when: str) -> str:
    pay = f"{_pay_example(context):,}"
    symbol = {"GBP": "£", "EUR": "€", "USD": "$"}.get((context.currency or "USD").upper(), "$")
    for (pattern, template), needed in zip(_EXAMPLES, _EXAMPLE_WORDS, strict=True):
        if any(word in words for word in needed) and pattern.search(words):
            return template.format(pay=symbol + pay, date=when)
    return _DEFAULT_EXAMPLE.format(date=when)


def _pay_example(context: Context) -> int:
    if context.salary:
        return int(round(context.salary * 1.1, -3))
    return 85_000


def suggest(
    result: Assessment, context: Context, times: list[TimeMention], reading: GoalReading
) -> list[Suggestion]:
    """Advice for each letter that failed and each flag raised, in S-M-A-R-T order."""
    text = result.text.strip()
    when = month_year(default_deadline(result.today))
    vague_words = _quote(vague_phrase(result.text, reading)) if reading.vague else ""
    about = " ".join(result.text[s:e].lower() for s, e, _ in reading.vague) + " " + text.lower()
    out: list[Suggestion] = []
    examples: list[str] = []

    def example_goal() -> str:  # worked out once, and only if a suggestion needs it
        if not examples:
            examples.append(_example(about, context, when))
        return examples[0]

    if not text:
        example = f"earn {_pay_example(context):,} a year by {when}"
        return [Suggestion("S", f"Write one goal, e.g. '{example}'.", example)]
    if not result.specific:
        if "compound" in result.flags:
            out.append(_compound(result, reading))
        else:
            example = example_goal()
            subject = vague_words or _quote(text)
            message = f"{subject} is a direction, not a goal: name one outcome, e.g. '{example}'."
            out.append(Suggestion("S", message, example))
    if not result.measurable:
        shown = bool(examples)  # the S advice already gave the example: do not repeat it
        example = example_goal()
        message = (
            f"{_quote(text)} has no number or finished result a friend could check: "
            "how much, how many, or what gets done?"
        )
        out.append(Suggestion("M", message if shown else f"{message} e.g. '{example}'.", None))
    out += _attainable_relevant(result)
    out += _time(result, times, when)
    if "vague_words" in result.flags and vague_words and not any(t.key == "S" for t in out):
        example = example_goal()
        message = f"{vague_words} has no number: how much, and by when? e.g. '{example}'."
        out.append(Suggestion("vague_words", message, example))
    elif "vague_words" in result.flags:
        vague_time = next((t for t in times if t.kind == "vague"), None)
        if vague_time is not None:
            words = _quote(result.text[vague_time.start : vague_time.end])
            message = f"{words} is not a date: a coach would ask 'by when, exactly?'."
            out.append(Suggestion("vague_words", message, None))
    if "not_career" in result.flags:
        message = (
            f"{_quote(text)} reads as a personal goal. Cairn coaches career goals: how does "
            "it serve your work? Keep it elsewhere or tie it to your job."
        )
        out.append(Suggestion("not_career", message, None))
    return _distinct_rewrites(out)


def _compound(result: Assessment, reading: GoalReading) -> Suggestion:
    parts = [_quote(result.text[s:e]) for s, e, _ in reading.goal_clauses]
    if len(parts) < 2:
        return Suggestion("S", "This holds several goals in one line: keep one per goal.", None)
    message = f"This holds {len(parts)} goals ({', '.join(parts)}): keep one per goal."
    first_start, first_end, _ = reading.goal_clauses[0]
    return Suggestion("S", message, result.text[first_start:first_end].strip())


def _distinct_rewrites(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Never offer the same rewrite twice in one panel: later ones keep their advice only."""
    seen: set[str] = set()
    out = []
    for suggestion in suggestions:
        if suggestion.rewrite is not None and suggestion.rewrite in seen:
            suggestion = Suggestion(suggestion.key, suggestion.message, None)
        if suggestion.rewrite is not None:
            seen.add(suggestion.rewrite)
        out.append(suggestion)
    return out


def _first_reason(reasons: Sequence[Reason]) -> str:
    """The suggestion names the main reason; the full list is shown beside it."""
    against = [reason.text for reason in reasons if reason.verdict is False]
    return against[0] if against else "see the reasons"


_SEGMENT_END_RE = re.compile(r"[,.;:!?]|\s(?:and|but|so|because)\s")


def vague_phrase(text: str, reading: GoalReading) -> str:
    """The words around the first vague word, without times: "take on more responsibility
    at work" for "take on more responsibility at work this quarter"."""
    vague_start = reading.vague[0][0]
    start = vague_start
    for clause_start, clause_end, _ in reading.goal_clauses:
        if clause_start <= vague_start < clause_end:
            start = clause_start
            break
    blanked = reading.blanked or text
    stop = _SEGMENT_END_RE.search(blanked, reading.vague[0][1])
    end = stop.start() if stop else len(text)
    # keep the person's own characters, minus the time expressions blanked out
    pairs = zip(text[start:end], blanked[start:end], strict=False)
    kept = (o if b != " " or o.isspace() else " " for o, b in pairs)
    return " ".join("".join(kept).split())


def _attainable_relevant(result: Assessment) -> list[Suggestion]:
    out: list[Suggestion] = []
    if result.attainable is False:
        why = _first_reason(result.attainable_reasons)
        message = f"This is a jump people almost never make in the time given ({why}): "
        message += "give it more time or aim for the step before it."
        out.append(Suggestion("A", message, None))
    if result.relevant is False:
        why = _first_reason(result.relevant_reasons)
        message = f"This seems to serve another field ({why}): say how it moves your own career."
        out.append(Suggestion("R", message, None))
    return out


def _time(result: Assessment, times: list[TimeMention], when: str) -> list[Suggestion]:
    text = result.text.strip().rstrip(".!")
    stated = [t for t in times if t.kind in ("date", "invalid")]
    if "deadline_invalid" in result.flags:
        bad = next((t for t in times if t.kind == "invalid"), None)
        words = _quote(result.text[bad.start : bad.end]) if bad else "The date"
        rewrite = _replace(result.text, bad, f"by {when}") if bad else f"{text} by {when}"
        message = f"{words} is not a real date: pick one that exists, e.g. 'by {when}'."
        return [Suggestion("deadline_invalid", message, rewrite)]
    if "deadline_past" in result.flags and result.deadline is not None:
        mention = stated[0] if stated else None
        words = _quote(result.text[mention.start : mention.end]) if mention else "The deadline"
        past_rewrite = _replace(result.text, mention, f"by {when}") if mention else None
        message = (
            f"{words} is already past ({result.deadline.isoformat()} is before "
            f"{result.today.isoformat()}): set a future date, e.g. 'by {when}'."
        )
        return [Suggestion("deadline_past", message, past_rewrite)]
    if result.time == "none":
        vague = next((t for t in times if t.kind == "vague"), None)
        if vague is not None:
            words = _quote(result.text[vague.start : vague.end])
            rest = (result.text[: vague.start] + result.text[vague.end :]).strip().rstrip(".!")
            rewrite = f"{rest} by {when}"
            message = f"{words} is not a date: when exactly? e.g. 'by {when}'."
            return [Suggestion("T", message, " ".join(rewrite.split()))]
        message = f"No deadline: by when? e.g. '{text} by {when}'."
        return [Suggestion("T", message, f"{text} by {when}")]
    if result.time == "deadline" and result.deadline is None:
        undated = next((t for t in times if t.kind == "undated"), None)
        words = _quote(result.text[undated.start : undated.end]) if undated else "The limit"
        message = f"{words} has no date a calendar can hold: add one, e.g. 'by {when}'."
        return [Suggestion("T", message, None)]
    return []


def _replace(text: str, mention: TimeMention | None, replacement: str) -> str:
    if mention is None:
        return text
    return (text[: mention.start] + replacement + text[mention.end :]).strip()
