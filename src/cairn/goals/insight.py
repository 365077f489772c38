"""Where a goal stands: pace and forecast, periods, and the chart, from its check-ins.

The pure computations live in pace.py, periods.py and charts.py; this module feeds them
from the database.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from cairn.goals import charts
from cairn.goals.models import Goal
from cairn.goals.pace import MetricTrack, Pace, metric_track, pace
from cairn.goals.periods import frequency_progress


def start_day(goal: Goal) -> dt.date:
    return timezone.localdate(goal.activated_at or goal.created_at)


def goal_insight(goal: Goal, today: dt.date) -> dict[str, Any]:
    """Pace, forecast and chart for a metric goal; periods and bars for a frequency goal."""
    points = list(goal.check_ins.order_by("date", "id").values_list("date", "value"))
    prefix = f"goal-{goal.pk}"
    if goal.metric_target is not None:
        track = goal_track(goal, points)
        chart = charts.progress_chart(goal.statement, track, today, id_prefix=f"{prefix}-progress")
        return {"pace": pace(track, today), "chart": chart}
    if goal.has_frequency:
        progress = frequency_progress(
            kind=goal.frequency_period,
            target=goal.frequency_count or 1,
            check_in_dates=[day for day, _ in points],
            start=start_day(goal),
            today=today,
        )
        chart = charts.period_bars(goal.statement, progress, id_prefix=f"{prefix}-periods")
        return {"periods": progress, "chart": chart}
    return {}


def card_pace(goal: Goal, today: dt.date) -> Pace | None:
    """Pace for a dashboard card from its annotations alone (latest value and date): no
    extra query per goal. The forecast needs every check-in, so cards leave it out."""
    if goal.metric_target is None or goal.deadline is None:
        return None
    latest = getattr(goal, "latest_value", None)
    last_day = getattr(goal, "last_check_in", None)
    points = [(last_day, latest)] if latest is not None and last_day else []
    return pace(goal_track(goal, points), today)


def goal_track(goal: Goal, points: list[tuple[dt.date, Any]]) -> MetricTrack:
    """A metric goal's line from its start to its deadline, with the given check-ins."""
    assert goal.metric_target is not None
    return metric_track(
        start=start_day(goal),
        start_value=goal.metric_baseline,
        target=goal.metric_target,
        deadline=goal.deadline,
        check_ins=points,
        unit=goal.metric_unit,
    )
