"""Deadline resolution by the GUIDE's rules: years, months, quarters, relative periods,
durations by the calendar, days, invalid dates and undated limits."""

from __future__ import annotations

from datetime import date

import pytest

from cairn.smart import analyze, dates


def deadline_of(text: str, today: str) -> tuple[str, str | None, list[str]]:
    result = analyze(text, today=today)
    return result.time, result.deadline.isoformat() if result.deadline else None, result.flags


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # a year is due on its last day
        ("earn 85k a year by 2027", "2025-03-02", "2027-12-31"),
        ("open my own bakery in 2028", "2026-03-18", "2028-12-31"),
        ("become assistant store manager by the end of 2026", "2025-07-25", "2026-12-31"),
        # a month: its last day; without a year, the next one that has not ended
        ("get my PMP certification by June 2026", "2025-09-14", "2026-06-30"),
        ("get better at delegating by march", "2026-09-15", "2027-03-31"),
        ("finish the report by march", "2026-03-20", "2026-03-31"),  # March has not ended
        ("get promoted to head of department by sept 2027", "2026-01-20", "2027-09-30"),
        ("renovate the office by the end of september", "2027-06-19", "2027-09-30"),
        ("ship it by February 2028", "2027-01-01", "2028-02-29"),  # leap year month end
        ("ship it by February 2027", "2026-01-01", "2027-02-28"),
        # quarters: Q1 Mar 31, Q2 Jun 30, Q3 Sep 30, Q4 Dec 31; without a year the next one
        ("increase my sales by 15% by Q3", "2025-04-22", "2025-09-30"),
        ("hire 4 engineers by end of Q1", "2026-11-02", "2027-03-31"),
        ("grow followers to 25k by Q2", "2026-08-09", "2027-06-30"),
        ("do 50 sales calls a week by the end of Q1 2025", "2025-06-01", "2025-03-31"),
        ("close the round by q4", "2026-12-31", "2026-12-31"),  # last day of Q4 still counts
        # this / next year, quarter, month
        ("network more this year", "2027-02-11", "2027-12-31"),
        ("visit 3 clients by the end of the year", "2027-02-11", "2027-12-31"),
        ("become a senior engineer by the end of next year", "2026-02-11", "2027-12-31"),
        ("learn react this quarter", "2025-02-12", "2025-03-31"),
        ("win 3 new accounts next quarter", "2025-09-20", "2025-12-31"),
        ("win 3 new accounts next quarter", "2025-11-20", "2026-03-31"),  # across the year
        ("deliver two sessions this month", "2026-08-04", "2026-08-31"),
        ("learn salesforce by end of next month", "2027-05-10", "2027-06-30"),
        ("make 3 calls next month", "2026-12-16", "2027-01-31"),
        # durations, months and years by the calendar
        ("get my PE license within 18 months", "2026-11-21", "2028-05-21"),
        ("finish the certificate within 6 months", "2025-08-31", "2026-02-28"),  # clamped
        ("finish the certificate within 6 months", "2027-08-31", "2028-02-29"),  # leap
        ("make partner in five years", "2026-06-30", "2031-06-30"),
        ("pass all 4 parts in the next two years", "2025-05-08", "2027-05-08"),
        ("land 5 clients in the next 90 days", "2027-02-14", "2027-05-15"),
        ("send my portfolio to 15 studios in 3 weeks", "2025-02-20", "2025-03-13"),
        ("finish the course in ten days", "2027-03-25", "2027-04-04"),
        ("complete a masters in 2 yrs", "2025-08-20", "2027-08-20"),
        ("be on 150k within 12 months", "2026-05-30", "2027-05-30"),
        ("earn £35k within a year", "2027-02-19", "2028-02-19"),
        ("get a leap day job within a year", "2024-02-29", "2025-02-28"),
        ("be making 60k/yr within eighteen months", "2026-07-31", "2028-01-31"),
        ("get my nursing license in two and a half years", "2026-03-10", "2028-09-10"),
        ("launch the app within the next year", "2026-03-10", "2027-03-10"),
        # days
        ("ship the checkout flow by March 15", "2026-01-10", "2026-03-15"),
        ("ship the checkout flow by March 15", "2026-03-16", "2027-03-15"),
        ("pass the PHR exam by 30/11/2025", "2025-04-15", "2025-11-30"),
        ("get my AWS cert by 3/31/2026", "2025-11-04", "2026-03-31"),
        ("get a job offer before 2026-03-15", "2025-12-01", "2026-03-15"),
        ("finish the course by the 1st of october", "2025-08-19", "2025-10-01"),
        ("increase my rate to $95 by 1 March 2027.", "2026-09-09", "2027-03-01"),
        ("close a dozen listings by Nov 30th", "2025-06-27", "2025-11-30"),
        ("finish the specialization by 15 march", "2027-01-05", "2027-03-15"),
        ("mentor two designers by 31 December", "2025-10-10", "2025-12-31"),
        ("submit it by feb 29", "2027-01-10", "2028-02-29"),  # the next February is 2028
        # more ways people write the same limits
        ("win 3 deals by end of year", "2026-05-20", "2026-12-31"),
        ("win 3 deals by EOY", "2026-05-20", "2026-12-31"),
        ("win 3 deals in the next quarter", "2026-05-20", "2026-09-30"),
        ("win 3 deals by Q3 next year", "2026-05-20", "2027-09-30"),
        ("win 3 deals by june next year", "2026-05-20", "2027-06-30"),
        ("win 3 deals by 03/2027", "2026-05-20", "2027-03-31"),
        ("win 3 deals by the first of june", "2026-05-20", "2026-06-01"),
        ("win 3 deals by the 15th", "2026-05-20", "2026-06-15"),
        ("win 3 deals a year from now", "2026-05-20", "2027-05-20"),
        ("win 3 deals by mid 2027", "2026-05-20", "2027-06-30"),
        ("win 3 deals by 2026/12/31", "2026-05-20", "2026-12-31"),
        ("win 3 deals by next Friday", "2026-05-20", "2026-05-22"),  # a Wednesday
    ],
)
def test_deadline_resolves_by_the_guide(text: str, today: str, expected: str) -> None:
    time, deadline, _ = deadline_of(text, today)
    assert time == "deadline"
    assert deadline == expected


@pytest.mark.parametrize(
    "text",
    [
        "get my CPA by 202",
        "get my first 100 customers by 13/25/2026",
        "pass the FE exam by feb 30",
        "finish my portfolio website by the 31st of June",
        "get promoted by 31/04/2026",
        "earn 100k by 99999",
        "launch it by 2027-02-30",
    ],
)
def test_impossible_dates_are_invalid(text: str) -> None:
    time, deadline, flags = deadline_of(text, "2026-02-18")
    assert (time, deadline) == ("deadline", None)
    assert "deadline_invalid" in flags


@pytest.mark.parametrize(
    "text",
    [
        "be a store manager before I turn 40",
        "get further in my career by the time im 30",
        "get a 10% raise at my next review",
        "learn how to manage a budget before my next performance review",
        "lose 5kg before my sister's wedding",
        "make a difference for my students this school year",
        "send the test results by the next coaching session",
    ],
)
def test_limits_tied_to_undated_events_have_no_date(text: str) -> None:
    time, deadline, flags = deadline_of(text, "2026-05-08")
    assert (time, deadline) == ("deadline", None)
    assert "deadline_invalid" not in flags


@pytest.mark.parametrize(
    "text",
    [
        "someday run my own studio",
        "become a team lead eventually",
        "get a job soon",
        "i wanna be a boss one day",
    ],
)
def test_vague_times_are_not_deadlines(text: str) -> None:
    time, deadline, flags = deadline_of(text, "2026-05-08")
    assert (time, deadline) == ("none", None)
    assert "vague_words" in flags


@pytest.mark.parametrize(
    ("text", "today"),
    [("get promoted to senior analyst by March 2025", "2025-08-10"),
     ("by 2024 I'll be a team lead", "2025-05-05")],
)  # fmt: skip
def test_past_deadlines_are_flagged(text: str, today: str) -> None:
    result = analyze(text, today=today)
    assert result.deadline is not None and result.deadline < result.today
    assert "deadline_past" in result.flags
    assert result.letters["T"] is False


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("call 50 leads every day", "day"),
        ("meditate daily", "day"),
        ("post on linkedin 3 times a week", "week"),
        ("work remotely 3 days a week", "week"),
        ("cook at home 5 nights a week", "week"),
        ("read one leadership book every month", "month"),
        ("bill 160 hours per month", "month"),
        ("teach one workshop per quarter", "quarter"),
        ("go to 2 trade shows a year", "year"),
        ("do 2 certs per year", "year"),
        ("publish a weekly blog post", "week"),
        ("release one episode every two weeks", "week"),
        ("read a book a month", "month"),
        ("apply to 10 jobs a week until i land a role", "week"),
    ],
)
def test_frequencies_are_recurring(text: str, period: str) -> None:
    result = analyze(text, today="2026-06-19")
    assert (result.time, result.period, result.deadline) == ("recurring", period, None)


@pytest.mark.parametrize(
    "text",
    [
        "Earn 100K a year",
        "make 90k per year",
        "make $10,000 a month",
        "be making 60k/yr",
        "increase my monthly revenue to $20k",
    ],
)
def test_a_rate_of_pay_is_not_a_frequency(text: str) -> None:
    result = analyze(text, today="2026-06-19")
    assert result.period is None
    assert result.time == "none"


def test_frequency_and_deadline_together_is_deadline() -> None:
    result = analyze("do 50 sales calls a week by the end of Q1 2027", today="2026-06-01")
    assert (result.time, result.period, result.deadline) == ("deadline", "week", date(2027, 3, 31))


def test_duration_in_the_past_is_background_not_deadline() -> None:
    result = analyze("ive been teaching for twelve years and want to lead a department")
    assert result.time == "none"


class TestCalendar:
    def test_add_months_clamps_to_month_end(self) -> None:
        assert dates.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
        assert dates.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
        assert dates.add_months(date(2026, 11, 21), 18) == date(2028, 5, 21)

    def test_add_months_out_of_range_is_none(self) -> None:
        assert dates.add_months(date(9999, 12, 1), 1) is None

    def test_quarters(self) -> None:
        ends = [dates.quarter_end(2027, q) for q in (1, 2, 3, 4)]
        assert ends == [date(2027, 3, 31), date(2027, 6, 30), date(2027, 9, 30), date(2027, 12, 31)]
        assert dates.next_quarter_end(date(2027, 7, 1), 2) == date(2028, 6, 30)

    def test_safe_date_rejects_impossible_days(self) -> None:
        assert dates.safe_date(2027, 2, 29) is None
        assert dates.safe_date(2028, 2, 29) == date(2028, 2, 29)
        assert dates.safe_date(2027, 6, 31) is None
        assert dates.safe_date(2027, 13, 1) is None
