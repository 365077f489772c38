"""Find time limits in a statement and resolve deadlines by the GUIDE's rules.

Each pattern is written for how people state goal deadlines ("by Q3", "within 18 months",
"by the 31st of June", "before I turn 30"). Patterns run from the most specific (a full
date) to the loosest (a bare year); a later match that overlaps an earlier one is dropped,
so "by the end of Q1 2025" is one quarter, not a quarter and a year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain

from cairn.smart import dates
from cairn.smart.durations import (
    background,
    duration,
    edge_of,
    from_now,
    relative_guarded,
)
from cairn.smart.horizon import Horizon, unbounded
from cairn.smart.lexicon import Token, tokenize
from cairn.smart.timewords import (
    COUNT,
    DAY,
    DAY_WORD_ALT,
    DAY_WORDS,
    EDGE,
    MONTH_ALT,
    MONTHS,
    ORDINAL_QUARTERS,
    PREP,
    UNIT,
    WEEKDAY_ALT,
    WEEKDAYS,
    YEAR_TAIL,
    TimeMention,
    mention,
)

# Verbs after which "by 30" is an amount of change, not an age or a year.
CHANGE_BEFORE_BY_RE = re.compile(
    r"\b(?:increase|increasing|grow|growing|raise|raising|boost|reduce|reducing|cut|"
    r"decrease|lower|improve|improving|lift|drop|expand|up|beat|exceed|shrink|shorten|"
    r"speed|raised|grew|increased|reduced|double|triple|rate|revenue|sales|score)\w*\b"
)


Handler = Callable[[re.Match[str], date, str], TimeMention | None]


def _tail_year(match: re.Match[str], today: date) -> int | None:
    """The year of a YEAR_TAIL: written out, or this/next year relative to today."""
    if match["rel"]:
        return today.year + (1 if match["rel"] == "next" else 0)
    return _year(match["y"])


def _year(text: str | None) -> int | None:
    """A 4-digit year, or a 2-digit one after an apostrophe ('27 -> 2027)."""
    if not text:
        return None
    digits = text.lstrip("'’ ")
    if len(digits) == 2:
        return 2000 + int(digits)
    return int(digits) if len(digits) == 4 else None


def _day_month(day: int, month: int, year: int | None, today: date) -> date | None:
    if year is not None:
        return dates.safe_date(year, month, day)
    return dates.next_day_of_month(today, month, day)


# --- handlers: each reads one pattern's match and says what time it names -------------


def _iso_date(match: re.Match[str], today: date, text: str) -> TimeMention:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    return mention(match, "date", dates.safe_date(year, month, day))


def _numeric_date(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    """15/03/2027 (day first, as the GUIDE writes) or 3/31/2026 (month first when the
    first part cannot be a day). Where both readings are dates, zero-padding says which
    style it is: "01/09/2026" is day first (British), "6/1/2026" month first (American)."""
    if match.start() and text[match.start() - 1] in "0123456789/.":
        return None  # inside a longer run of numbers
    year_text = match["y"]
    year = int(year_text) + 2000 if len(year_text) == 2 else int(year_text)
    return mention(match, "date", _day_and_month(match["a"], match["b"], year))


def _day_and_month(first_text: str, second_text: str, year: int) -> date | None:
    first, second = int(first_text), int(second_text)
    day_first = dates.safe_date(year, second, first)
    month_first = dates.safe_date(year, first, second)
    if day_first and month_first and not first_text.startswith("0"):
        return month_first if not second_text.startswith("0") else day_first
    return day_first or month_first


def _numeric_day(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    """ "by 12/15", "till 31/3": a day without a year, the next one that has not passed."""
    if text[match.end() : match.end() + 1].isdigit():
        return None
    for year in (today.year, today.year + 1):
        found = _day_and_month(match["a"], match["b"], year)
        if (
            found is None
            and year == today.year
            and not _day_and_month(match["a"], match["b"], 2028)
        ):
            return mention(match, "invalid")  # "by 4/31": no such day in any year
        if found is not None and found >= today:
            return mention(match, "date", found)
    return None


def _month_day(match: re.Match[str], today: date, text: str) -> TimeMention:
    month = MONTHS[match["mon"]]
    day = int(match["d"]) if match["d"] else DAY_WORDS[match["dw"]]
    return mention(match, "date", _day_month(day, month, _tail_year(match, today), today))


_MONTH_PREFIX_RE = re.compile(
    rf"(?:\b(?P<prep>{PREP})\s+(?:the\s+)?)?(?P<edge>\b{EDGE})?(?:(?:next|this|coming)\s+)?$"
)


def _month(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    """ "by June", "in June 2027", "end of September", "sept 2027". The pattern starts at
    the month name (fast to scan for); the preposition before it is read here."""
    start = match.start()
    if start and (text[start - 1].isalnum() or text[start - 1] in "_'-"):
        return None
    prefix = _MONTH_PREFIX_RE.search(text, max(0, start - 40), start)
    prep = prefix["prep"] if prefix else None
    edge = (prefix["edge"] or "").strip() if prefix else ""
    month = MONTHS[match["mon"]]
    year = _tail_year(match, today)
    if not prep and not edge and year is None:
        return None  # "may" and "march" are verbs too: a month needs a preposition or year
    if year is None:
        end = dates.next_month_end(today, month)
    else:
        end = dates.last_day_of_month(year, month)
    if end is not None and edge.startswith(("start", "beginning")):
        end = end.replace(day=1)
    begin = prefix.start() if prefix and (prep or edge) else start
    kind = "date" if end is not None else "invalid"
    return TimeMention(begin, match.end(), kind, end)


def _quarter(match: re.Match[str], today: date, text: str) -> TimeMention:
    number = match["q"] or match["qn"]
    quarter = int(number) if number.isdigit() else ORDINAL_QUARTERS[number]
    year = _tail_year(match, today)
    if year is None:
        return mention(match, "date", dates.next_quarter_end(today, quarter))
    return mention(match, "date", dates.quarter_end(year, quarter))


def _by_number(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    """ "by 2027", "in 2027", "by the end of 2026"; "by 202" or "by 99999" cannot be dates."""
    digits = match["num"]
    clause_start = max(0, match.start() - 60)
    if match["prep"].startswith("by") and CHANGE_BEFORE_BY_RE.search(
        text, clause_start, match.start()
    ):
        return None  # "increase sales by 2000": an amount
    value = int(digits) if len(digits) <= 9 else None
    if len(digits) == 4 and value is not None and 1900 <= value <= 2199:
        edge = (match["edge"] or "").strip()
        if edge.startswith(("start", "beginning")):
            return mention(match, "date", dates.safe_date(value, 1, 1))
        if edge.startswith("mid"):
            return mention(match, "date", dates.safe_date(value, 6, 30))
        return mention(match, "date", dates.year_end(value))
    if match["prep"].startswith(("in", "on", "for", "at", "from", "during")):
        return None  # "in 200 hours", "for 300 clients": not meant as dates
    if len(digits) >= 3:
        return mention(match, "invalid")  # "by 202", "by 99999"
    if value is not None and 16 <= value <= 99 and not match["edge"]:
        return mention(match, "undated")  # "a manager by 30": an age
    return None


_PAST_BEFORE_RE = re.compile(r"\b(?:started|began|begun|since|joined|bought|built)\s+(?:in\s+)?$")


def _bare_year(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    start = match.start()
    if start and (text[start - 1].isalnum() or text[start - 1] in "_$£€.,/-"):
        return None  # "$2025", "1.2025", "v2027": not a year
    if _PAST_BEFORE_RE.search(text, max(0, start - 16), start):
        return None  # "the jumper I started in 2024": the past, not a deadline
    return mention(match, "date", dates.year_end(int(match["y"])))


_SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9}  # fmt: skip


def _spoken_year(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    words = match["yw"].replace("-", " ").split()
    year = 2030 if words == ["thirty"] else 2020 + sum(_SPOKEN_UNITS.get(w, 0) for w in words[1:])
    month = match["mon"] or match["mon2"]
    if match["q"]:
        return mention(match, "date", dates.quarter_end(year, int(match["q"])))
    if month:
        return mention(match, "date", dates.last_day_of_month(year, MONTHS[month]))
    if not match.group().startswith(("by", "in", "before", "until", "till", "during")):
        return None
    return mention(match, "date", dates.year_end(year))


def _short_year(match: re.Match[str], today: date, text: str) -> TimeMention:
    return mention(match, "date", dates.year_end(2000 + int(match["y"])))


def _weekday(match: re.Match[str], today: date, text: str) -> TimeMention:
    ahead = (WEEKDAYS[match["wd"]] - today.weekday()) % 7
    if match["next"] and ahead == 0:
        ahead = 7
    return mention(match, "date", dates.add_days(today, ahead))


_TODAY_PREFIX_RE = re.compile(r"\b(?:by|until)\s+(?:(?:the\s+)?end\s+of\s+)?$|\bend\s+of\s+$")


def _today_or_tomorrow(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    start = match.start()
    if start and (text[start - 1].isalnum() or text[start - 1] in "_'-"):
        return None
    prefix = _TODAY_PREFIX_RE.search(text, max(0, start - 24), start)
    offset = 1 if match.group() == "tomorrow" else 0
    deadline = dates.add_days(today, offset)
    return TimeMention(prefix.start() if prefix else start, match.end(), "date", deadline)


def _kind(kind: str) -> Handler:
    def handler(match: re.Match[str], today: date, text: str) -> TimeMention:
        return mention(match, kind)

    return handler


_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    # Limits tied to something undated: ages, reviews, school years, family events.
    (
        re.compile(
            r"\b(?:before|befor|b4|by|until|till|when)\s+(?:the\s+time\s+)?(?:i|i'm|im|i\s+am|he|she|"
            r"he's|she's|hes|shes|they|they're|theyre|we)\s+"
            r"(?:turn|turns|reach|reaches|hit|hits|am|is|are|'m|'s|get\s+to|become)?\s*"
            r"(?:\d{1,3}|[a-z]+ty(?:[\s-][a-z]+)?)\b"
            r"|\b(?:before|befor|b4|by\s+the\s+time)\s+(?:i|we|they|he|she|you|i'm|im|"
            r"we're|they're|theyre|he's|she's|hes|shes|it|my\s+[a-z]+|our\s+[a-z]+|the\s+company)\s+"
            r"(?!(?:a|an|the)\b)[a-z'][\w']*"
            r"|\bfor\s+(?:my|his|her|our)\s+\d{1,3}(?:st|nd|rd|th)\b"
            r"|\b(?:before|by|at)\s+(?:the\s+)?(?:agm|audit|inspection|conference|kick-?off|"
            r"(?:[a-z]+\s+)?season)\b"
            r"|\bin\s+(?:the|my|our)\s+first\s+(?:year|month|quarter|week|season)\b"
            r"|\bby\s+(?:the\s+)?age\s+(?:of\s+)?\d{1,3}\b"
            r"|\b(?:before|by)\s+(?:turning|i\s+turn)\s+\d{1,3}\b"
            r"|\b(?:before|by|for)\s+(?:my|our|his|her|their)\s+(?:[a-z]+'s\s+)?(?:\d{1,3}"
            r"(?:st|nd|rd|th)\s+)?(?:birthday|bday|b-day|wedding|anniversary|graduation)\b"
            r"|\b(?:this|next|the)\s+(?:school|academic|fiscal|financial|tax)\s+year\b"
            r"|\b(?:this|next|the)\s+(?:semester|term|season|summer|winter|spring|autumn|fall)\b"
            r"|\b(?:by|before|until|till|in|during)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?"
            r"(?:summer|winter|spring|autumn|fall|christmas|xmas|easter|thanksgiving|"
            r"new\s+year(?:'s)?|the\s+holidays|holiday\s+season)\b"
            r"|\bf(?:iscal\s+)?y\s?'?\d{2,4}\b"
            r"|\b(?:by|before|befor|b4|for)\s+(?:my|our|his|her|their)\s+(?:twentieth|thirtieth|"
            r"fortieth|fourtieth|fiftieth|sixtieth|seventieth|\d{1,3}(?:st|nd|rd|th))\b"
            r"|\b(?:by|before|befor|b4|all\s+before)\s+(?:\d{1,3}(?:st|nd|rd|th)\s+)(?:birthday|bday)\b"
            r"|\bfor\s+(?:our|my|the|his|her|their)\s+(?:[a-z]+\s+)?(?:anniversary|anniversery)\b"
            r"|\b(?:before|befor|b4|by)\s+(?:mum|mom|dad|mam|nan|nana|gran|grandma|grandpa|grandad|"
            r"mums|moms|dads)(?:'s)?\s+[a-z0-9][\w']*"
            r"|\b(?:until|till|til)\s+(?:my|our|the)\s+(?!(?:end|start|next)\b)[a-z][\w']*"
            r"|\bthrough\s+(?:to\s+)?(?:handover|completion|launch|go-?live)\b"
            r"|\b(?:this|next|the)\s+(?:semster|semestre)\b"
            r"|\b(?:before|befor|b4)\s+[a-z]+ing\b(?!\s+\d)"
            r"|\bin\s+time\s+for\s+(?:the\s+|my\s+|our\s+)?[a-z][\w'-]*"
            r"|\b(?:when|wen|once|after)\s+i\s+(?:finish|qualify|graduate|pass|complete)\b"
            r"|\bbefore\s+(?:the\s+)?baby\b"
        ),
        _kind("undated"),
    ),
    # "by march twenty twenty five", "by the end of twenty twenty six": a year, spoken
    (
        re.compile(
            rf"\b(?:(?:by|in|before|until|till|during)\s+(?:the\s+)?(?:end\s+of\s+)?(?:q(?P<q>[1-4])\s+)?"
            rf"(?:(?P<mon>{MONTH_ALT})\s+)?|(?P<mon2>{MONTH_ALT})\s+)"
            r"twenty[\s-](?P<yw>twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)|twenty|"
            r"thirty)\b"
        ),
        _spoken_year,
    ),
    (re.compile(r"\b(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})\b"), _iso_date),
    (
        re.compile(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?![\d/])"),
        _numeric_date,
    ),
    (
        re.compile(
            rf"\b(?P<mon>{MONTH_ALT})\.?\s+(?P<d>{DAY})(?:st|nd|rd|th)?\b(?P<dw>)"
            rf"(?!\s*(?:%|k\b|(?!next\b|this\b|of\b)[a-z]{{3,}})){YEAR_TAIL}"
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?:(?P<d>{DAY})(?:st|nd|rd|th)?|(?P<dw>{DAY_WORD_ALT}))\s+(?:of\s+)?"
            rf"(?P<mon>{MONTH_ALT})\b\.?{YEAR_TAIL}"
        ),
        _month_day,
    ),
    (
        re.compile(
            r"\b(?:(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?)?"
            r"(?:q(?P<q>[1-4])|(?P<qn>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter)"
            r"\b(?:\s*(?:of\s+)?(?:fy\s?)?(?P<y>\d{4}|'\d{2})\b|\s+(?:of\s+)?(?P<rel>this|next)\s+year\b)?"
        ),
        _quarter,
    ),
    (
        re.compile(r"\b(?:h(?P<h>[12])|(?P<hw>first|second)\s+half\s+of)\b(?:\s*(?P<y>\d{4}))?"),
        lambda m, t, x: _half_named(m, t, x),
    ),
    (
        re.compile(rf"(?P<mon>{MONTH_ALT})(?![\w'-])\.?{YEAR_TAIL}"),
        _month,
    ),
    (
        re.compile(
            r"\b(?:(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?)?"
            r"(?P<which>this|next|nxt|the\s+next|current|the\s+current|the\s+following|following|"
            r"coming|the\s+coming|the)\s+(?P<unit>year|yr|yaer|quarter|quater|qtr|month|mnth|monthh|"
            r"week|fortnight)\b(?!'s)"
            r"(?!\s+(?:and|or)\s+a\s+half)"
        ),
        lambda m, t, x: relative_guarded(m, t, x),
    ),
    (
        re.compile(
            r"\b(?:(?:year|quarter|month|week)[\s-]end|eo[ymqw]|"
            r"end\s+of\s+(?:the\s+)?(?:year|yr|quarter|quater|qtr|month|mnth|week))\b"
        ),
        lambda m, t, x: edge_of(m, t, x),
    ),
    (
        re.compile(
            rf"\b(?P<prep>in|within|inside\s+of|inside|in\s+the\s+space\s+of|over|during|for|after|in\s+under|in\s+less\s+than|"
            rf"no\s+more\s+than|under)\s+(?:(?:like|about|around|roughly|approximately|approx\.?|"
            rf"maybe|just)\s+)?(?:the\s+)?(?P<next>next\s+|coming\s+|following\s+)?"
            rf"(?P<n>{COUNT})(?P<half>\s+and\s+a\s+half)?\s*-?\s*(?P<unit>{UNIT})\b"
            rf"(?P<extra>\s+and\s+a\s+half)?"
            rf"(?:\s+(?:from\s+now|from\s+today|time|'s\s+time))?"
        ),
        duration,
    ),
    (
        re.compile(
            rf"\b(?P<prep>)(?P<next>next\s+|coming\s+)(?P<n>{COUNT})\s+(?P<unit>{UNIT})\b"
            rf"(?P<extra>)"
        ),
        duration,
    ),
    # "two years from now": found from its end, which is quick to scan for
    (re.compile(r"(?:from\s+(?:now|today)|time)\b"), lambda m, t, x: from_now(m, t, x)),
    # "10 years of experience", "3 years ago", "30 years old": found from the last word
    (
        re.compile(r"(?:experience|ago|old|industry|field|business|role|job|company|trade)\b"),
        lambda m, t, x: background(m, t, x),
    ),
    (
        re.compile(
            rf"\b(?P<prep>by|before|until|till|til|in|no\s+later\s+than|through|during|for)\s+(?:the\s+)?(?P<edge>{EDGE})?(?:year\s+)?(?P<num>\d+)\b"
            rf"(?!\s*(?:%|percent|per\s?cent|[.,/]\d|k\b|m\b|x\b|[a-z]))"
        ),
        _by_number,
    ),
    (re.compile(r"(?P<y>20[2-9]\d)\b(?![\d%.,]\d|\s*(?:k\b|%))"), _bare_year),
    (re.compile(r"\b(?:by|in|before|until|till)\s+'(?P<y>[2-9]\d)\b"), _short_year),
    (
        re.compile(rf"\b(?:by|before|on|until|till|this|(?P<next>next))\s+(?P<wd>{WEEKDAY_ALT})\b"),
        _weekday,
    ),
    (
        re.compile(r"(?:today|tonight|tomorrow)\b"),
        _today_or_tomorrow,
    ),
    (
        re.compile(
            r"\b(?:before|by|at|in|until|till|ahead\s+of)\s+(?:my|our|the|his|her|their)\s+"
            r"(?:next|upcoming|first|annual|yearly|mid-year|end-of-year)\s+"
            r"(?:[a-z]+\s+)?(?:review|appraisal|evaluation|check-in|cycle|round|meeting|interview|"
            r"one-on-one|1:1|board\s+meeting|performance\s+review)\b"
            r"|\b(?:before|befor|b4|by|at|until|till|ahead\s+of)\s+(?:(?:my|our|his|her|their|the)\s+)?"
            r"(?:next|upcoming)\s+(?!(?:year|yr|quarter|month|week|day)s?\b|\d)[a-z][\w'-]*"
            r"(?:\s+(?:session|review|meeting|cycle|round|check-in|appointment))?"
            r"|\b(?:before|befor|b4|by|when|once)\s+(?:i|we)\s+(?:graduate|retire|leave|move|finish)\b"
            r"|\b(?:by|before|befor|b4|at)\s+(?:graduation|retirement|go-?live|launch)\b"
            r"|\b(?:by|before|befor|b4|until|till)\s+(?:the\s+)?end\s+of\s+(?:my|our|his|her|their)"
            r"\s+[a-z][\w'-]*"
            r"|\bonce\s+(?:i|we|i've|we've|i'm|we're|my|our|the)\s+[a-z][\w'-]*"
            r"|\b(?:before|befor|b4)\s+(?:my|our|the|his|her|their|[a-z]+'s)\s+[a-z0-9][\w'-]*"
            r"(?:'s)?(?:\s+[a-z]+)?"
        ),
        _kind("undated"),
    ),
    (
        re.compile(
            r"\b(?:soon|someday|some\s+day|eventually|one\s+day(?!\s+(?:a|per|every|each)\b)|one\s+of\s+these\s+days|"
            r"(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|at\s+some\s+point|sometime|"
            r"down\s+the\s+(?:road|line)|asap|as\s+soon\s+as\s+possible|in\s+(?:a\s+few|the\s+coming|"
            r"several|some)\s+(?:days|weeks|months|years)|in\s+time|later\s+on|in\s+the\s+long\s+run"
            r"|before\s+long|in\s+a\s+while)\b"
        ),
        _kind("vague"),
    ),
]


def _month_year(match: re.Match[str], today: date, text: str) -> TimeMention | None:
    """ "by 03/2027", "by 2027-03": the month's last day."""
    if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "/.-"):
        return None
    month = int(match["m"])
    if not 1 <= month <= 12:  # "by 13/2027" is a mistake; "13/2027" alone may be anything
        return mention(match, "invalid") if _LEAD_PREP_RE.search(text, 0, match.start()) else None
    return mention(match, "date", dates.last_day_of_month(int(match["y"]), month))


def _day_of_month(match: re.Match[str], today: date, text: str) -> TimeMention:
    """ "by the 15th": that day of this month, or of next month if it has passed."""
    day = int(match["d"])
    this_month = dates.safe_date(today.year, today.month, day)
    if this_month is not None and this_month >= today:
        return mention(match, "date", this_month)
    following = dates.add_months(today.replace(day=1), 1)
    if following is None:
        return mention(match, "invalid")
    return mention(match, "date", dates.safe_date(following.year, following.month, day))


_PATTERNS += [
    (
        re.compile(
            r"\b(?:by|before|until|untill|till|til|due|on|b4)\s+(?:the\s+)?"
            r"(?P<a>\d{1,2})/(?P<b>\d{1,2})\b(?![/.-]?\d)"
        ),
        _numeric_day,
    ),
    # "payroll officer -> HR director / 6 months", "Shed → home gym, 2 months": a note's limit
    (
        re.compile(
            rf"(?:^|(?<=[,/•|:;>→])|(?<=\s[-–—]))\s*(?P<prep>)(?P<next>)(?P<n>{COUNT})\s*"
            rf"(?P<unit>{UNIT})\b(?P<extra>)(?=\s*(?:$|[,/•|;.!]))"
        ),
        duration,
    ),
    # "by Q5", "Q0 2027": a quarter that does not exist
    (re.compile(r"\bq(?:0|[5-9]|\d{2,})\b"), _kind("invalid")),
    (re.compile(r"(?P<m>\d{1,2})[/-](?P<y>(?:19|20|21)\d{2})(?![\d/.-])"), _month_year),
    (re.compile(r"(?P<y>(?:19|20|21)\d{2})-(?P<m>0[1-9]|1[0-2])\b(?!-\d)"), _month_year),
    (
        re.compile(
            rf"\b(?:by|before|on|until|till)\s+the\s+(?P<d>{DAY})(?:st|nd|rd|th)\b"
            rf"(?!\s+(?:of\s+)?(?:{MONTH_ALT}|every|each)\b)"
        ),
        _day_of_month,
    ),
]


def _half_named(match: re.Match[str], today: date, text: str) -> TimeMention:
    half = match["h"] or ("1" if match["hw"] == "first" else "2")
    year = _year(match["y"])
    if year is None:
        year = today.year + (1 if half == "1" and today.month > 6 else 0)
    return mention(match, "date", dates.last_day_of_month(year, 6 * int(half)))


_NUMBER_STARTS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twelve",
    "eighteen",
    "twenty",
    "thirty",
    "several",
    "few",
    "couple",
    "half",
)
_LETTERS_RE = re.compile(r"[a-z]+")
_ANY_DIGIT_RE = re.compile(r"\d")
_UNIT_WORDS = frozenset(["day", "days", "week", "weeks", "wk", "wks", "fortnight", "fortnights",
                         "month", "months", "mo", "mos", "mth", "mths", "mnth", "mnths",
                         "quarter", "quarters", "year", "years", "yr", "yrs", "wek", "weks",
                         "mont", "monts", "qtr", "qtrs", "yaer", "yaers"])  # fmt: skip
_DIGIT = "#digit"
# Words one of which must be in the text for each pattern of _PATTERNS to have a chance:
# checking a set is far cheaper than scanning the text with a pattern that cannot match.
_GATES: list[frozenset[str]] = [
    frozenset(["i", "im", "he", "she", "hes", "shes", "they", "theyre", "we", "you", "it",
               "baby", "wen",
               "my", "our", "company", "ing", "agm", "audit", "inspection", "conference",
               "kick", "kickoff", "season", "first", "age", "turning", "turn", "birthday",
               "bday", "b", "day", "wedding", "before", "befor", "by", "at", "for",
               "anniversary", "graduation", "school", "academic", "fiscal",
               "financial", "tax", "semester", "term", "season", "summer", "winter", "spring",
               "autumn", "fall", "christmas", "xmas", "easter", "thanksgiving", "new",
               "holidays", "holiday", "fy"]),
    frozenset(["twenty"]),
    frozenset([_DIGIT]),
    frozenset([_DIGIT]),
    frozenset(MONTHS),
    frozenset(MONTHS),
    frozenset(["q", "quarter"]),
    frozenset(["h", "half"]),
    frozenset(MONTHS),
    frozenset(["year", "yr", "yaer", "quarter", "quater", "qtr", "month", "mnth", "monthh", "week",
               "fortnight", "nxt"]),
    frozenset(["end", "eoy", "eom", "eoq", "eow"]),
    _UNIT_WORDS,
    frozenset(["next", "coming"]),
    frozenset(["now", "today", "time"]),
    frozenset(["experience", "ago", "old", "industry", "field", "business", "role", "job",
               "company", "trade"]),
    frozenset([_DIGIT]),
    frozenset([_DIGIT]),
    frozenset([_DIGIT]),
    frozenset(WEEKDAYS),
    frozenset(["today", "tonight", "tomorrow"]),
    frozenset(["before", "befor", "b", "next", "upcoming", "first", "annual", "yearly", "mid",
               "end", "graduate", "graduation", "retire", "retirement", "leave", "move",
               "finish", "once", "go", "live", "launch"]),
    frozenset(["soon", "someday", "some", "eventually", "one", "future", "point", "sometime",
               "down", "asap", "possible", "few", "coming", "several", "time", "later", "long",
               "while"]),
]  # fmt: skip
_GATES += [
    frozenset([_DIGIT]),
    _UNIT_WORDS,
    frozenset(["q"]),
    frozenset([_DIGIT]),
    frozenset([_DIGIT]),
    frozenset(["st", "nd", "rd", "th"]),
]  # month/year, "the 15th"
assert len(_GATES) == len(_PATTERNS)
_PATTERNS_BY_WORD: dict[str, tuple[int, ...]] = {}
for _index, _gate in enumerate(_GATES):
    for _word in _gate:
        _PATTERNS_BY_WORD[_word] = (*_PATTERNS_BY_WORD.get(_word, ()), _index)


def text_words(lowered: str, tokens: list[Token] | None = None) -> set[str]:
    """The runs of letters in the text, plus a marker if it has any digit. With the
    text's tokens, each distinct token is read once: a run of letters never crosses the
    edge of a token, so the runs are the same."""
    if tokens is None or len(lowered) <= _LONG_TEXT:
        words = set(_LETTERS_RE.findall(lowered))
    else:
        words = set()
        for token in {word for _, _, word in tokens}:
            if token.isalpha() and token.isascii():
                words.add(token)  # the common case: the token is one run of letters
            else:
                words.update(_LETTERS_RE.findall(token))
    if _ANY_DIGIT_RE.search(lowered):
        words.add(_DIGIT)
    return words


_LEAD_PREP_RE = re.compile(
    r"\b(?:by|before|until|till|no\s+later\s+than|ahead\s+of|within|during|in|on|at)\s+$"
)


def _with_preposition(mention: TimeMention, text: str, taken: bytearray) -> TimeMention:
    """Let the span take the preposition before it ("by" + "the end of next month"), so
    that evidence shows, and rewrites replace, the whole limit."""
    if not mention.start or not text[mention.start - 1].isspace():
        return mention  # the pattern ends in whitespace right before the mention
    lead = _LEAD_PREP_RE.search(text, max(0, mention.start - 20), mention.start)
    if lead is None or any(taken[lead.start() : mention.start]):
        return mention
    return TimeMention(lead.start(), mention.end, mention.kind, mention.deadline)


_D = "#d"  # a word that starts with a digit
_MONTH_STARTS = frozenset(MONTHS)
# The words each pattern of _PATTERNS can begin with. On long text a pattern is tried
# only where such a word starts, instead of at every character.
_STARTS: list[frozenset[str]] = [
    frozenset(["before", "befor", "b4", "by", "for", "at", "until", "till", "when", "this",
               "next", "the", "in", "during", "fiscal", "#fy"]),
    frozenset(["by", "in", "before", "until", "till", "during", *MONTHS]),
    frozenset([_D]),
    frozenset([_D]),
    _MONTH_STARTS,
    frozenset(["the", _D, *DAY_WORDS]),
    frozenset(["the", "end", "close", "q1", "q2", "q3", "q4", *ORDINAL_QUARTERS]),
    frozenset(["h1", "h2", "first", "second"]),
    _MONTH_STARTS,
    frozenset(["the", "end", "close", "this", "next", "current", "following", "coming"]),
    frozenset(["year", "quarter", "month", "week", "year-end", "quarter-end", "month-end",
               "week-end", "end", "eoy", "eom", "eoq", "eow"]),
    frozenset(["in", "within", "inside", "over", "during", "for", "after", "under", "no"]),
    frozenset(["next", "coming"]),
    frozenset(["from", "time"]),
    frozenset(["experience", "ago", "old", "industry", "field", "business", "role", "job",
               "company", "trade"]),
    frozenset(["by", "before", "until", "till", "til", "in", "no", "through", "during", "for"]),
    frozenset([_D]),
    frozenset(["by", "in", "before", "until", "till"]),
    frozenset(["by", "before", "on", "until", "till", "this", "next"]),
    frozenset(["today", "tonight", "tomorrow"]),
    frozenset(["before", "befor", "b4", "by", "at", "in", "until", "till", "ahead", "when",
               "once"]),
    frozenset(["soon", "someday", "some", "eventually", "one", "in", "the", "at", "sometime",
               "down", "asap", "as", "later", "before"]),
    frozenset(["by", "before", "until", "untill", "till", "til", "due", "on", "b4"]),
    frozenset([_D, "a", "an", *_NUMBER_STARTS]),
    frozenset(["q0", "q5", "q6", "q7", "q8", "q9"]),
    frozenset([_D]),
    frozenset([_D]),
    frozenset(["by", "before", "on", "until", "till"]),
]  # fmt: skip
assert len(_STARTS) == len(_PATTERNS)
_ALL_STARTS = frozenset().union(*_STARTS) - {_D}
_LONG_TEXT = 400  # below this, one scan per pattern costs less than finding start words


# No pattern reads a preposition right after a preposition ("by by", "in at"): such a
# start is left out of the index, which keeps repeated prepositions from costing a
# try of every pattern at every one of them.
_PREPOSITIONS = frozenset(["by", "before", "befor", "b4", "until", "untill", "till", "til",
                           "when", "for", "at", "in", "during", "through", "thru", "once",
                           "after", "wen", "on", "within", "from"])  # fmt: skip


def _word_starts(tokens: list[Token]) -> dict[str, list[int]]:
    """Where each start word begins: word -> positions (digits also under _D, "fy27" also
    under #fy). Words no pattern starts with are left out."""
    index: dict[str, list[int]] = {}
    digits: list[int] = []
    fiscal: list[int] = []
    following = [token[2] for token in tokens[1:]] + [""] * bool(tokens)
    for (start, _, word), after in zip(tokens, following, strict=True):
        if word in _ALL_STARTS and not (word in _PREPOSITIONS and after in _PREPOSITIONS):
            index.setdefault(word, []).append(start)
        first = word[0]
        if first.isdigit():
            digits.append(start)
        elif first == "f" and word.startswith("fy"):
            fiscal.append(start)
    if digits:
        index[_D] = digits
    if fiscal:
        index["#fy"] = fiscal
    return index


def _matches(
    pattern: re.Pattern[str], lowered: str, starts: frozenset[str], index: dict[str, list[int]]
) -> Iterator[re.Match[str]]:
    """Like pattern.finditer, but trying only where one of `starts` begins."""
    if len(index) < len(starts):
        lists = [spots for word, spots in index.items() if word in starts]
    else:
        lists = [index[word] for word in starts if word in index]
    positions = sorted(chain.from_iterable(lists))  # sorted runs: a cheap merge
    if len(positions) > len(lowered) // 16:
        yield from pattern.finditer(lowered)  # start words everywhere: one scan is cheaper
        return
    end = -1
    for position in positions:
        if position < end:
            continue  # inside the previous match, as finditer would skip it
        match = pattern.match(lowered, position)
        if match is not None:
            end = match.end()
            yield match


def find_times(
    lowered: str, today: date, tokens: list[Token] | None = None, horizon: Horizon | None = None
) -> list[TimeMention]:
    """Every time mention, earliest first; overlapping, looser matches are dropped.
    `tokens` (lexicon.tokenize of `lowered`) saves a pass when the caller has them. With a
    horizon, each pattern reads a bounded number of matches (see `cairn.smart.horizon`)."""
    horizon = horizon or unbounded()
    taken = bytearray(len(lowered))  # 1 where an earlier, stronger match sits: linear cost
    found: list[TimeMention] = []
    index = None
    if len(lowered) > _LONG_TEXT:
        tokens = tokens if tokens is not None else tokenize(lowered)
        index = _word_starts(tokens)
    words = text_words(lowered, tokens)
    # the patterns that have a chance: one dictionary lookup a word, not a test a pattern
    wanted = sorted({number for word in words for number in _PATTERNS_BY_WORD.get(word, ())})
    for number in wanted:  # in the order of _PATTERNS: the stronger patterns first
        starts, (pattern, handler) = _STARTS[number], _PATTERNS[number]
        matches = (
            pattern.finditer(lowered)
            if index is None
            else _matches(pattern, lowered, starts, index)
        )
        for match in horizon.bound(matches, found):
            if any(taken[match.start() : match.end()]):
                continue
            mention = handler(match, today, lowered)
            if mention is None or any(taken[mention.start : mention.end]):
                continue
            mention = _with_preposition(mention, lowered, taken)
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
            found.append(mention)
    found.sort(key=lambda mention: mention.start)
    return found
