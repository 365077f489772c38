"""Find frequencies ("every month", "3 times a week") and tell habits from rates of pay."""

from __future__ import annotations

import bisect
import re

from cairn.smart.horizon import Horizon, unbounded
from cairn.smart.lexicon import COUNTED_NOUNS, words_pattern
from cairn.smart.numbers import NumberMention
from cairn.smart.timewords import ADVERB_PERIODS, COUNT, PERIOD_UNITS, Frequency

_FREQ_ADVERB_RE = re.compile(
    r"\b(?:daily|nightly|everyday|weekly|bi-?weekly|fortnightly|bi-?monthly|monthly|"
    r"quarterly|yearly|annually)\b"
)
_FREQ_UNITS = "|".join(sorted(PERIOD_UNITS, key=len, reverse=True))
_FREQ_EVERY_RE = re.compile(
    rf"\b(?P<word>every|evry|each|per|a|an|on)\s+(?:other\s+|single\s+|(?:{COUNT})\s+)?"
    rf"(?P<unit>{_FREQ_UNITS})\b"
    rf"|(?P<slash>/)\s?(?P<sunit>{_FREQ_UNITS})\b"
)
_MONEY_NOUN_AFTER_RE = re.compile(
    r"\s+(?:recurring\s+)?(?:revenue|income|salary|earnings|pay|profit|sales|rent|budget|"
    r"spend|billings?|retainer|wages?|bonus|turnover)\b"
)
_TIMES_BEFORE_RE = re.compile(
    r"(?:\btimes|\bx|\d\s?x|\bonce|\btwice|\bthrice|\b(?:a|an|one)\s+[\w-]+(?:\s+[\w-]+)?)\s*$"
)  # "3x a week", "twice a month", "a blog post a week"
_DURATION_BEFORE_RE = re.compile(
    r"\b(?:in|within|for|over|under|than|about|after|take|took|taking|half|of|"
    r"spend|spent|off|least|nearly|almost|around|just)\s*$"
)


def find_frequencies(
    lowered: str, numbers: list[NumberMention], horizon: Horizon | None = None
) -> list[Frequency]:
    """Frequencies in the text; money right before one makes it a rate of pay."""
    horizon = horizon or unbounded()
    found: list[Frequency] = []
    money_ends = {mention.end for mention in numbers if mention.kind == "money"}
    count_ends = sorted(mention.end for mention in numbers if mention.kind != "ordinal")
    for match in horizon.bound(_FREQ_ADVERB_RE.finditer(lowered), found):
        if _names_a_count(lowered, match.start(), match.end(), count_ends):
            continue  # "5,000 monthly visitors", "weekly active users": a metric's name
        period = ADVERB_PERIODS[match.group().replace("-", "")]
        is_rate = _after_money(lowered, match.start(), money_ends) or bool(
            _MONEY_NOUN_AFTER_RE.match(lowered, match.end())
        )  # "monthly revenue of $20k" is a level of pay, not a habit
        found.append(Frequency(match.start(), match.end(), period, is_rate))
    for match in horizon.bound(_FREQ_EVERY_RE.finditer(lowered), found):
        unit = match["unit"] or match["sunit"]
        word = match["word"] or "/"
        before = lowered[max(0, match.start() - 24) : match.start()]
        if word in ("a", "an") and not _counted_before(before, match.start(), count_ends):
            continue  # "take a week off", "within a year": not a frequency
        if word == "on" and (not unit.endswith("s") or unit in _SHIFT_UNITS):
            continue  # "on monday" is a day, "on mondays" a habit, "on nights" a shift
        if word in ("a", "an", "per", "/") and unit in ("day", "days") and before.endswith("one "):
            continue
        is_rate = _after_money(lowered, match.start(), money_ends) and not (
            _SAVING_RE.search(lowered, max(0, match.start() - 60), match.start())
            or _INTO_SAVINGS_RE.match(lowered, match.end())
        )  # "£300 a month into my ISA" is a habit of saving, not pay
        found.append(Frequency(match.start(), match.end(), PERIOD_UNITS[unit], is_rate))
    found.sort(key=lambda frequency: frequency.start)
    return found


_EARN_NUMBER_RE = re.compile(
    r"\b(?:make|making|earn|earning|bring\s+in|bringing\s+in|take\s+home|clear|gross|bill|"
    r"rented\s+(?:out\s+)?for|let\s+for|rent\s+(?:it\s+)?(?:out\s+)?for|charge|charging)\s+"
    r"(?:like\s+|about\s+|around\s+)?(?:\d[\d,.]*k?|[a-z]+(?:[\s-][a-z]+){0,2})$"
)
_INTO_SAVINGS_RE = re.compile(
    r"\s+(?:into|to|in)\s+(?:my\s+|our\s+|the\s+)?(?:savings|isa|pension|fund|account|pot)\b"
)
_SHIFT_UNITS = frozenset(["nights", "days", "evenings", "mornings", "afternoons"])
_SAVING_RE = re.compile(
    r"\b(?:put|putting|save|saving|invest|investing|set\s+aside|put\s+away|contribute|"
    r"donate|overpay|overpayments?|pay\s+(?:off|down|into)|transfer|deposit|spend|spending|"
    r"budget|ringfence|ring-fence)\b"
)
_METRIC_AFTER_RE = re.compile(
    rf"[\s-]+(?:{words_pattern(COUNTED_NOUNS)}|active|recurring|unique|sessions|readers|"
    r"viewers|orders|covers|bookings|plays|streams|membership)\b"
)


_DETERMINER_BEFORE_RE = re.compile(r"\b(?:my|our|your|his|her|their|the|its|this|that)\s+$")


def _names_a_count(lowered: str, start: int, end: int, count_ends: list[int]) -> bool:
    """An adverb that is part of a metric or a noun: right after a count ("400 weekly
    subscribers"), before the metric's noun ("monthly active users"), or after a
    determiner ("my weekly screen time", "the quarterly review")."""
    if _METRIC_AFTER_RE.match(lowered, end):
        return True
    if _DETERMINER_BEFORE_RE.search(lowered, max(0, start - 8), start):
        return True
    if lowered[max(0, start - 8) : start].rstrip().endswith(("paying", "billed", "renewing")):
        return True  # "members paying monthly": how they pay, not how often the goal recurs
    index = bisect.bisect_right(count_ends, start)
    return index > 0 and start - count_ends[index - 1] <= 2


def _counted_before(before: str, start: int, count_ends: list[int]) -> bool:
    """A count comes first: "3 days a week", "twice a month", "a book a month"."""
    if _DURATION_BEFORE_RE.search(before):
        return False
    if _TIMES_BEFORE_RE.search(before):
        return True
    # is there a count ending within the 48 characters before? (count_ends is sorted)
    index = bisect.bisect_right(count_ends, start)
    return index > 0 and count_ends[index - 1] >= start - 48


def _after_money(lowered: str, start: int, money_ends: set[int]) -> bool:
    """A frequency directly after a sum of money ("80k per year", "$10,000 a month")."""
    window_start = max(0, start - 40)  # a window, not the whole prefix: linear on long text
    stripped = lowered[window_start:start].rstrip()
    if stripped.endswith(("salary", "income", "wage", "pay")):
        return True
    if _EARN_NUMBER_RE.search(stripped):
        return True  # "make 150 a day": a sum even without its currency sign
    return window_start + len(stripped) in money_ends
