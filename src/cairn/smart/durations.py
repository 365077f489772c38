"""Relative times: durations ("within 18 months", "2 years from now"), this/next periods
("next quarter", "end of the year") and durations that only describe the past."""

from __future__ import annotations

import re
from datetime import date

from cairn.smart import dates
from cairn.smart.numbers import parse_number_words
from cairn.smart.timewords import COUNT, UNIT, TimeMention, mention

_UNIT_TYPOS = {"yr": "year", "yaer": "year", "quater": "quarter", "qtr": "quarter",
               "mnth": "month", "monthh": "month", "mont": "month", "wek": "week"}  # fmt: skip


def relative_period(match: re.Match[str], today: date, text: str) -> TimeMention:
    """this/next year, quarter, month or week; "end of the year" is this year's."""
    which = (match["which"] or "this").split()[-1]
    offset = 1 if which in ("next", "nxt", "following", "coming") else 0
    unit = _UNIT_TYPOS.get(match["unit"], match["unit"])
    if unit == "fortnight":
        return mention(match, "date", add_duration(today, 1 + offset, "fortnight"))
    if unit == "year":
        return mention(match, "date", dates.year_end(today.year + offset))
    if unit == "quarter":
        start = dates.add_months(today.replace(day=1), 3 * offset)
        if start is None:
            return mention(match, "invalid")
        return mention(match, "date", dates.quarter_end(start.year, dates.quarter_of(start)))
    if unit == "month":
        start = dates.add_months(today.replace(day=1), offset)
        if start is None:
            return mention(match, "invalid")
        return mention(match, "date", dates.last_day_of_month(start.year, start.month))
    sunday = dates.add_days(today, 6 - today.weekday() + 7 * offset)
    return mention(match, "date", sunday)


def duration_count(count_text: str) -> float | None:
    count_text = count_text.strip()
    if count_text in ("a", "an"):
        return 1
    if count_text == "half a":
        return 0.5
    if count_text in ("a couple of",):
        return 2
    if count_text in ("a few", "several"):
        return None  # vague: "in a few months"
    if count_text[0].isdigit():
        return float(count_text)
    value = parse_number_words(count_text)
    return float(value) if value is not None else None


def add_duration(today: date, count: float, unit: str) -> date | None:
    unit = _UNIT_TYPOS.get(unit.rstrip("s"), unit.rstrip("s"))
    if count > 100_000:
        return None
    if unit in ("day",):
        return dates.add_days(today, round(count))
    if unit in ("week", "wk", "fortnight"):
        return dates.add_days(today, round(count * (14 if unit == "fortnight" else 7)))
    months = {"month": 1, "mo": 1, "mth": 1, "mnth": 1, "quarter": 3, "year": 12, "yr": 12}[unit]
    return dates.add_months(today, round(count * months))


def duration(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    prep = (match["prep"] or "").split()
    count = duration_count(match["n"])
    if prep and prep[0] in ("for", "after") and not match["next"]:
        return mention(match, "background")  # "for 12 years", "after 10 years as a nurse"
    if count is None:
        return mention(match, "vague")
    if prep and prep[-1] in ("under", "than"):
        return None  # "cycle it in under two weeks", "cut waiting to under 6 weeks": a target
    if _EACH_PERIOD_RE.match(text, match.end()):
        return None  # "close the books in 5 days each month": a target time, every month
    if _OF_EVENT_RE.match(text, match.end()):
        return mention(match, "undated")  # "within 8 weeks of graduating": no date given
    if match["extra"] or (match.re.groupindex.get("half") and match["half"]):
        count += 0.5
    return mention(match, "date", add_duration(today, count, match["unit"]))


_EACH_PERIOD_RE = re.compile(
    r"\s+(?:each|every|per|a)\s+(?:day|week|month|quarter|year)\b|\s+(?:plan|programme|program)\b"
)
_OF_EVENT_RE = re.compile(r"\s+(?:of|after)\s+(?!now\b|today\b|the\s+date\b)[a-z]")
_FROM_NOW_BEFORE_RE = re.compile(
    rf"\b(?P<n>{COUNT})(?P<half>\s+and\s+a\s+half)?\s*-?\s*(?P<unit>{UNIT})(?:'s)?\s+$"
)


_BACKGROUND_BEFORE_RE = re.compile(
    rf"\b(?:{COUNT})\s*-?\s*(?:{UNIT})\s+(?:of\s+)?(?:in\s+(?:the|this|my)\s+)?$"
    rf"|\b(?:{COUNT})[\s-]*(?:years?|yrs?)[\s-]$"
)


def from_now(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    """ "2 years from now", "in 18 months' time": a duration counted from today."""
    before = _FROM_NOW_BEFORE_RE.search(text, max(0, match.start() - 48), match.start())
    if before is None:
        return None
    count = duration_count(before["n"])
    if count is None:
        return TimeMention(before.start(), match.end(), "vague")
    if before["half"]:
        count += 0.5
    deadline = add_duration(today, count, before["unit"])
    return TimeMention(before.start(), match.end(), "date" if deadline else "invalid", deadline)


def background(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    """Durations that describe the past or an age, not a limit: "10 years of experience"."""
    word = match.group()
    before = _BACKGROUND_BEFORE_RE.search(text, max(0, match.start() - 48), match.start())
    if before is None:
        return None
    if word in ("industry", "field", "business", "role", "job", "company", "trade"):
        if not re.search(r"\bin\s+(?:the|this|my)\s+$", before.group()):
            return None  # "3 years in the industry", not "a 2 year job"
    elif word in ("ago", "experience") and before.group().rstrip().endswith(("the", "this", "my")):
        return None
    return TimeMention(before.start(), match.end(), "background")


_WITHIN_BEFORE_RE = re.compile(r"\b(?P<prep>in|within|over|during|for)\s*$")


def relative_guarded(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    which = match["which"]
    if which == "the" and not match.group().startswith(("end", "the end", "close", "the close")):
        return None  # "the year" alone is not a time ("employee of the year")
    before = _WITHIN_BEFORE_RE.search(text[max(0, match.start() - 10) : match.start()])
    # "within the next year" is a span of one year from today, not next calendar year;
    # "in the next quarter" is the calendar quarter after this one
    if (
        which.split()[-1] in ("next", "nxt", "coming", "following")
        and before
        and (before["prep"] != "in" or match["unit"] == "year")
    ):
        return mention(match, "date", add_duration(today, 1, match["unit"]))
    return relative_period(match, today, text)


_EDGE_LEAD_RE = re.compile(r"\b(?:by|before|until|till|at|for|of|from|after)\s+(?:the\s+)?$")


def edge_of(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    """Year-end, EOY, end of month: the end of the current period. "month-end close" or
    "year-end bonus" without a preposition is a noun's adjective, not a time."""
    words = match.group()
    if "-" in words or " end" in words:
        lead = _EDGE_LEAD_RE.search(text, max(0, match.start() - 10), match.start())
        if lead is None and re.match(r"\s+[a-z]", text[match.end() : match.end() + 2]):
            return None
    if "quarter" in words or "quater" in words or "qtr" in words or words == "eoq":
        return mention(match, "date", dates.quarter_end(today.year, dates.quarter_of(today)))
    if "month" in words or words == "eom":
        return mention(match, "date", dates.last_day_of_month(today.year, today.month))
    if "week" in words or words == "eow":
        return mention(match, "date", dates.add_days(today, 6 - today.weekday()))
    return mention(match, "date", dates.year_end(today.year))
