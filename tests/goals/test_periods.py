"""Frequency goals counted per period: pure functions over dates, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.goals.periods import (
    FrequencyProgress,
    frequency_progress,
    next_period_start,
    period_label,
    period_start,
    short_label,
)

D = dt.date


def progress(
    kind: str, dates: list[dt.date], start: dt.date, today: dt.date, target: int = 3
) -> FrequencyProgress:
    return frequency_progress(
        kind=kind, target=target, check_in_dates=dates, start=start, today=today
    )


# --- period boundaries ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (D(2026, 11, 16), D(2026, 11, 16)),  # a Monday is its own week's start
        (D(2026, 11, 19), D(2026, 11, 16)),  # Thursday
        (D(2026, 11, 22), D(2026, 11, 16)),  # Sunday ends the week
        (D(2027, 1, 1), D(2026, 12, 28)),  # a week across New Year starts in the old year
        (D(2028, 2, 29), D(2028, 2, 28)),  # leap day
    ],
)
def test_weeks_start_on_monday(day: dt.date, monday: dt.date) -> None:
    assert period_start("week", day) == monday


@pytest.mark.parametrize(
    ("kind", "day", "start"),
    [
        ("month", D(2028, 2, 29), D(2028, 2, 1)),
        ("quarter", D(2026, 3, 31), D(2026, 1, 1)),
        ("quarter", D(2026, 4, 1), D(2026, 4, 1)),
        ("quarter", D(2026, 12, 31), D(2026, 10, 1)),
        ("year", D(2026, 12, 31), D(2026, 1, 1)),
    ],
)
def test_period_start(kind: str, day: dt.date, start: dt.date) -> None:
    assert period_start(kind, day) == start


@pytest.mark.parametrize(
    ("kind", "start", "following"),
    [
        ("week", D(2026, 12, 28), D(2027, 1, 4)),
        ("month", D(2026, 12, 1), D(2027, 1, 1)),
        ("month", D(2028, 2, 1), D(2028, 3, 1)),
        ("quarter", D(2026, 10, 1), D(2027, 1, 1)),
        ("quarter", D(2026, 7, 1), D(2026, 10, 1)),
        ("year", D(2028, 1, 1), D(2029, 1, 1)),
    ],
)
def test_next_period_start_crosses_year_boundaries(
    kind: str, start: dt.date, following: dt.date
) -> None:
    assert next_period_start(kind, start) == following


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="fortnight"):
        period_start("fortnight", D(2026, 1, 1))


def test_february_ends_on_the_29th_in_a_leap_year() -> None:
    leap = progress("month", [D(2028, 2, 29)], D(2028, 2, 1), D(2028, 3, 5))
    february = leap.periods[0]
    assert (february.end, february.count) == (D(2028, 2, 29), 1)
    plain = progress("month", [], D(2027, 2, 1), D(2027, 3, 5))
    assert plain.periods[0].end == D(2027, 2, 28)


# --- labels --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "start", "label"),
    [
        ("week", D(2026, 11, 16), "week of 16 Nov"),
        ("week", D(2025, 12, 29), "week of 29 Dec 2025"),  # another year says so
        ("month", D(2026, 11, 1), "Nov 2026"),
        ("quarter", D(2026, 7, 1), "Q3 2026"),
        ("quarter", D(2026, 10, 1), "Q4 2026"),
        ("year", D(2026, 1, 1), "2026"),
    ],
)
def test_period_labels(kind: str, start: dt.date, label: str) -> None:
    assert period_label(kind, start, this_year=2026) == label


def test_short_labels_for_chart_axes() -> None:
    assert short_label("week", D(2026, 11, 16)) == "16 Nov"
    assert short_label("month", D(2026, 11, 1)) == "Nov '26"
    assert short_label("quarter", D(2030, 1, 1)) == "Q1 '30"
    assert short_label("year", D(2026, 1, 1)) == "2026"


# --- counting ------------------------------------------------------------------------------


def test_quarters_from_the_start_to_now() -> None:
    dates = [D(2026, 8, 20), D(2026, 9, 1), D(2026, 9, 30), D(2026, 10, 1), D(2026, 12, 31)]
    result = progress("quarter", dates, D(2026, 8, 15), D(2027, 1, 2))
    assert [(t.label, t.count, t.met) for t in result.periods] == [
        ("Q3 2026", 3, True),
        ("Q4 2026", 2, False),
        ("Q1 2027", 0, False),
    ]
    assert [(t.start, t.end) for t in result.periods][-1] == (D(2027, 1, 1), D(2027, 3, 31))
    assert [t.current for t in result.periods] == [False, False, True]


def test_this_periods_count_against_the_target() -> None:
    result = progress("quarter", [D(2026, 10, 5), D(2026, 11, 2)], D(2026, 1, 1), D(2026, 11, 21))
    assert (result.current.count, result.target, result.current.met) == (2, 3, False)
    assert result.fraction == pytest.approx(2 / 3)
    assert result.summary() == "2 of 3 this quarter"


def test_check_ins_outside_the_periods_shown_are_not_counted() -> None:
    before_start, future = D(2026, 6, 30), D(2026, 12, 1)
    result = progress(
        "quarter", [before_start, future, D(2026, 8, 1)], D(2026, 7, 1), D(2026, 11, 1)
    )
    assert [t.count for t in result.periods] == [1, 0]


def test_a_check_in_before_the_start_in_the_first_period_counts() -> None:
    # The goal started mid-quarter; a back-dated check-in earlier that quarter still counts.
    result = progress("quarter", [D(2026, 7, 2)], D(2026, 8, 15), D(2026, 8, 20))
    assert result.current.count == 1


def test_weeks_across_new_year() -> None:
    dates = [D(2026, 12, 31), D(2027, 1, 3), D(2027, 1, 4)]
    result = progress("week", dates, D(2026, 12, 28), D(2027, 1, 5), target=2)
    assert [(t.label, t.count) for t in result.periods] == [
        ("week of 28 Dec 2026", 2),
        ("week of 4 Jan", 1),
    ]
    assert result.periods[0].end == D(2027, 1, 3)


def test_years() -> None:
    result = progress("year", [D(2024, 6, 1), D(2026, 2, 1)], D(2024, 3, 1), D(2026, 3, 1), 1)
    assert [(t.label, t.met) for t in result.periods] == [
        ("2024", True),
        ("2025", False),
        ("2026", True),
    ]


def test_a_start_after_today_shows_the_current_period_alone() -> None:
    result = progress("month", [], D(2026, 12, 5), D(2026, 11, 20))
    assert [t.label for t in result.periods] == ["Nov 2026"]


def test_a_target_of_zero_is_always_met() -> None:
    result = progress("month", [], D(2026, 11, 1), D(2026, 11, 20), target=0)
    assert (result.current.met, result.fraction) == (True, 1.0)


# --- streaks -------------------------------------------------------------------------------


def months(*counts: int) -> FrequencyProgress:
    """One month per count, from January 2026; the last one is the current month."""
    dates = [D(2026, index + 1, 10) for index, n in enumerate(counts) for _ in range(n)]
    today = D(2026, len(counts), 20)
    return progress("month", dates, D(2026, 1, 1), today, target=2)


def test_streak_counts_complete_met_periods_up_to_the_last_one() -> None:
    assert months(2, 3, 2, 0).streak == 3  # the current month, unmet so far, breaks nothing


def test_current_period_adds_to_the_streak_once_met() -> None:
    assert months(2, 3, 2, 2).streak == 4
    assert months(2, 3, 2, 2).summary() == "2 of 2 this month; streak: 4 months"


def test_streak_is_broken_by_a_missed_period() -> None:
    assert months(2, 1, 2, 2, 1).streak == 2
    assert months(2, 2, 1, 0).streak == 0


def test_streak_of_one() -> None:
    result = months(0, 2, 0)
    assert result.streak == 1
    assert result.summary() == "0 of 2 this month; streak: 1 month"


def test_streak_continues_across_a_year_boundary() -> None:
    dates = [D(2026, 10, 1)] * 3 + [D(2027, 2, 1)] * 3 + [D(2027, 4, 2)]
    result = progress("quarter", dates, D(2026, 10, 1), D(2027, 4, 10))
    assert result.streak == 2
    assert result.summary() == "1 of 3 this quarter; streak: 2 quarters"


def test_weekly_streak_over_many_weeks() -> None:
    start = D(2026, 1, 5)  # a Monday
    dates = [start + dt.timedelta(days=7 * n + 2) for n in range(52)]
    result = progress("week", dates, start, D(2027, 1, 3), target=1)
    assert (len(result.periods), result.streak) == (52, 52)
