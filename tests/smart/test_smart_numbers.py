"""Numbers that are part of the target: digits, words, suffixes, percents; and the
numbers that only set a deadline or describe the past, which are left out."""

from __future__ import annotations

import pytest

from cairn.smart import analyze
from cairn.smart.numbers import find_numbers, parse_number_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Earn 100K a year", [100000]),
        ("raise a $1.2M seed round", [1200000]),
        ("hit $500k in closed deals", [500000]),
        ("earn £35k", [35000]),
        ("grow my newsletter to 10,000 subscribers", [10000]),
        ("make 1 million dollars in commission", [1000000]),
        ("reduce food waste by 20 percent", [20]),
        ("increase my sales by 15%", [15]),
        ("get three informational interviews done", [3]),
        ("close a dozen new listings", [12]),
        ("hire twenty-five people", [25]),
        ("mentor one junior engineer every quarter", [1]),
        ("run 5 km in under 25 minutes", [5, 25]),
        ("I want a salary of 80k per year and to go to 2 conferences a year", [80000, 2]),
        ("get my first 100 customers", [100]),
        ("pass all 4 parts of the CPA exam", [4]),
        ("take a 2 week trip to italy", [2]),
        ("bill 160 hours per month", [160]),
        ("increase my hourly rate to $95", [95]),
        ("get our resolution time under 4 hours", [4]),
        ("post twice a week", [2]),
        ("earn 2.5k a month from my side hustle", [2500]),
        ("sell 1,250 units", [1250]),
        ("reach 3 million users", [3000000]),
        ("get a hundred reviews", [100]),
        ("raise half a million dollars", [500000]),
        ("earn 85 000 a year", [85000]),
        ("sign 5-10 clients", [5, 10]),
        ("weekly 1:1s with my manager", []),
    ],
)
def test_target_numbers(text: str, expected: list[float]) -> None:
    assert sorted(analyze(text, today="2026-01-10").numbers) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "get promoted to senior engineer by 2027",  # the year sets the deadline
        "get my PE license within 18 months",  # the duration sets the deadline
        "pass the PHR exam by 30/11/2025",
        "after 10 years as a nurse i want to become an educator",  # the past
        "I've driven for other companies for 12 years",
        "finish my 3 year electrical apprenticeship",  # describes the programme
        "be a store manager before I turn 40",  # an age
        "get my CFA level 1",  # part of a name
        "be available 24/7",
        "get my CPA by 202",
        "finish the course by the 1st of october",
        "in 5 years i want to run my own firm",
    ],
)
def test_numbers_that_only_set_time_or_context_are_left_out(text: str) -> None:
    assert analyze(text, today="2026-01-10").numbers == []


@pytest.mark.parametrize(
    ("words", "value"),
    [("three", 3), ("twenty-five", 25), ("a dozen", 12), ("one hundred", 100),
     ("five hundred thousand", 500000), ("two million", 2000000), ("ninety nine", 99)],
)  # fmt: skip
def test_number_words(words: str, value: int) -> None:
    assert parse_number_words(words) == value


def test_numbers_keep_positions_and_kinds() -> None:
    text = "raise $1.2m and hire 12 people, 20% more"
    mentions = {m.text: m for m in find_numbers(text)}
    assert mentions["$1.2m"].kind == "money" and mentions["$1.2m"].value == 1200000
    assert text[mentions["12"].start : mentions["12"].end] == "12"
    assert mentions["20%"].kind == "percent"


def test_integers_stay_integers() -> None:
    numbers = analyze("raise $1.2M by 2027", today="2026-01-01").numbers
    assert numbers == [1200000] and isinstance(numbers[0], int)


def test_huge_digit_runs_are_not_numbers() -> None:
    assert analyze("earn " + "9" * 5000 + " dollars").numbers == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("earn six figures by 2027", [100000]),
        ("land a six-figure salary", [100000]),
        ("earn 6 figures within 2 years", [100000]),
        ("grow the business to seven figures in revenue", [1000000]),
    ],
)
def test_a_count_of_figures_is_the_smallest_such_sum(text: str, expected: list[int]) -> None:
    """A six-figure salary is at least 100,000: the target is that sum, not the 6."""
    result = analyze(text, today="2026-01-10")
    assert result.numbers == expected
    assert any(span.kind == "money" and "figure" in span.text for span in result.evidence)


def test_double_is_not_a_written_number() -> None:
    """The GUIDE's numbers are those written in the target; "double" is a change, read by
    the attainable rule as a 100% rise instead."""
    assert analyze("double my salary by 2027", today="2026-01-10").numbers == []
