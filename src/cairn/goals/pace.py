"""Pace of a metric goal: where it should be today, where it is, and when it will get there.

Pure functions over plain values (no Django), so views can feed them from annotated querysets
and the tests can pin exact numbers. Lower-is-better goals ("cut turnover from 30% to 20%")
work throughout: every comparison goes through the goal's direction, never through `<` alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

Number = Decimal | float | int

CENT = Decimal("0.01")
# Within 2% of the whole span counts as on track, so a goal does not flap between "ahead"
# and "behind" with every small check-in.
ON_TRACK_TOLERANCE = Decimal("0.02")
# The trend is read from recent check-ins only: old ones describe a pace that has changed.
TREND_MAX_POINTS = 8
TREND_MAX_DAYS = 90
# Beyond this a forecast date says nothing useful (and would overflow `date` eventually).
FORECAST_MAX_DAYS = 365 * 50

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

NO_TREND = "no trend yet"
WRONG_WAY = "not moving toward the target"
TOO_SLOW = "too slow to forecast"

PREFIX_UNITS = ("$", "€", "£", "¥")  # written before the amount: "$2,000"

STATUSES = ("on_track", "ahead", "behind", "no_data", "no_deadline", "done", "overdue")


def to_decimal(value: Number) -> Decimal:
    # str() first: Decimal(0.1) would carry the binary float's noise into every result.
    return value if isinstance(value, Decimal) else Decimal(str(value))


def format_amount(value: Number, places: int = 2) -> str:
    """'2,000', '1.25', '0.5': thousands separators, no trailing zeros."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP):,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def with_unit(amount: str, unit: str) -> str:
    """'2,000 USD', '$2,000', '5%': currency symbols go in front, a percent sign sticks."""
    unit = unit.strip()
    if not unit:
        return amount
    if unit in PREFIX_UNITS:
        return f"{unit}{amount}"
    return f"{amount}{unit}" if unit == "%" else f"{amount} {unit}"


def format_date(day: dt.date) -> str:
    """'14 March 2027', independent of the server's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_short_date(day: dt.date) -> str:
    """'21 Nov 2026'."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


@dataclass(frozen=True)
class MetricTrack:
    """A metric goal's line and its check-ins, normalised: one value per day, oldest first."""

    start: dt.date
    start_value: Decimal
    target: Decimal
    deadline: dt.date | None
    points: tuple[tuple[dt.date, Decimal], ...]
    unit: str = ""

    @property
    def direction(self) -> int:
        """+1 when higher is better, -1 when lower is better."""
        return -1 if self.target < self.start_value else 1

    @property
    def span(self) -> Decimal:
        return abs(self.target - self.start_value)

    @property
    def latest(self) -> tuple[dt.date, Decimal] | None:
        return self.points[-1] if self.points else None

    def reached(self, value: Decimal) -> bool:
        return (value - self.target) * self.direction >= 0

    def required_on(self, day: dt.date) -> Decimal:
        """The straight line from (start, start value) to (deadline, target), clamped to it."""
        if self.deadline is None:
            return self.start_value
        total = (self.deadline - self.start).days
        if total <= 0 or day >= self.deadline:
            return self.target
        elapsed = max(0, (day - self.start).days)
        return self.start_value + (self.target - self.start_value) * elapsed / total


def metric_track(
    *,
    start: dt.date,
    start_value: Number | None,
    target: Number,
    deadline: dt.date | None,
    check_ins: Iterable[tuple[dt.date, Number | None]],
    unit: str = "",
) -> MetricTrack:
    """Build a track from plain values.

    `start` is the day the goal was activated (or created); `start_value` the baseline (None
    means 0). Check-ins may come in any order; several on one day keep the last one given, so
    feed them oldest first (`order_by("date", "id")`). Check-ins without a value are skipped.
    """
    by_day: dict[dt.date, Decimal] = {}
    for day, value in check_ins:
        if value is not None:
            by_day[day] = to_decimal(value)
    return MetricTrack(
        start=start,
        start_value=to_decimal(start_value or 0),
        target=to_decimal(target),
        deadline=deadline,
        points=tuple(sorted(by_day.items())),
        unit=unit,
    )


@dataclass(frozen=True)
class Forecast:
    day: dt.date | None
    note: str  # "" when there is a date


def forecast(track: MetricTrack, today: dt.date) -> Forecast:
    """When the recent trend (a least-squares line) reaches the target."""
    recent = _recent_points(track.points)
    if len(recent) < 2:
        return Forecast(None, NO_TREND)
    origin = recent[0][0]
    slope, intercept = _least_squares([((d - origin).days, v) for d, v in recent])
    if slope * track.direction <= 0:
        return Forecast(None, WRONG_WAY)
    days = ((track.target - intercept) / slope).to_integral_value(rounding=ROUND_CEILING)
    offset = max(int(days), (today - origin).days)  # a trend "reached" in the past means now
    if offset - (today - origin).days > FORECAST_MAX_DAYS:
        return Forecast(None, TOO_SLOW)
    return Forecast(origin + dt.timedelta(days=offset), "")


def _recent_points(points: tuple[tuple[dt.date, Decimal], ...]) -> list[tuple[dt.date, Decimal]]:
    if not points:
        return []
    # The last 90 days, reaching further back to 8 points when check-ins are sparse: a
    # monthly check-in still gets a trend, a daily one follows only its recent pace.
    oldest = points[-1][0] - dt.timedelta(days=TREND_MAX_DAYS)
    in_window = [p for p in points if p[0] >= oldest]
    return max(in_window, list(points[-TREND_MAX_POINTS:]), key=len)


def _least_squares(xy: list[tuple[int, Decimal]]) -> tuple[Decimal, Decimal]:
    """Slope and intercept; in Decimal so a flat series gives a slope of exactly zero."""
    n = len(xy)
    mean_x = Decimal(sum(x for x, _ in xy)) / n
    mean_y = sum((y for _, y in xy), Decimal(0)) / n
    sxx = sum(((x - mean_x) ** 2 for x, _ in xy), Decimal(0))
    sxy = sum(((x - mean_x) * (y - mean_y) for x, y in xy), Decimal(0))
    slope = sxy / sxx  # sxx > 0: the points are on distinct days
    return slope, mean_y - slope * mean_x


@dataclass(frozen=True)
class Pace:
    status: str  # one of STATUSES
    required_today: Decimal | None  # None without a deadline
    actual: Decimal | None  # the latest check-in's value
    gap: Decimal | None  # |actual - required_today|, in the goal's unit
    needed_per_week: Decimal | None  # to reach the target by the deadline, from today
    forecast: dt.date | None
    forecast_note: str  # "no trend yet", "not moving toward the target", ... or ""
    unit: str = ""

    def summary(self) -> str:
        """What a person reads: 'behind by 5 clients (1.2 per week needed from now)'."""
        parts = [p for p in (self.status_phrase(), self._forecast_phrase()) if p]
        return "; ".join(parts)

    def status_phrase(self) -> str:
        """The status alone ('on track', 'ahead by 2,000 USD'), e.g. for a dashboard card."""
        gap = with_unit(format_amount(self.gap), self.unit) if self.gap is not None else ""
        if self.status == "ahead":
            return f"ahead by {gap}"
        if self.status == "behind":
            return f"behind by {gap}{self._needed_phrase()}"
        if self.status == "overdue":
            return f"deadline passed, {gap} short" if gap else "deadline passed"
        return _PLAIN_PHRASES.get(self.status, "")

    def _needed_phrase(self) -> str:
        if self.needed_per_week is None:
            return ""
        return f" ({format_amount(self.needed_per_week, 1)} per week needed from now)"

    def _forecast_phrase(self) -> str:
        if self.status in ("done", "no_data"):
            return ""
        if self.forecast is not None:
            return f"forecast: reached around {format_date(self.forecast)}"
        return self.forecast_note


def pace(track: MetricTrack, today: dt.date) -> Pace:
    """How a metric goal stands today against the straight line from its start to its deadline."""
    latest = track.latest
    actual = latest[1] if latest else None
    required = track.required_on(today) if track.deadline else None
    trend = forecast(track, today)
    status = _status(track, actual, required, today)
    gap = None
    if actual is not None and required is not None:
        gap = abs(actual - required).quantize(CENT)
    needed = _needed_per_week(track, actual, today) if status in _NEEDS_PACE else None
    return Pace(
        status=status,
        required_today=required.quantize(CENT) if required is not None else None,
        actual=actual,
        gap=gap,
        needed_per_week=needed,
        forecast=trend.day,
        forecast_note=trend.note,
        unit=track.unit,
    )


_NEEDS_PACE = ("on_track", "behind", "no_data")
_PLAIN_PHRASES = {"on_track": "on track", "done": "target reached", "no_data": "no check-ins yet"}


def _status(
    track: MetricTrack, actual: Decimal | None, required: Decimal | None, today: dt.date
) -> str:
    if actual is not None and track.reached(actual):
        return "done"
    if track.deadline is not None and track.deadline < today:
        return "overdue"
    if actual is None:
        return "no_data"
    if required is None:
        return "no_deadline"
    lead = (actual - required) * track.direction
    if abs(lead) <= track.span * ON_TRACK_TOLERANCE:
        return "on_track"
    return "ahead" if lead > 0 else "behind"


def _needed_per_week(track: MetricTrack, actual: Decimal | None, today: dt.date) -> Decimal | None:
    if track.deadline is None or track.deadline < today:
        return None
    remaining = abs(track.target - (track.start_value if actual is None else actual))
    # In the last week the whole remainder is this week's need; dividing by a fraction of a
    # week would announce a "per week" rate nobody has a week left to keep.
    weeks_left = max(Decimal((track.deadline - today).days) / 7, Decimal(1))
    return (remaining / weeks_left).quantize(CENT)


def step_progress(done: int, total: int) -> float | None:
    """An outcome goal's progress: the share of its micro-goals done; None without any."""
    return done / total if total > 0 else None


def step_deadline_missed(
    deadline: dt.date | None, completed_on: dt.date | None, today: dt.date
) -> bool:
    """A micro-goal missed its deadline: still open after it, or finished late."""
    if deadline is None:
        return False
    return (completed_on or today) > deadline
