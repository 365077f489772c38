"""Finishing a goal: achieve (with the reflection), abandon (with a reason), reopen.

Which status a change may start from is the service's to say (`services.can`); a change
the goal's status refuses (a double click, a stale page) answers with its reason and the
goal page, never an error page."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cairn.goals import services
from cairn.goals.access import own_goal
from cairn.goals.forms import AbandonForm, AchieveForm, ReasonForm
from cairn.goals.models import Goal, Status
from cairn.goals.services import finish as finish_services
from cairn.web.forms import render_form, run_service
from cairn.web.types import AuthedRequest


def refused(request: AuthedRequest, goal: Goal, error: services.TransitionRefused) -> HttpResponse:
    """A refused change of status: its reason as a message, back on the goal page."""
    messages.warning(request, " ".join(error.messages))
    return redirect("goal", goal_id=goal.pk)


def transition(
    request: AuthedRequest, goal: Goal, change: Callable[[], object], done: str
) -> HttpResponse:
    """Run a change of status that needs no form; a refusal becomes a message."""
    try:
        change()
    except services.TransitionRefused as error:
        return refused(request, goal, error)
    messages.success(request, done)
    return redirect("goal", goal_id=goal.pk)


@login_required
def achieve(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    if not services.can(goal, "achieve"):
        return refused(request, goal, services.refusal(goal, "achieve"))
    form = AchieveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        done = run_service(
            form,
            lambda: services.achieve_goal(goal, by=user, **form.cleaned_data),
        )
        if done is not None:
            messages.success(request, "Achieved! Time for your reward.")
            return redirect("goal_celebrate", goal_id=goal.pk)
    return render_form(request, "goals/achieve.html", {"form": form, "goal": goal})


@login_required
def abandon(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    if not services.can(goal, "abandon"):
        return refused(request, goal, services.refusal(goal, "abandon"))
    form = AbandonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        user = request.user
        done = run_service(
            form,
            lambda: services.abandon_goal(goal, by=user, reason=reason),
        )
        if done is not None:
            messages.success(request, "Goal set aside. You can reopen it any time.")
            return redirect("goal", goal_id=goal.pk)
    return render_form(request, "goals/abandon.html", {"form": form, "goal": goal})


@login_required
@require_POST
def reopen(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return transition(
        request,
        goal,
        lambda: services.reopen_goal(goal, by=request.user, reason=reason),
        "Reopened: the goal is active again.",
    )


@login_required
def celebrate(request: AuthedRequest, goal_id: int) -> HttpResponse:
    """Right after achieving: the reward, the invitation to the buddy, what comes next."""
    goal = own_goal(request.user, goal_id)
    if goal.status != Status.ACHIEVED:
        return redirect("goal", goal_id=goal.pk)
    context = {
        "goal": goal,
        "suggested_size": finish_services.suggested_reward_size(goal),
        "reward_ideas": finish_services.REWARD_IDEAS,
        "invitation": finish_services.celebration_invitation(goal, request.user),
        "next_steps": finish_services.next_steps(goal),
    }
    return render(request, "goals/celebrate.html", context)


@login_required
@require_POST
def reward_enjoyed(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    if goal.status == Status.ACHIEVED:
        finish_services.enjoy_reward(goal)
        messages.success(request, "Reward enjoyed. Well deserved.")
    return redirect("goal_celebrate", goal_id=goal.pk)


@login_required
@require_POST
def resume(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    return transition(
        request,
        goal,
        lambda: services.resume_goal(goal, by=request.user),
        "Resumed: the goal is active again.",
    )
