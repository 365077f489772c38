"""The shortcuts that keep long input fast read exactly what the plain scans read, and
the horizon bounds dense input without changing anything before it."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from cairn.smart import analyze
from cairn.smart import goal as goal_reader
from cairn.smart.analyzer import normalise
from cairn.smart.horizon import MAX_MENTIONS
from cairn.smart.lexicon import tokenize
from cairn.smart.timeexpr import find_times

PIECES = ["get", "a job", " ", "well-get", "x'become", "become a manager", "by june", "-",
          "'", "_", "earn", "my license", "certified", ", ", ". ", " and ", " - ", "q3",
          "launch my app", "2027", "buy a house", "5kg", "lose", "holidays", "by the holidays",
          "promoted to lead", "promtion to", "é", "İ", "١٠٠", "\u00a0", "\t", "re-earn",
          "be"]  # fmt: skip
pieces = st.lists(st.sampled_from(PIECES), max_size=200).map("".join)
long_pieces = st.lists(st.sampled_from(PIECES), min_size=1, max_size=300).map(
    lambda parts: "".join(parts) * (1 + 400 // len("".join(parts)))  # over 400 characters
)
text_or_pieces = st.one_of(st.text(max_size=200), pieces)
_OLD_CLAUSE_SPLIT_RE = re.compile(
    r"[,;:!?]+|[.](?:\s|$)|\s(?:and|&|plus|as\s+well\s+as|also|then|while)\s|\s-\s"
)


@settings(max_examples=300, deadline=None)
@given(text=text_or_pieces)
def test_tokenize_matches_the_plain_scan(text: str) -> None:
    pattern = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
    assert tokenize(text) == [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=text_or_pieces)
def test_clause_separators_match_the_plain_pattern(text: str) -> None:
    new = [m.span() for m in goal_reader._CLAUSE_SPLIT_RE.finditer(text)]
    assert new == [m.span() for m in _OLD_CLAUSE_SPLIT_RE.finditer(text)]


@settings(max_examples=150, deadline=None)
@given(text=long_pieces)
def test_long_text_reading_matches_the_plain_scans(text: str) -> None:
    lowered = normalise(text)
    tokens = tokenize(lowered)
    times = find_times(lowered, date(2026, 1, 10), tokens)
    chars = list(lowered)
    for mention in times:
        chars[mention.start : mention.end] = " " * (mention.end - mention.start)
    blanked = "".join(chars)
    plain = goal_reader.read_goal(lowered, blanked, tokens)
    fast = goal_reader.read_goal(lowered, blanked, tokens, [mention.end for mention in times])
    assert fast == plain


@settings(max_examples=150, deadline=None)
@given(text=pieces)
def test_personal_clause_shortcut_matches_the_full_reading(text: str) -> None:
    lowered = normalise(text)
    starts = goal_reader.personal_word_starts(tokenize(lowered))
    for start, end, _ in goal_reader.find_goal_clauses(lowered):
        shortcut = goal_reader.clause_is_personal(lowered, start, end, starts)
        assert shortcut == goal_reader.clause_is_personal(lowered, start, end)


def test_dense_numbers_are_read_up_to_the_horizon() -> None:
    text = "earn 85k by 2027, " + "1, " * 5000
    result = analyze(text, today="2026-01-10")
    assert result.deadline is not None and result.deadline.isoformat() == "2027-12-31"
    assert result.numbers[0] == 85000
    assert len(result.numbers) <= MAX_MENTIONS + 1


def test_dense_dates_keep_the_first_deadline() -> None:
    result = analyze("by 15/03/2027 " * 1500, today="2026-01-10")
    assert result.deadline is not None and result.deadline.isoformat() == "2027-03-15"
    assert sum(span.kind == "deadline" for span in result.evidence) <= MAX_MENTIONS


def test_a_story_under_the_bound_still_reads_its_goal_at_the_end() -> None:
    story = "I have worked in retail for six years and someone noticed; " * 150
    result = analyze(story + "become assistant store manager by June 2027", today="2026-01-10")
    assert result.deadline is not None and result.deadline.isoformat() == "2027-06-30"


def test_short_text_is_not_bounded() -> None:
    text = ", ".join(str(n) for n in range(1, 60))  # 59 numbers in under 200 characters
    assert len(analyze(text, today="2026-01-10").numbers) == 59
