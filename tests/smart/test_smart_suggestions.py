"""Suggestions quote the person's words and offer rewrites; evidence marks the words."""

from __future__ import annotations

import pytest

from cairn.smart import analyze


def keys(text: str, **kwargs: object) -> dict[str, str]:
    result = analyze(text, **kwargs)  # type: ignore[arg-type]
    return {s.key: s.message for s in result.suggestions}


def test_vague_goal_gets_a_concrete_example_with_the_persons_words() -> None:
    result = analyze("I want lots of money", today="2026-07-19")
    advice = {s.key: s for s in result.suggestions}
    # the S advice names the vague words and the example; no other line repeats it
    assert set(advice) == {"S", "M", "T"}
    assert "'lots of money'" in advice["S"].message
    assert "$85,000 a year by July 2027" in advice["S"].message
    assert advice["S"].rewrite == "earn $85,000 a year by July 2027"
    assert "$85,000" not in advice["M"].message


@pytest.mark.parametrize(
    "text", ["get better at my job", "I want lots of money", "be more successful", "grow"]
)
def test_no_rewrite_is_offered_twice(text: str) -> None:
    rewrites = [s.rewrite for s in analyze(text, today="2026-07-19").suggestions if s.rewrite]
    assert len(rewrites) == len(set(rewrites))


def test_example_pay_follows_the_persons_salary_and_currency() -> None:
    context = {"salary": 40000, "currency": "GBP"}
    result = analyze("make more money", today="2026-01-05", context=context)
    rewrites = [s.rewrite for s in result.suggestions if s.rewrite]
    assert "earn £44,000 a year by January 2027" in rewrites


def test_missing_deadline_gets_a_rewrite_a_year_out() -> None:
    result = analyze("get my PMP certification", today="2026-03-10")
    (suggestion,) = result.suggestions
    assert suggestion.key == "T"
    assert suggestion.rewrite == "get my PMP certification by March 2027"


def test_vague_time_is_replaced_in_the_rewrite() -> None:
    result = analyze("someday run my own photography studio", today="2025-12-30")
    advice = {s.key: s for s in result.suggestions}
    assert "'someday'" in advice["T"].message
    assert advice["T"].rewrite == "run my own photography studio by December 2026"


def test_invalid_and_past_dates_are_quoted_and_replaced() -> None:
    invalid = analyze("get my CPA by 202", today="2025-11-03")
    advice = {s.key: s for s in invalid.suggestions}
    assert "'by 202'" in advice["deadline_invalid"].message
    assert advice["deadline_invalid"].rewrite == "get my CPA by November 2026"
    past = analyze("get promoted to senior analyst by March 2025", today="2025-08-10")
    advice = {s.key: s for s in past.suggestions}
    assert "'by March 2025'" in advice["deadline_past"].message
    assert advice["deadline_past"].rewrite == "get promoted to senior analyst by August 2026"


def test_compound_goal_is_split_with_the_first_kept() -> None:
    result = analyze("get promoted, buy a house and run a marathon this year", today="2026-01-02")
    advice = {s.key: s for s in result.suggestions}
    assert "3 goals" in advice["S"].message
    assert advice["S"].rewrite == "get promoted"


def test_unattainable_and_irrelevant_goals_say_why() -> None:
    context = {"role": "marketing intern", "field": "marketing"}
    messages = keys("become CEO of my company by next year", today="2026-09-01", context=context)
    assert "level" in messages["A"]
    context = {"role": "marketing specialist", "field": "marketing"}
    messages = keys("learn Rust by the end of the year", today="2025-06-09", context=context)
    assert "software" in messages["R"] and "marketing" in messages["R"]


def test_a_smart_goal_needs_no_advice() -> None:
    result = analyze("earn 100K a year by 2027", today="2026-01-10")
    assert result.suggestions == []
    assert result.is_smart


def test_evidence_marks_numbers_times_and_vague_words() -> None:
    text = "make $10,000 a month by the end of next month"
    result = analyze(text, today="2025-10-15")
    kinds = {(span.kind, span.text) for span in result.evidence}
    assert ("money", "$10,000") in kinds
    assert ("pay rate", "a month") in kinds
    assert ("deadline", "by the end of next month") in kinds
    vague = analyze("network more", today="2025-10-15")
    assert ("vague word", "more") in {(span.kind, span.text) for span in vague.evidence}


def test_to_dict_uses_guide_names_and_iso_dates() -> None:
    data = analyze("win 3 new accounts next quarter", today="2025-09-20").to_dict()
    assert data["deadline"] == "2025-12-31"
    assert data["numbers"] == [3]
    assert data["letters"] == {"S": True, "M": True, "A": None, "R": None, "T": True}
    for key in ("career", "specific", "measurable", "time", "period", "flags", "attainable",
                "relevant", "evidence", "suggestions", "reasons"):  # fmt: skip
        assert key in data
