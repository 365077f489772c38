"""Who may see and change what. Another person's goal, step or check-in answers 404:
never its content, never a hint that it exists."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from cairn.goals.models import CheckIn, Goal, Step


def own_goal(request: HttpRequest, goal_id: int) -> Goal:
    return get_object_or_404(Goal, pk=goal_id, owner_id=request.user.pk)


def own_step(request: HttpRequest, goal_id: int, step_id: int) -> Step:
    return get_object_or_404(
        Step.objects.select_related("goal"),
        pk=step_id,
        goal_id=goal_id,
        goal__owner_id=request.user.pk,
    )


def own_check_in(request: HttpRequest, goal_id: int, check_in_id: int) -> CheckIn:
    return get_object_or_404(
        CheckIn.objects.select_related("goal"),
        pk=check_in_id,
        goal_id=goal_id,
        goal__owner_id=request.user.pk,
    )


def own_goals(request: HttpRequest):  # type: ignore[no-untyped-def]
    return Goal.objects.filter(owner_id=request.user.pk)
