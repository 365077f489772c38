"""Any text gets a well-formed Assessment: random, adversarial, huge or odd."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cairn.smart import FLAG_ORDER, Assessment, analyze

PIECES = ["by ", "by", "2027", "202", "99999", "q3 ", "within ", "18 months", "every ",
          "week", "a year ", "$", "100k", "1,", "1.", "/", "-", "%", " and ", ", ", "...",
          "31st of june", "feb 30", "lots of ", "more", "twenty-five ", "a dozen", "9" * 50,
          "\u202e", "\u200f", "مرحبا", "🚀", "\x00", "\x1b[31m", "İ", "ß", "\n", "\t",
          "before I turn ", "next ", "this ", "quarter", "learn ", "get promoted"]  # fmt: skip
adversarial = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
anything = st.one_of(st.text(max_size=300), adversarial)


def assert_well_formed(result: Assessment, text: str) -> None:
    assert isinstance(result, Assessment)
    assert result.text == text
    assert result.time in ("deadline", "recurring", "none")
    assert result.period in (None, "day", "week", "month", "quarter", "year")
    assert result.deadline is None or isinstance(result.deadline, date)
    assert result.deadline is None or result.time == "deadline"
    assert all(isinstance(n, int | float) and not isinstance(n, bool) for n in result.numbers)
    assert result.flags == [flag for flag in FLAG_ORDER if flag in result.flags]
    assert len(set(result.flags)) == len(result.flags)
    assert ("not_career" in result.flags) == (not result.career)
    for field in ("career", "specific", "measurable"):
        assert isinstance(getattr(result, field), bool)
    assert result.attainable in (True, False, None)
    assert result.relevant in (True, False, None)
    for span in result.evidence:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
    assert set(result.letters) == set("SMART")
    json.dumps(result.to_dict())  # JSON-ready


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=anything, today=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_any_text_any_day_gives_a_well_formed_assessment(text: str, today: date) -> None:
    assert_well_formed(analyze(text, today=today), text)


@settings(max_examples=50, deadline=None)
@given(
    context=st.dictionaries(
        st.sampled_from(
            ["role", "field", "salary", "vision", "years_experience", "currency", "junk"]
        ),
        st.one_of(
            st.none(), st.text(max_size=20), st.integers(), st.floats(allow_nan=True), st.booleans()
        ),
    )
)
def test_odd_context_values_are_tolerated(context: dict[str, object]) -> None:
    assert_well_formed(analyze("earn 100k by 2027", context=context), "earn 100k by 2027")


@pytest.mark.parametrize(
    "text",
    ["", " ", "by " * 5000, "1" * 20000, "by 99999", "9" * 5000 + "%", ",;.-/" * 3000,
     "$" * 10000, "1," * 8000, "every every week a week " * 500, "\u202e\u200f" * 3000,
     "by 2027 " * 2000, "🚀💰" * 4000, "\x00\x01\x02" * 3000, "a" * 20000,
     "by 31st of june 15/03/2027 q3 " * 600, "by 99999 " * 2000, "1 " * 9000],
)  # fmt: skip
def test_adversarial_inputs_give_well_formed_results(text: str) -> None:
    """No timing here: benchmarks/smart_robustness.py times these against 20 ms."""
    assert_well_formed(analyze(text, today="2026-01-01"), text)


@pytest.mark.parametrize("today", [None, "not a date", "2026-13-45", 42, "2026-02-03T10:00"])
def test_bad_today_falls_back(today: object) -> None:
    result = analyze("earn 100k this year", today=today)  # type: ignore[arg-type]
    assert isinstance(result.today, date)


def test_non_string_text_is_read_as_text() -> None:
    assert_well_formed(analyze(None), "")  # type: ignore[arg-type]
    assert analyze(12345).text == "12345"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("get my PE license within 18 months", "2028-05-21"),
        ("earn 85k a year by 2027", "2027-12-31"),
        ("finish the course by the 1st of october", "2027-10-01"),
        ("win 3 deals by Q3", "2027-09-30"),
        ("ship the checkout flow by March 15", "2027-03-15"),
        ("hire 2 people by 15/03/2027", "2027-03-15"),
    ],
)
def test_long_text_reads_times_like_short_text(text: str, deadline: str) -> None:
    """Long input takes a faster path (patterns tried only where their words start);
    the statement at its end must read the same."""
    padding = "I have worked in retail for six years and want a change. " * 30
    short = analyze(text, today="2026-11-21")
    long = analyze(padding + text, today="2026-11-21")
    assert short.deadline is not None and short.deadline.isoformat() == deadline
    assert (long.time, long.deadline) == (short.time, short.deadline)


@pytest.mark.parametrize("huge", [1.634266486238469e308, float("inf"), 1e13])
def test_absurd_numbers_in_the_context_are_unknown(huge: float) -> None:
    """Found by hypothesis: a salary near the float limit overflowed a later computation."""
    from cairn.smart import Context

    context = {"salary": huge, "years_experience": huge, "role": "nurse", "currency": "USD"}
    assert Context.from_mapping(context).salary is None
    result = analyze("earn 100k a year by 2028", today="2026-11-21", context=context)
    assert result.attainable in (True, False, None)
