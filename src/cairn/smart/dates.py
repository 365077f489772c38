"""Calendar arithmetic for deadlines: month ends, quarters, adding months by the calendar.

Every function returns None instead of raising when the result is not a real date, so
that odd input ("by 99999", "within 9000 years") degrades to "no deadline" rather than
to an exception.
"""

from __future__ import annotations

from datetime import date, timedelta

MIN_YEAR = 1
MAX_YEAR = 9999
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Days in a month (1-12); written out because `calendar` is slow to import."""
    return 29 if month == 2 and is_leap(year) else _MONTH_DAYS[month - 1]


def last_day_of_month(year: int, month: int) -> date | None:
    """The last day of a month, or None if the year or month is out of range."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, days_in_month(year, month))


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not make one (31 June, 29 Feb 2027, month 13)."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and day >= 1):
        return None
    if day > days_in_month(year, month):
        return None
    return date(year, month, day)


def year_end(year: int) -> date | None:
    return safe_date(year, 12, 31)


def quarter_end(year: int, quarter: int) -> date | None:
    """Last day of quarter 1-4 (Q1 Mar 31, Q2 Jun 30, Q3 Sep 30, Q4 Dec 31)."""
    if not 1 <= quarter <= 4:
        return None
    return last_day_of_month(year, quarter * 3)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(day: date, months: int) -> date | None:
    """Add months by the calendar; a day past the new month's end is clamped to it; None
    past the year 9999. Cairn's one month helper: the apps call it too (dateutil's
    relativedelta does the same, but smart stays free of imports that cost start-up time).

    2026-11-21 + 18 months = 2028-05-21; 2025-08-31 + 6 months = 2026-02-28.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    end = last_day_of_month(year, month + 1)
    if end is None:
        return None
    return end.replace(day=min(day.day, end.day))


def add_days(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def next_month_end(today: date, month: int) -> date | None:
    """The end of the next month named `month` that has not ended by `today`."""
    year = today.year if month >= today.month else today.year + 1
    return last_day_of_month(year, month)


def next_quarter_end(today: date, quarter: int) -> date | None:
    """The end of the next quarter numbered `quarter` that has not ended by `today`."""
    year = today.year if quarter >= quarter_of(today) else today.year + 1
    return quarter_end(year, quarter)


def next_day_of_month(today: date, month: int, day: int) -> date | None:
    """A day without a year: this year's if it has not passed, else next year's.

    Returns None if the day never exists in that month (31 June); 29 February moves on
    to the next leap year's if needed, within four years.
    """
    if safe_date(2024, month, day) is None:  # 2024 is a leap year: the widest calendar
        return None
    for year in range(today.year, today.year + 5):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
    return None
