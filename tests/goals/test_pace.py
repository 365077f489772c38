"""Pace and forecast of metric goals: pure functions, exact numbers, no database."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Sequence
from decimal import Decimal

import pytest

from cairn.goals.pace import (
    MetricTrack,
    Number,
    format_amount,
    format_date,
    metric_track,
    pace,
    step_deadline_missed,
    step_progress,
    with_unit,
)

D = dt.date
START = D(2026, 1, 1)
DEADLINE = D(2026, 4, 11)  # 100 days after START
MIDWAY = D(2026, 2, 20)  # 50 days after START, 50 before DEADLINE


def track(
    check_ins: Sequence[tuple[dt.date, Number | None]],
    *,
    start_value: float | None = 0,
    target: float = 100,
    deadline: dt.date | None = DEADLINE,
    start: dt.date = START,
    unit: str = "clients",
) -> MetricTrack:
    return metric_track(
        start=start,
        start_value=start_value,
        target=target,
        deadline=deadline,
        check_ins=check_ins,
        unit=unit,
    )


def test_the_modules_need_no_django() -> None:
    code = (
        "import sys, cairn.goals.pace, cairn.goals.periods, cairn.goals.charts;"
        "sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- the required line ---------------------------------------------------------------------


def test_required_today_is_the_straight_line_from_start_to_deadline() -> None:
    assert pace(track([]), MIDWAY).required_today == Decimal("50.00")


def test_required_line_is_clamped_to_the_window() -> None:
    line = track([])
    assert line.required_on(D(2025, 12, 1)) == 0  # before the start: the baseline
    assert line.required_on(D(2026, 6, 1)) == 100  # after the deadline: the target


def test_leap_day_counts_as_a_day() -> None:
    leap = track([], start=D(2028, 2, 28), deadline=D(2028, 3, 1), target=2)
    assert leap.required_on(D(2028, 2, 29)) == 1
    assert leap.required_on(D(2028, 3, 1)) == 2


def test_a_deadline_before_the_start_requires_the_target_at_once() -> None:
    assert track([], deadline=D(2025, 12, 1)).required_on(START) == 100


# --- status, gap, needed per week ----------------------------------------------------------


def test_behind_says_by_how_much_and_what_is_needed_per_week() -> None:
    result = pace(track([(MIDWAY, 40)]), MIDWAY)
    assert (result.status, result.actual, result.gap) == ("behind", 40, Decimal("10.00"))
    assert result.needed_per_week == Decimal("8.40")  # 60 left in 50 days = 8.4 a week
    assert result.summary() == "behind by 10 clients (8.4 per week needed from now); no trend yet"


def test_ahead_says_by_how_much() -> None:
    result = pace(track([(MIDWAY, 55)]), MIDWAY)
    assert (result.status, result.gap, result.needed_per_week) == ("ahead", 5, None)
    assert result.summary() == "ahead by 5 clients; no trend yet"


def test_ahead_by_thousands_reads_with_separators() -> None:
    result = pace(track([(MIDWAY, 27000)], target=50000, unit="USD"), MIDWAY)
    assert result.summary() == "ahead by 2,000 USD; no trend yet"


def test_within_two_percent_of_the_span_is_on_track() -> None:
    for value in (48, 51, 52):
        assert pace(track([(MIDWAY, value)]), MIDWAY).status == "on_track"
    assert pace(track([(MIDWAY, 52.01)]), MIDWAY).status == "ahead"
    assert pace(track([(MIDWAY, 47.99)]), MIDWAY).status == "behind"


def test_on_track_also_gives_the_pace_needed() -> None:
    result = pace(track([(MIDWAY, 51)]), MIDWAY)
    assert result.needed_per_week == Decimal("6.86")  # 49 * 7 / 50
    assert result.summary() == "on track; no trend yet"


def test_no_check_ins() -> None:
    result = pace(track([]), MIDWAY)
    assert (result.status, result.actual, result.gap) == ("no_data", None, None)
    assert result.needed_per_week == Decimal("14.00")  # all 100 in 50 days
    assert (result.forecast, result.forecast_note) == (None, "no trend yet")
    assert result.summary() == "no check-ins yet"


def test_check_ins_without_a_value_are_skipped() -> None:
    assert pace(track([(MIDWAY, None)]), MIDWAY).status == "no_data"


def test_deadline_today_needs_the_whole_remainder_this_week() -> None:
    result = pace(track([(DEADLINE, 90)]), DEADLINE)
    assert (result.status, result.required_today, result.gap) == ("behind", 100, 10)
    assert result.needed_per_week == 10


def test_target_reached_on_the_deadline_is_done() -> None:
    result = pace(track([(DEADLINE, 100)]), DEADLINE)
    assert result.status == "done"
    assert result.summary() == "target reached"


def test_overdue_after_the_deadline() -> None:
    result = pace(track([(D(2026, 4, 1), 80)]), D(2026, 4, 20))
    assert (result.status, result.gap, result.needed_per_week) == ("overdue", 20, None)
    assert result.summary() == "deadline passed, 20 clients short; no trend yet"


def test_overdue_without_check_ins() -> None:
    result = pace(track([]), D(2026, 4, 20))
    assert result.status == "overdue"
    assert result.summary().startswith("deadline passed;")


def test_check_ins_after_the_deadline_count() -> None:
    late = [(D(2026, 4, 1), 80), (D(2026, 4, 15), 95)]
    assert pace(track(late), D(2026, 4, 20)).gap == 5
    assert pace(track([*late, (D(2026, 4, 18), 101)]), D(2026, 4, 20)).status == "done"


def test_check_ins_before_the_start_count() -> None:
    result = pace(track([(D(2025, 12, 20), 30)]), MIDWAY)
    assert (result.actual, result.status) == (30, "behind")


def test_without_deadline_only_the_forecast_is_said() -> None:
    result = pace(track([(MIDWAY, 40)], deadline=None), MIDWAY)
    assert (result.status, result.required_today, result.gap) == ("no_deadline", None, None)
    assert result.needed_per_week is None
    assert result.summary() == "no trend yet"


# --- lower is better -----------------------------------------------------------------------


def lower(check_ins: Sequence[tuple[dt.date, Number | None]]) -> MetricTrack:
    """Cut turnover from 30% to 20%."""
    return track(check_ins, start_value=30, target=20, unit="%")


def test_lower_is_better_required_line_goes_down() -> None:
    assert pace(lower([]), MIDWAY).required_today == 25


def test_lower_is_better_ahead_means_lower() -> None:
    result = pace(lower([(MIDWAY, 24)]), MIDWAY)
    assert (result.status, result.gap) == ("ahead", 1)
    assert result.summary() == "ahead by 1%; no trend yet"


def test_lower_is_better_behind_means_higher() -> None:
    result = pace(lower([(MIDWAY, 26)]), MIDWAY)
    assert (result.status, result.gap, result.needed_per_week) == ("behind", 1, Decimal("0.84"))
    assert result.summary() == "behind by 1% (0.8 per week needed from now); no trend yet"


def test_lower_is_better_tolerance_and_done() -> None:
    assert pace(lower([(MIDWAY, 25.1)]), MIDWAY).status == "on_track"
    assert pace(lower([(MIDWAY, 20)]), MIDWAY).status == "done"
    assert pace(lower([(MIDWAY, 19)]), MIDWAY).status == "done"


def test_lower_is_better_forecast_follows_a_falling_trend() -> None:
    falling = lower([(D(2026, 1, 1), 30), (D(2026, 1, 11), 29)])  # -0.1 a day
    assert pace(falling, D(2026, 1, 11)).forecast == D(2026, 4, 11)  # 10 points in 100 days
    rising = lower([(D(2026, 1, 1), 30), (D(2026, 1, 11), 31)])
    assert pace(rising, D(2026, 1, 11)).forecast_note == "not moving toward the target"


# --- several check-ins a day ---------------------------------------------------------------


def test_several_check_ins_a_day_the_last_wins() -> None:
    assert pace(track([(MIDWAY, 10), (MIDWAY, 12)]), MIDWAY).actual == 12
    assert pace(track([(MIDWAY, 12), (MIDWAY, 10)]), MIDWAY).actual == 10


def test_check_ins_in_any_order_are_sorted_by_date() -> None:
    line = track([(D(2026, 2, 1), 30), (D(2026, 1, 10), 10), (D(2026, 1, 20), 20)])
    assert [value for _, value in line.points] == [10, 20, 30]
    assert pace(line, MIDWAY).actual == 30


def test_two_check_ins_on_one_day_are_no_trend() -> None:
    result = pace(track([(MIDWAY, 10), (MIDWAY, 20)]), MIDWAY)
    assert (result.forecast, result.forecast_note) == (None, "no trend yet")


# --- forecast ------------------------------------------------------------------------------


def test_forecast_from_a_steady_trend() -> None:
    weekly = [(D(2026, 1, 1), 10), (D(2026, 1, 8), 17), (D(2026, 1, 15), 24)]  # 1 a day
    result = pace(track(weekly), D(2026, 1, 15))
    assert result.forecast == D(2026, 4, 1)  # 90 more from 10 at 1 a day
    assert result.summary() == "ahead by 10 clients; forecast: reached around 1 April 2026"


def test_forecast_rounds_up_to_the_first_whole_day() -> None:
    two = [(D(2026, 1, 1), 0), (D(2026, 1, 3), 1)]  # 0.5 a day: 2.5 is reached on day 5
    assert pace(track(two, target=2.5, deadline=None), D(2026, 1, 3)).forecast == D(2026, 1, 6)
    assert pace(track(two, target=2.6, deadline=None), D(2026, 1, 3)).forecast == D(2026, 1, 7)


def test_forecast_is_a_least_squares_fit() -> None:
    noisy = [(D(2026, 1, 1), 0), (D(2026, 1, 2), 2), (D(2026, 1, 3), 2)]  # slope 1, line from 1/3
    assert pace(track(noisy, target=10), D(2026, 1, 3)).forecast == D(2026, 1, 11)


def test_flat_trend_has_no_forecast() -> None:
    flat = [(D(2026, 1, 1), 5), (D(2026, 1, 11), 5), (D(2026, 1, 21), 5)]
    result = pace(track(flat, deadline=None), D(2026, 1, 21))
    assert (result.forecast, result.forecast_note) == (None, "not moving toward the target")
    assert result.summary() == "not moving toward the target"


def test_a_trend_too_slow_to_matter_is_not_dated() -> None:
    crawl = [(D(2026, 1, 1), 0), (D(2026, 1, 11), 0.01)]  # 100 in 100,000 days
    assert pace(track(crawl), D(2026, 1, 11)).forecast_note == "too slow to forecast"


def test_forecast_reads_only_the_last_90_days_when_check_ins_are_daily() -> None:
    # Flat for a month, then +1 a day: the trend is the recent one.
    daily = [(D(2026, 1, 1) + dt.timedelta(days=n), max(0, n - 29)) for n in range(120)]
    result = pace(track(daily, target=200, deadline=None), D(2026, 4, 30))
    assert result.forecast == D(2026, 1, 1) + dt.timedelta(days=229)


def test_forecast_reaches_back_to_eight_points_when_check_ins_are_sparse() -> None:
    # Monthly: only 4 in the last 90 days, so the last 8 count; the two oldest are ignored.
    monthly = [(D(2025, 1, 1) + dt.timedelta(days=30 * n), n * 30) for n in range(10)]
    monthly[0], monthly[1] = (monthly[0][0], 1000), (monthly[1][0], -1000)
    result = pace(track(monthly, target=400, deadline=None), monthly[-1][0])
    assert result.forecast == D(2025, 1, 1) + dt.timedelta(days=400)


def test_a_trend_that_should_have_arrived_already_is_forecast_for_today() -> None:
    # The fit crosses 100 before today, but the latest check-in is still below it.
    points = [(D(2026, 1, 1), 0), (D(2026, 1, 2), 150), (D(2026, 1, 10), 90)]
    assert pace(track(points, deadline=None), D(2026, 1, 20)).forecast == D(2026, 1, 20)


# --- formatting and small helpers ----------------------------------------------------------


def test_floats_become_exact_decimals() -> None:
    assert track([(MIDWAY, 0.1)]).points[0][1] == Decimal("0.1")


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [(2000, 2, "2,000"), (Decimal("1.25"), 2, "1.25"), (0.5, 1, "0.5"), (1.24, 1, "1.2")],
)
def test_format_amount(value: float, places: int, text: str) -> None:
    assert format_amount(value, places) == text


def test_format_amount_never_says_minus_zero() -> None:
    assert format_amount(Decimal("-0.001")) == "0"


def test_units_in_front_behind_or_attached() -> None:
    assert with_unit("2,000", "USD") == "2,000 USD"
    assert with_unit("2,000", "$") == "$2,000"
    assert with_unit("5", "%") == "5%"
    assert with_unit("5", "") == "5"


def test_dates_read_in_english_whatever_the_locale() -> None:
    assert format_date(D(2027, 3, 14)) == "14 March 2027"
    assert format_date(D(2028, 2, 29)) == "29 February 2028"


def test_step_progress() -> None:
    assert step_progress(3, 4) == 0.75
    assert step_progress(0, 2) == 0
    assert step_progress(0, 0) is None


def test_step_deadline_missed() -> None:
    today = D(2026, 3, 10)
    assert step_deadline_missed(D(2026, 3, 9), None, today)
    assert not step_deadline_missed(D(2026, 3, 10), None, today)  # due today: not yet missed
    assert step_deadline_missed(D(2026, 3, 1), D(2026, 3, 5), today)  # done late
    assert not step_deadline_missed(D(2026, 3, 9), D(2026, 3, 9), today)
    assert not step_deadline_missed(None, None, today)
