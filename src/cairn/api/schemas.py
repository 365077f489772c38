"""What the API reads and writes (pydantic, so the OpenAPI schema follows from it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from cairn.goals.models import STATEMENT_MAX


class GoalOut(Schema):
    id: int
    statement: str
    area: str
    horizon: int | None
    status: str
    visibility: str
    parent_id: int | None
    deadline: dt.date | None
    metric_unit: str
    metric_baseline: Decimal | None
    metric_target: Decimal | None
    frequency_count: int | None
    frequency_period: str
    reward: str
    reward_size: str
    created_at: dt.datetime
    activated_at: dt.datetime | None
    achieved_at: dt.datetime | None
    abandoned_at: dt.datetime | None
    transitions: list[str] = Field(description="The changes of status this goal may make now.")

    @staticmethod
    def resolve_transitions(goal: Any) -> list[str]:
        from cairn.goals.services import allowed_transitions

        return sorted(allowed_transitions(goal))


class GoalIn(Schema):
    statement: str = Field(min_length=1, max_length=STATEMENT_MAX)
    area: str = "other"
    horizon: int | None = None
    parent_id: int | None = None
    deadline: dt.date | None = None
    metric_unit: str = Field("", max_length=50)
    metric_baseline: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    metric_target: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    frequency_count: int | None = Field(None, ge=1, le=1000)
    frequency_period: str = ""
    visibility: str = "private"
    reward: str = Field("", max_length=300)
    reward_size: str = ""
    confirm_past_deadline: bool = False


class GoalPatch(Schema):
    statement: str | None = Field(None, min_length=1, max_length=STATEMENT_MAX)
    area: str | None = None
    horizon: int | None = None
    deadline: dt.date | None = None
    metric_unit: str | None = Field(None, max_length=50)
    metric_baseline: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    metric_target: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    reward: str | None = Field(None, max_length=300)
    reason: str = Field("", max_length=2000, description="Why (kept in the goal's history).")
    confirm_past_deadline: bool = False


class TransitionIn(Schema):
    reason: str = Field("", max_length=2000)
    hard: str = Field("", max_length=5000, description="achieve: what was especially hard")
    easy: str = Field("", max_length=5000, description="achieve: what was easy")
    helped: str = Field("", max_length=5000, description="achieve: who helped")
    differently: str = Field("", max_length=5000, description="achieve: what you'd change")


class CheckInOut(Schema):
    id: int
    date: dt.date
    value: Decimal | None
    note: str
    created_at: dt.datetime


class CheckInIn(Schema):
    date: dt.date | None = None
    value: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    note: str = Field("", max_length=2000)


class SmartIn(Schema):
    text: str = Field(min_length=1, max_length=20000)
    today: dt.date | None = None
    context: dict[str, Any] | None = None
