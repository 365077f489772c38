"""Read-side queries. The dashboard's query count must not grow with the number of goals:
everything it shows per goal comes from annotations on one query."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    Count,
    DateField,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from cairn.accounts.models import User
from cairn.goals.access import owned_goals
from cairn.goals.insight import card_pace
from cairn.goals.models import CheckIn, Goal, Period, Status, Step
from cairn.goals.periods import period_start


def _count(queryset: QuerySet[Any]) -> Any:
    counted = queryset.order_by().values("goal").annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _period_start_expression(today: dt.date) -> Case:
    whens = [When(frequency_period=p, then=Value(period_start(p, today))) for p in Period.values]
    return Case(*whens, default=Value(None), output_field=DateField())


def with_progress(goals: QuerySet[Goal], today: dt.date) -> QuerySet[Goal]:
    """Annotate what a goal card shows: latest value, steps done, next step, this period."""
    steps = Step.objects.filter(goal=OuterRef("pk"))
    open_steps = steps.filter(completed_at__isnull=True).order_by("deadline", "order", "id")
    check_ins = CheckIn.objects.filter(goal=OuterRef("pk"))
    latest = check_ins.order_by("-date", "-id")
    return goals.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        last_check_in=Subquery(latest.values("date")[:1]),
        steps_total=_count(steps),
        steps_done=_count(steps.filter(completed_at__isnull=False)),
        next_step_title=Subquery(open_steps.values("title")[:1]),
        next_step_deadline=Subquery(open_steps.values("deadline")[:1]),
        period_from=_period_start_expression(today),
    ).annotate(
        period_count=_count(check_ins.filter(date__gte=OuterRef("period_from"))),
    )


def progress_fraction(goal: Goal) -> float | None:
    """0..1 toward the target; from the metric, the frequency, or the micro-goals done."""
    if goal.metric_target is not None:
        return _metric_fraction(goal)
    if goal.has_frequency:
        return min(1.0, goal.period_count / goal.frequency_count)  # type: ignore[attr-defined,operator]
    total = getattr(goal, "steps_total", 0)
    return getattr(goal, "steps_done", 0) / total if total else None


def _metric_fraction(goal: Goal) -> float | None:
    latest: Decimal | None = getattr(goal, "latest_value", None)
    if latest is None or goal.metric_target is None:
        return 0.0 if latest is None else None
    baseline = goal.metric_baseline or Decimal(0)
    span = goal.metric_target - baseline  # negative when lower is better: still works
    if span == 0:
        return None
    return max(0.0, min(1.0, float((latest - baseline) / span)))


# A dashboard is read at a glance: each group shows its first cards and links to the rest.
CARDS_PER_GROUP = 12


def dashboard(owner: User, today: dt.date) -> dict[str, Any]:
    """Two queries whatever the number of goals: a light list, then the shown cards in full."""
    rows = list(
        owned_goals(owner)
        .order_by("deadline", "created_at", "id")
        .values_list("pk", "status", "horizon")
    )
    groups: dict[tuple[str, int | None], list[int]] = {}
    for pk, status, horizon in rows:
        groups.setdefault((status, horizon if status == Status.ACTIVE else None), []).append(pk)
    shown = {pk for ids in groups.values() for pk in ids[:CARDS_PER_GROUP]}
    cards = {g.pk: g for g in with_progress(Goal.objects.filter(pk__in=shown), today)}
    for goal in cards.values():
        goal.progress = progress_fraction(goal)  # type: ignore[attr-defined]
        goal.pace = card_pace(goal, today)  # type: ignore[attr-defined]

    def group(status: str, horizon: int | None) -> dict[str, Any]:
        ids = groups.get((status, horizon), [])
        return {"goals": [cards[pk] for pk in ids[:CARDS_PER_GROUP]], "total": len(ids)}

    return {
        "horizons": [(h, group(Status.ACTIVE, h)) for h in (1, 5, 10)],
        "no_horizon": group(Status.ACTIVE, None),
        "drafts": group(Status.DRAFT, None),
        "achieved_count": len(groups.get((Status.ACHIEVED, None), [])),
        "abandoned_count": len(groups.get((Status.ABANDONED, None), [])),
        "paused_count": len(groups.get((Status.PAUSED, None), [])),
    }
