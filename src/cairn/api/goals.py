"""Goals, their changes of status, and check-ins. (No `from __future__ import annotations`:
ninja reads the parameter annotations at import.)"""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Body, Query, Router, Schema, Status
from ninja.pagination import paginate

from cairn.api.auth import caller, writer
from cairn.api.paging import Paging
from cairn.api.schemas import CheckInIn, CheckInOut, GoalIn, GoalOut, GoalPatch, TransitionIn
from cairn.goals import access, services
from cairn.goals.models import CheckIn, Goal

router = Router(tags=["goals"])

CHANGES = {
    "activate": lambda goal, by, body: services.activate_goal(goal, by=by),
    "pause": lambda goal, by, body: services.pause_goal(goal, by=by, reason=body.reason),
    "resume": lambda goal, by, body: services.resume_goal(goal, by=by, reason=body.reason),
    "achieve": lambda goal, by, body: services.achieve_goal(
        goal, by=by, reason=body.reason, hard=body.hard, easy=body.easy, helped=body.helped,
        differently=body.differently),
    "abandon": lambda goal, by, body: services.abandon_goal(goal, by=by, reason=body.reason),
    "reopen": lambda goal, by, body: services.reopen_goal(goal, by=by, reason=body.reason),
}  # fmt: skip


class GoalFilter(Schema):
    status: str | None = None
    horizon: int | None = None
    area: str | None = None


@router.get("/goals", response=list[GoalOut], summary="List my goals")
@paginate(Paging)
def list_goals(request: HttpRequest, filters: Query[GoalFilter]) -> QuerySet[Goal]:
    goals: QuerySet[Goal] = access.owned_goals(caller(request)).order_by("created_at", "id")
    for name in ("status", "horizon", "area"):
        value = getattr(filters, name)
        if value is not None:
            goals = goals.filter(**{name: value})
    return goals  # paged in the database, then each page's goals read


@router.get("/goals/{goal_id}", response=GoalOut, summary="One of my goals")
def get_goal(request: HttpRequest, goal_id: int) -> Goal:
    return access.own_goal(caller(request), goal_id)


@router.post("/goals", response={201: GoalOut}, summary="Create a goal (a draft)")
def create_goal(request: HttpRequest, payload: GoalIn) -> Status:
    owner = writer(request)
    fields = payload.dict(exclude={"statement", "confirm_past_deadline", "parent_id"})
    if payload.parent_id is not None:
        fields["parent"] = access.own_goal(owner, payload.parent_id)
    confirm = payload.confirm_past_deadline
    goal = services.create_goal(
        owner=owner, statement=payload.statement, confirm_past_deadline=confirm, **fields
    )
    return Status(201, goal)


@router.patch("/goals/{goal_id}", response=GoalOut, summary="Change a goal's fields")
def update_goal(request: HttpRequest, goal_id: int, payload: GoalPatch) -> Goal:
    owner = writer(request)
    goal = access.own_goal(owner, goal_id)
    fields = payload.dict(exclude_unset=True, exclude={"reason", "confirm_past_deadline"})
    confirm = payload.confirm_past_deadline
    goal = services.update_goal(
        goal, by=owner, reason=payload.reason, confirm_past_deadline=confirm, **fields
    )
    return goal


@router.get("/goals/{goal_id}/check-ins", response=list[CheckInOut], summary="A goal's check-ins")
@paginate(Paging)
def list_check_ins(request: HttpRequest, goal_id: int) -> QuerySet[CheckIn]:
    goal = access.own_goal(caller(request), goal_id)
    return goal.check_ins.order_by("date", "id")


@router.post("/goals/{goal_id}/check-ins", response={201: CheckInOut}, summary="Log progress")
def create_check_in(request: HttpRequest, goal_id: int, payload: CheckInIn) -> Status:
    goal = access.own_goal(writer(request), goal_id)
    made = services.record_check_in(goal, date=payload.date, value=payload.value, note=payload.note)
    return Status(201, made)


def _status_change(name: str) -> Any:
    def change(
        request: HttpRequest, goal_id: int, payload: Body[TransitionIn | None] = None
    ) -> Any:
        owner = writer(request)
        goal = access.own_goal(owner, goal_id)
        return CHANGES[name](goal, owner, payload or TransitionIn.model_validate({}))

    change.__name__ = f"{name}_goal"
    return change


# One operation per change of status, each in the schema (no catch-all path).
for _name in CHANGES:
    router.post(f"/goals/{{goal_id}}/{_name}", response=GoalOut,
                summary=f"{_name.capitalize()} a goal")(_status_change(_name))  # fmt: skip
