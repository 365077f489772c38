"""Find numbers in a statement: digits, words and suffixes ("100K", "$1.2M", "a dozen").

Works on the lower-cased statement (same length as the original, so offsets carry over).
Patterns avoid nested quantifiers so that a 20,000-digit run costs one linear scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cairn.smart.horizon import Horizon, unbounded
from cairn.smart.lexicon import COUNTED_NOUNS, words_pattern

UNIT_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Words that stand for a number on their own ("twice a week" is two times).
MULTIPLE_WORDS = {"once": 1, "twice": 2, "thrice": 3}

_NUMBER_WORD = "|".join(sorted([*UNIT_WORDS, *SCALE_WORDS, "dozen"], key=len, reverse=True))
# No leading \\b: a pattern that starts with plain words lets the engine skip ahead fast;
# the word start is checked in code.
WORD_NUMBER_RE = re.compile(
    rf"(?:{_NUMBER_WORD})(?:(?:-|\s+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)"
    rf"(?:{_NUMBER_WORD}))*+(?![\w'-])"
)
# Spoken sums and counts: "four grand", "eighty five k", "a grand"; "a couple", "a mile".
_GRAND_AFTER_RE = re.compile(r"\s+(?:grand|k)\b")
_ARTICLE_COUNT_RE = re.compile(
    r"\ba\s+grand\b|\ba\s+couple\b(?!\s+(?:of\s+)?(?:days|weeks|months|years)\b)"
    r"|\ba(?=\s+(?:mile|stone)\b)"
)
_ARTICLE_VALUES = {"a grand": (1000, "money"), "a couple": (2, "word"), "a": (1, "word")}
_A_BEFORE_SCALE_RE = re.compile(r"\b(?:half\s+a|a|one)\s+$")
MULTIPLE_RE = re.compile(r"\b(?:once|twice|thrice)\b")

SUFFIX_VALUES = {
    "k": 1_000, "thousand": 1_000, "grand": 1_000, "m": 1_000_000, "mn": 1_000_000,
    "mil": 1_000_000, "million": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}  # fmt: skip
CURRENCY_SYMBOLS = "$£€¥₹"
CURRENCY_WORDS_RE = re.compile(
    r"\s?(?:dollars?|bucks|pounds?(?!\s+of)|quid|euros?|usd|gbp|eur|cad|aud|nzd|inr|rupees?|"
    r"yen|francs?|chf|sek|nok|dkk|pesos?|zar|rand)\b"
)
# Starts with a digit so that the regex engine can skip ahead fast; what comes before
# the number (a currency sign, a letter that makes it part of a name) is checked in code.
DIGIT_NUMBER_RE = re.compile(
    r"(?P<int>\d(?:\d{0,2}(?:,\d{3})++(?!\d|,\d)|\d{0,2}(?:[ \u00a0\u202f]\d{3})++(?![\d,.])|\d*+))"
    r"(?:\.(?P<frac>\d++))?"
    r"(?:\s?(?P<suf>k|m|mn|mil|bn|b|thousand|million|billion|grand)(?![\w$£€]))?"
    r"(?P<pct>\s?%|\s?(?:percent|per\s?cent)\b)?"
)
_LEADING_CURRENCY_RE = re.compile(rf"(?:(?:us|au|ca|nz|c|a)?[{CURRENCY_SYMBOLS}]\s?)$")
# A currency symbol may also follow the amount ("100€", "5000$").
TRAILING_SYMBOL_RE = re.compile(rf"\s?[{CURRENCY_SYMBOLS}]")
ORDINAL_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)\b")
MAX_DIGITS = 15  # longer runs are not quantities (and int() refuses past 4,300 digits)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number found in the text. kind: money, percent, ordinal, word, digits."""

    start: int
    end: int
    value: int | float
    kind: str
    text: str


def parse_number_words(words: str) -> int | None:
    """Value of a run of number words: "twenty-five" -> 25, "a dozen" -> 12."""
    total = current = 0
    seen = False
    previous = 0
    for word in re.split(r"[\s-]+", words.strip()):
        if word in ("a", "", "and"):
            continue
        value = UNIT_WORDS.get(word)
        pair = value is not None and value >= 20 and 0 < previous < 100 and previous == current
        if pair and (previous % 10 == 0 or previous < 10):
            # spoken as two pairs: "one forty" (140), "twenty twenty six" (2026)
            current = previous * 100 + value  # type: ignore[operator]
            previous = -1
            seen = True
            continue
        if value is not None:
            current += value
            previous = current if previous != -1 else -1
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALE_WORDS:
            total += max(current, 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _clean_value(value: float) -> int | float:
    """Integers stay integers: 1.2M is 1200000, not 1200000.0."""
    if value == int(value):
        return int(value)
    return round(value, 6)


_EARNING_BEFORE_RE = re.compile(
    r"\b(?:earn\w*|make|making|salary|paid|income|pay|revenue|save|raise|bill\w*|"
    r"commission|profit|budget|base|be\s+on|i'?m\s+on|currently\s+on)\b[^.;]*$"
)


_EARNING_STEMS = ("earn", "mak", "salary", "paid", "income", "pay", "revenue", "save", "raise",
                  "bill", "commission", "profit", "budget", "base",
                  " on")  # one is in every match  # fmt: skip
_GROUP_SEPARATOR_RE = re.compile(r"[, \u00a0\u202f]")


def _earning_before(lowered: str, start: int) -> bool:
    """An earning word in the 30 characters before `start` ("earn 85000")."""
    window_start = max(0, start - 30)
    window = lowered[window_start:start]
    if not any(stem in window for stem in _EARNING_STEMS):
        return False  # a plain substring test first: the regex costs far more
    return bool(_EARNING_BEFORE_RE.search(lowered, window_start, start))


def _times_x(text: str, start: int) -> bool:
    """ "lessons x6": a count after a standalone x."""
    return text[start - 1] == "x" and (start == 1 or not text[start - 2].isalnum())


def _range_dash(text: str, start: int) -> bool:
    """ "5-10 clients": a dash between two numbers is a range, not part of a name;
    "sub-4 marathon": the number is the target time."""
    return start >= 2 and (
        text[start - 2].isdigit() or text[max(0, start - 4) : start - 1] == "sub"
    )


# "10k run", "a 5k time", "1500m freestyle": a distance (km, metres), not a sum of money.
_DISTANCE_AFTER_RE = re.compile(
    r"[\s-]*(?:[a-z']+\s+){0,2}?(?:run|runs|race|races|time|swim|row|walk|trail|freestyle|"
    r"breaststroke|backstroke|butterfly|sprint|relay|pb|personal\s+best|charity|fun\s+run)\b"
)

_DISTANCE_BEFORE_RE = re.compile(
    r"(?:\b(?:run|ran|running|complete|finish|race|swim|walk|row|a|my|first|1st|another)|"
    r"\bsub-?\d+)\s+(?:(?:a|my|the|another|first|1st)\s+)?$"
)
# ... unless a count or a sum follows: "walk 8k steps", "a 50k salary", "a 10k bonus".
_COUNT_AFTER_RE = re.compile(
    rf"\s*(?:[a-z-]+\s+)?(?:{words_pattern(COUNTED_NOUNS)}|steps|followers|subs|views|words|"
    r"sales|units|plays|streams|likes|impressions|signups|"
    r"leads|calls|emails|salary|income|revenue|bonus|raise|job|role|position|offer|contract|"
    r"deal|budget|grant|loan|fund|investment|round|deposit|savings|a\s+(?:year|month|week|day)|"
    r"per|/)\b"
)
_RACE_DISTANCES = frozenset([3, 5, 10, 15, 21, 42, 50])


def _is_distance(lowered: str, match: re.Match[str], start: int, end: int, currency: bool) -> bool:
    """ "a 10k", "sub-25 5k", "1500m freestyle": a race distance (km, metres)."""
    suffix = match["suf"]
    if suffix not in ("k", "m") or currency or not lowered[end - 2].isdigit():
        return False
    if _DISTANCE_AFTER_RE.match(lowered, end):
        return True
    if suffix != "k" or _COUNT_AFTER_RE.match(lowered, end) or match["frac"]:
        return False
    if not match["int"].isdigit() or int(match["int"]) not in _RACE_DISTANCES:
        return False
    return bool(_DISTANCE_BEFORE_RE.search(lowered, max(0, start - 24), start))


def find_digit_numbers(lowered: str, horizon: Horizon | None = None) -> list[NumberMention]:
    mentions: list[NumberMention] = []
    for match in (horizon or unbounded()).bound(DIGIT_NUMBER_RE.finditer(lowered), mentions):
        start = match.start()
        before = lowered[start - 1] if start else " "
        if (
            (before.isalnum() and not _times_x(lowered, start))
            or before in "_.,/:'"
            or (before == "-" and not _range_dash(lowered, start))
        ):
            continue  # "web3", "1.5.2", "24/7", "covid-19": not quantities (but "5-10" is)
        currency = None
        if start and (
            lowered[start - 1] in CURRENCY_SYMBOLS
            or (start > 1 and lowered[start - 2] in CURRENCY_SYMBOLS)
        ):  # the symbol sits right before the number, or one space before it
            currency = _LEADING_CURRENCY_RE.search(lowered, max(0, start - 4), start)
        if currency:
            ahead = lowered[currency.start() - 1] if currency.start() else " "
            if ahead.isalnum():
                currency = None
            else:
                start = currency.start()
        integer = match["int"]
        if not integer.isdigit():
            integer = _GROUP_SEPARATOR_RE.sub("", integer)
        if len(integer) > MAX_DIGITS:
            continue
        fraction = match["frac"] or ""
        if len(fraction) > MAX_DIGITS:
            continue
        value = float(f"{integer}.{fraction}") if fraction else float(integer)
        suffix = match["suf"]
        end = match.end()
        distance = _is_distance(lowered, match, start, end, bool(currency))
        if suffix and not distance:
            value *= SUFFIX_VALUES[suffix]
        kind = "digits"
        if match["pct"]:
            kind = "percent"
        elif currency:
            kind = "money"
        else:
            trailing = TRAILING_SYMBOL_RE.match(lowered, end) or CURRENCY_WORDS_RE.match(
                lowered, end
            )
            if trailing:
                kind, end = "money", trailing.end()
            elif not suffix and ORDINAL_SUFFIX_RE.match(lowered, end):
                kind = "ordinal"
            elif suffix in ("k", "m", "mn", "mil", "bn", "b", "grand") and not distance:
                kind = "money"  # "100k", "1.2m": in goal statements these are sums
            elif value >= 1000 and _earning_before(lowered, start):
                kind = "money"  # "earn 85000 a year": a sum even without a sign
        mentions.append(NumberMention(start, end, _clean_value(value), kind, lowered[start:end]))
    return mentions


def find_word_numbers(lowered: str, horizon: Horizon | None = None) -> list[NumberMention]:
    horizon = horizon or unbounded()
    mentions: list[NumberMention] = []
    for match in horizon.bound(WORD_NUMBER_RE.finditer(lowered), mentions):
        start = match.start()
        if start and (lowered[start - 1].isalnum() or lowered[start - 1] in "_'-"):
            continue  # inside a word: "often", "stone"
        value = parse_number_words(match.group())
        if value is None:
            continue
        if match.group().startswith(("dozen", "hundred", "thousand", "million", "billion")):
            article = _A_BEFORE_SCALE_RE.search(lowered, max(0, start - 10), start)
            if article:
                start = article.start()  # "a dozen", "half a million": the span takes it all
                if article.group().startswith("half"):
                    value //= 2
        end = match.end()
        kind = "word"
        grand = _GRAND_AFTER_RE.match(lowered, end)
        trailing = CURRENCY_WORDS_RE.match(lowered, end)
        if (
            grand
            and grand.group().strip() == "k"
            and value in _RACE_DISTANCES
            and (
                _DISTANCE_BEFORE_RE.search(lowered, max(0, start - 24), start)
                or _DISTANCE_AFTER_RE.match(lowered, grand.end())
            )
        ):
            end = grand.end()  # "running five k": a race distance, not 5,000
        elif grand:
            kind, end, value = "money", grand.end(), value * 1000
        elif trailing:
            kind, end = "money", trailing.end()
        elif value >= 1000 and _earning_before(lowered, start):
            kind = "money"  # "my base is fifty five thousand": a sum without its sign
        mentions.append(NumberMention(start, end, value, kind, lowered[start:end]))
    if " a " in lowered or lowered.startswith("a "):
        for match in horizon.bound(_ARTICLE_COUNT_RE.finditer(lowered), mentions):
            value, kind = _ARTICLE_VALUES[" ".join(match.group().split())]
            mentions.append(NumberMention(match.start(), match.end(), value, kind, match.group()))
    for match in horizon.bound(MULTIPLE_RE.finditer(lowered), mentions):
        word = match.group()
        mentions.append(
            NumberMention(match.start(), match.end(), MULTIPLE_WORDS[word], "multiple", word)
        )
    return mentions


_FIGURES_RE = re.compile(
    r"\b(?P<n>[1-9]|1[0-2]|" + "|".join(list(UNIT_WORDS)[1:13]) + r")[\s-]+figures?\b"
)


def _figures(lowered: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "six figures", "a six-figure salary": a sum of at least 100,000, not the number 6.
    The count of digits becomes the smallest sum that has them (6 -> 100,000)."""
    if "figure" not in lowered:
        return mentions  # a plain substring test before the scan
    found = []
    for match in _FIGURES_RE.finditer(lowered):
        digits = match["n"]
        count = int(digits) if digits.isdigit() else UNIT_WORDS[digits]
        value = 10 ** (count - 1)
        found.append(NumberMention(match.start(), match.end(), value, "money", match.group()))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(f.start < m.end and m.start < f.end for f in found)]
    return sorted(kept + found, key=lambda mention: mention.start)


def find_numbers(lowered: str, horizon: Horizon | None = None) -> list[NumberMention]:
    """All numbers, in order of position, digits and words alike. With a horizon, each
    finder reads a bounded number of matches (see `cairn.smart.horizon`)."""
    digits = find_digit_numbers(lowered, horizon)
    taken = bytearray(len(lowered))
    for mention in digits:
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    # "1 million": the digits already took "million"
    words = [m for m in find_word_numbers(lowered, horizon) if not any(taken[m.start : m.end])]
    mentions = digits + words
    mentions.sort(key=lambda mention: mention.start)
    return _figures(lowered, mentions)
