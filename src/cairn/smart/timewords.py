"""Words and regex fragments for reading times, and the time mentions found.

Shared by the deadline reader (`timeexpr`) and the frequency reader (`frequency`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cairn.smart.numbers import UNIT_WORDS

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # the misspellings people type most
    "januray": 1, "janurary": 1, "febuary": 2, "feburary": 2, "febrary": 2, "apirl": 4,
    "agust": 8, "augst": 8, "septmber": 9, "setpember": 9, "septemer": 9, "ocotber": 10,
    "octobor": 10, "novemeber": 11, "novmber": 11, "decmber": 12, "decemeber": 12,
    "octobr": 10, "novembr": 11, "decembr": 12, "septembr": 9, "janury": 1,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
ORDINAL_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                    "fourth": 4, "4th": 4, "final": 4, "last": 4}  # fmt: skip
PERIOD_UNITS = {
    "day": "day", "days": "day", "night": "day", "nights": "day", "morning": "day",
    "mornings": "day", "evening": "day", "evenings": "day", "afternoon": "day",
    "weekday": "day", "weekdays": "day", "week": "week", "weeks": "week", "wk": "week",
    "wks": "week", "weekend": "week", "weekends": "week", "month": "month", "months": "month",
    "fortnight": "week", "fortnights": "week", "qtr": "quarter", "qtrs": "quarter",
    "mon": "week", "tue": "week", "tues": "week", "wed": "week", "weds": "week", "thu": "week",
    "thur": "week", "thurs": "week", "fri": "week", "sat": "week", "sun": "week",
    "mo": "month", "mos": "month", "mth": "month", "mths": "month", "quarter": "quarter",
    "quarters": "quarter", "year": "year",
    "years": "year", "yr": "year", "yrs": "year", "annum": "year",
    **dict.fromkeys(WEEKDAYS, "week"), **{day + "s": "week" for day in WEEKDAYS},
}  # fmt: skip
ADVERB_PERIODS = {
    "daily": "day", "nightly": "day", "everyday": "day", "weekly": "week", "biweekly": "week",
    "bi-weekly": "week", "fortnightly": "week", "monthly": "month", "bimonthly": "month",
    "bi-monthly": "month", "quarterly": "quarter", "yearly": "year", "annually": "year",
}  # fmt: skip

MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_ALT = "|".join(WEEKDAYS)
WORD_NUM_ALT = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
# A count of units in a duration: "18", "eighteen", "twenty-four", "a", "a couple of".
COUNT = (
    rf"(?:\d{{1,7}}(?:\.\d{{1,3}})?|a\s+couple\s+of|a\s+few|a|an|several|half\s+a|"
    rf"(?:{WORD_NUM_ALT})(?:[\s-](?:{WORD_NUM_ALT}))?)"
)
UNIT = (
    r"(?:days?|weeks?|wks?|weks?|fortnights?|months?|mos?|mths?|mnths?|monts?|quarters?|qtrs?|"
    r"years?|yrs?|yaers?)"
)
# Prepositions that turn a date into a deadline.
PREP = (
    r"(?:by|before|until|untill|till|til|in|on|for|from|through|throughout|thru|during|within|"
    r"no\s+later\s+than|ahead\s+of|due|at)"
)
EDGE = r"(?:(?:the\s+)?(?:end|close|start|beginning|middle)\s+of\s+(?:the\s+)?|mid[\s-]?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9]|\d{2})"
# "1 June 2027", "June of next year": the year after a month, quarter or day.
YEAR_TAIL = r"(?:,?\s+(?:of\s+)?(?:(?P<y>\d{4}|'\d{2})\b|(?P<rel>this|next)\s+year\b))?"
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]  # fmt: skip
DAY_WORDS = {word: number for number, word in enumerate(ORDINALS, start=1)}
DAY_WORDS.update({f"twenty-{word}": 20 + n for word, n in list(DAY_WORDS.items())[:9]})
DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31})
DAY_WORDS.update(
    {word.replace("-", " "): day for word, day in list(DAY_WORDS.items()) if "-" in word}
)
DAY_WORD_ALT = "|".join(sorted(DAY_WORDS, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A stated time. kind: date (resolved), undated (limit without a date), invalid
    (cannot be a real date), vague (soon, someday), background (past durations)."""

    start: int
    end: int
    kind: str
    deadline: date | None = None


@dataclass(frozen=True, slots=True)
class Frequency:
    """A frequency ("every month"). is_rate: a rate of pay ("100K a year"), not a habit."""

    start: int
    end: int
    period: str
    is_rate: bool


def mention(match: re.Match[str], kind: str, deadline: date | None = None) -> TimeMention:
    if kind == "date" and deadline is None:
        kind = "invalid"
    return TimeMention(match.start(), match.end(), kind, deadline)
