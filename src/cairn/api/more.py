"""Micro-goals, the profile, reflections, reviews and goals shared with me."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from cairn.accountability import access as sharing_access
from cairn.accountability.privacy import shown_statement
from cairn.accountability.services import reviews
from cairn.accounts import services as accounts
from cairn.accounts.services import PROFILE_FIELDS, get_profile
from cairn.api.auth import caller, writer
from cairn.api.paging import Paging
from cairn.goals import access, services
from cairn.goals.models import Prompt, ReflectionAnswer, Step
from cairn.goals.services.reflections import save_reflection_answer

router = Router()


# --- micro-goals ---------------------------------------------------------------------------


class StepOut(Schema):
    id: int
    goal_id: int
    title: str
    action_plan: str
    deadline: dt.date | None
    resources: str
    helpers: str
    done_when: str
    if_then: str
    order: int
    completed_at: dt.datetime | None


class StepIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    action_plan: str = Field("", max_length=5000)
    deadline: dt.date | None = None
    resources: str = Field("", max_length=2000)
    helpers: str = Field("", max_length=300)
    done_when: str = Field("", max_length=300)
    if_then: str = Field("", max_length=300)


class StepPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    action_plan: str | None = Field(None, max_length=5000)
    deadline: dt.date | None = None
    resources: str | None = Field(None, max_length=2000)
    helpers: str | None = Field(None, max_length=300)
    done_when: str | None = Field(None, max_length=300)
    if_then: str | None = Field(None, max_length=300)
    done: bool | None = Field(None, description="true ticks it off, false opens it again")
    move: str | None = Field(None, pattern="^(up|down)$", description="one place up or down")


@router.get("/goals/{goal_id}/micro-goals", response=list[StepOut], tags=["micro-goals"])
def list_steps(request: HttpRequest, goal_id: int) -> Any:
    return access.own_goal(caller(request), goal_id).steps.order_by("order", "id")


@router.post("/goals/{goal_id}/micro-goals", response={201: StepOut}, tags=["micro-goals"])
def create_step(request: HttpRequest, goal_id: int, payload: StepIn) -> Status:
    goal = access.own_goal(writer(request), goal_id)
    fields = payload.dict(exclude={"title"})
    return Status(201, services.add_step(goal, title=payload.title, **fields))


@router.patch("/micro-goals/{step_id}", response=StepOut, tags=["micro-goals"])
def update_step(request: HttpRequest, step_id: int, payload: StepPatch) -> Step:
    step = access.own_step_by_id(writer(request), step_id)
    fields = payload.dict(exclude_unset=True, exclude={"done", "move"})
    if fields:
        step = services.update_step(step, **fields)
    if payload.done is not None:
        step = services.complete_step(step) if payload.done else services.reopen_step(step)
    if payload.move:
        services.move_step(step, up=payload.move == "up")
        step.refresh_from_db()
    return step


@router.delete("/micro-goals/{step_id}", response={204: None}, tags=["micro-goals"])
def delete_step(request: HttpRequest, step_id: int) -> Status:
    services.delete_step(access.own_step_by_id(writer(request), step_id))
    return Status(204, None)


# --- the profile and reflections -----------------------------------------------------------


class ProfileOut(Schema):
    role_title: str
    field: str
    years_experience: int | None
    pay_amount: Decimal | None
    pay_currency: str
    pay_period: str
    vision: str
    state: str
    time_zone: str
    occupation: str | None = Field(None, description="O*NET-SOC code")
    target_occupation: str | None = None


class ProfilePatch(Schema):
    role_title: str | None = Field(None, max_length=200)
    field: str | None = Field(None, max_length=200)
    years_experience: int | None = Field(None, ge=0, le=80)
    pay_amount: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    pay_currency: str | None = Field(None, max_length=3)
    pay_period: str | None = None
    vision: str | None = Field(None, max_length=2000)
    state: str | None = Field(None, max_length=2)
    time_zone: str | None = Field(None, max_length=64)


def _profile_out(user: Any) -> dict[str, Any]:
    profile = get_profile(user)
    data = {name: getattr(profile, name) for name in ProfileOut.model_fields
            if name not in ("occupation", "target_occupation")}  # fmt: skip
    return {**data, "occupation": profile.occupation_id,
            "target_occupation": profile.target_occupation_id}  # fmt: skip


@router.get("/profile", response=ProfileOut, tags=["profile"])
def read_profile(request: HttpRequest) -> dict[str, Any]:
    return _profile_out(caller(request))


@router.patch("/profile", response=ProfileOut, tags=["profile"])
def update_profile(request: HttpRequest, payload: ProfilePatch) -> dict[str, Any]:
    user = writer(request)
    values = {k: v for k, v in payload.dict(exclude_unset=True).items() if k in PROFILE_FIELDS}
    accounts.update_profile(user=user, **values)
    return _profile_out(user)


class ReflectionOut(Schema):
    prompt: str
    text: str
    created_at: dt.datetime


class ReflectionIn(Schema):
    prompt: str = Field(description=", ".join(Prompt.values))
    text: str = Field(max_length=10000)


@router.get("/reflections", response=list[ReflectionOut], tags=["profile"])
@paginate(Paging)
def list_reflections(request: HttpRequest) -> Any:
    """Every answer to the six prompts, newest first: the history."""
    return ReflectionAnswer.objects.filter(owner=caller(request)).order_by("-created_at", "-id")


@router.post("/reflections", response={201: ReflectionOut, 204: None}, tags=["profile"])
def answer(request: HttpRequest, payload: ReflectionIn) -> Status:
    if payload.prompt not in Prompt.values:
        raise ValidationError({"prompt": f"One of: {', '.join(Prompt.values)}."})
    saved = save_reflection_answer(owner=writer(request), prompt=payload.prompt, text=payload.text)
    return Status(201, saved) if saved is not None else Status(204, None)


# --- buddies: shared goals and reviews --------------------------------------------------------


class SharedGoalOut(Schema):
    """Read per item of the page asked for: the masking runs the coach, so never on the
    whole list."""

    id: int
    owner: str
    statement: str = Field(description="Money amounts masked unless the owner shows them")
    status: str
    horizon: int | None
    deadline: dt.date | None

    @staticmethod
    def resolve_owner(goal: Any) -> str:
        return str(goal.owner.get_username())

    @staticmethod
    def resolve_statement(goal: Any, context: Any) -> str:
        return shown_statement(goal, _viewer(context).pk)


@router.get("/shared-with-me", response=list[SharedGoalOut], tags=["buddies"])
@paginate(Paging)
def shared_with_me(request: HttpRequest) -> Any:
    goals = sharing_access.goals_shared_with(caller(request)).select_related("owner", "sharing")
    return goals.order_by("deadline", "id")


class ReviewOut(Schema):
    id: int
    scheduled_for: dt.datetime
    held_at: dt.datetime | None
    with_buddy: str | None
    my_notes: str

    @staticmethod
    def resolve_with_buddy(review: Any, context: Any) -> str | None:
        pact, me = review.pact, _viewer(context)
        if pact is None:
            return None
        return str((pact.second if pact.first_id == me.pk else pact.first).get_username())

    @staticmethod
    def resolve_my_notes(review: Any, context: Any) -> str:
        return str(getattr(review, reviews.notes_field(review, _viewer(context))))


class NotesIn(Schema):
    text: str = Field(max_length=5000)


def _viewer(context: Any) -> Any:
    """The person asking (token or session): what they see depends on who they are."""
    return context["request"].user


@router.get("/reviews", response=list[ReviewOut], tags=["buddies"])
@paginate(Paging)
def list_reviews(request: HttpRequest) -> Any:
    found = sharing_access.reviews_of(caller(request))
    return found.select_related("pact__first", "pact__second").order_by("scheduled_for", "id")


@router.put("/reviews/{review_id}/notes", response=ReviewOut, tags=["buddies"])
def write_notes(request: HttpRequest, review_id: int, payload: NotesIn) -> Any:
    user = writer(request)
    review = sharing_access.review_for(user, review_id)
    return reviews.save_notes(review, by=user, text=payload.text)
