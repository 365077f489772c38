"""Frequency goals ("3 networking events a quarter"), counted period by period.

Pure functions over dates (no Django). Each check-in counts once. Weeks start on Monday,
quarters in January, April, July and October; calendar arithmetic goes through `date`, so
leap years and year boundaries need no special case.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

KINDS = ("week", "month", "quarter", "year")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The plural a sentence needs: "streak: 3 quarters".
PLURALS = {"week": "weeks", "month": "months", "quarter": "quarters", "year": "years"}


def period_start(kind: str, day: dt.date) -> dt.date:
    """The first day of the period of `kind` that contains `day`."""
    if kind == "week":
        return day - dt.timedelta(days=day.weekday())
    if kind == "month":
        return day.replace(day=1)
    if kind == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if kind == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"unknown period kind: {kind!r}")


def next_period_start(kind: str, start: dt.date) -> dt.date:
    """The first day of the period after the one starting on `start`."""
    if kind == "week":
        return start + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[kind]
    month_index = start.year * 12 + start.month - 1 + months
    return dt.date(month_index // 12, month_index % 12 + 1, 1)


def period_label(kind: str, start: dt.date, this_year: int | None = None) -> str:
    """'week of 16 Nov', 'Nov 2026', 'Q3 2026', '2026'.

    A week names its year only when it is not `this_year`, to stay short in the usual case.
    """
    month = MONTH_ABBR[start.month - 1]
    if kind == "week":
        year = "" if start.year == this_year else f" {start.year}"
        return f"week of {start.day} {month}{year}"
    if kind == "month":
        return f"{month} {start.year}"
    if kind == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return str(start.year)


def short_label(kind: str, start: dt.date) -> str:
    """A chart axis label: '16 Nov', "Nov '26", "Q3 '26", '2026'."""
    year = f"'{start.year % 100:02d}"
    if kind == "week":
        return f"{start.day} {MONTH_ABBR[start.month - 1]}"
    if kind == "month":
        return f"{MONTH_ABBR[start.month - 1]} {year}"
    if kind == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {year}"
    return str(start.year)


@dataclass(frozen=True)
class PeriodTally:
    start: dt.date
    end: dt.date  # the period's last day, inclusive
    label: str
    short_label: str
    count: int
    target: int
    current: bool  # the period containing today: still in progress

    @property
    def met(self) -> bool:
        return self.count >= self.target


@dataclass(frozen=True)
class FrequencyProgress:
    kind: str
    target: int
    periods: tuple[PeriodTally, ...]  # oldest first; the last one is the current period
    streak: int  # consecutive met periods, ending with the last complete one (or current if met)

    @property
    def current(self) -> PeriodTally:
        return self.periods[-1]

    @property
    def fraction(self) -> float:
        """This period's progress, 0..1."""
        return min(1.0, self.current.count / self.target) if self.target > 0 else 1.0

    def summary(self) -> str:
        """'2 of 3 this quarter; streak: 4 quarters'."""
        this = f"{self.current.count} of {self.target} this {self.kind}"
        return f"{this}; {self.streak_phrase()}" if self.streak else this

    def streak_phrase(self) -> str:
        """'streak: 1 quarter', 'streak: 4 quarters'."""
        unit = self.kind if self.streak == 1 else PLURALS[self.kind]
        return f"streak: {self.streak} {unit}"


def frequency_progress(
    *, kind: str, target: int, check_in_dates: Iterable[dt.date], start: dt.date, today: dt.date
) -> FrequencyProgress:
    """Every period from the one containing `start` to the one containing `today`, counted.

    Check-ins before the first period or after today are not counted: they belong to no period
    shown. A `start` after `today` (a clock skew) shows the current period alone.
    """
    counts = Counter(period_start(kind, day) for day in check_in_dates if day <= today)
    current_start = period_start(kind, today)
    periods = []
    for first, following in _period_bounds(kind, min(start, today), today):
        periods.append(
            PeriodTally(
                start=first,
                end=following - dt.timedelta(days=1),
                label=period_label(kind, first, today.year),
                short_label=short_label(kind, first),
                count=counts[first],
                target=target,
                current=first == current_start,
            )
        )
    return FrequencyProgress(kind, target, tuple(periods), streak(periods))


def _period_bounds(kind: str, start: dt.date, today: dt.date) -> Iterable[tuple[dt.date, dt.date]]:
    first = period_start(kind, start)
    while first <= today:
        following = next_period_start(kind, first)
        yield first, following
        first = following


def streak(periods: Sequence[PeriodTally]) -> int:
    """Consecutive met periods up to now. The current period adds to the streak once it is
    met, and does not break it while it is still in progress."""
    run = 0
    for index, tally in enumerate(reversed(periods)):
        if tally.met:
            run += 1
        elif not (index == 0 and tally.current):
            break
    return run
