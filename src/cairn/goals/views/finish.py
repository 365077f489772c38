"""Finishing a goal: achieve (with the reflection), abandon (with a reason), reopen."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cairn.goals import services
from cairn.goals.access import own_goal
from cairn.goals.forms import AbandonForm, AchieveForm, ReasonForm
from cairn.goals.models import Status
from cairn.goals.services import finish as finish_services
from cairn.web.forms import render_form, run_service
from cairn.web.types import AuthedRequest

OPEN = (Status.ACTIVE, Status.DRAFT, Status.PAUSED)


@login_required
def achieve(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request, goal_id)
    if goal.status not in OPEN:
        return redirect("goal", goal_id=goal.pk)
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
    goal = own_goal(request, goal_id)
    if goal.status not in OPEN:
        return redirect("goal", goal_id=goal.pk)
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
    goal = own_goal(request, goal_id)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if goal.status in (Status.ACHIEVED, Status.ABANDONED):
        services.reopen_goal(goal, by=request.user, reason=reason)
        messages.success(request, "Reopened: the goal is active again.")
    return redirect("goal", goal_id=goal.pk)


@login_required
def celebrate(request: AuthedRequest, goal_id: int) -> HttpResponse:
    """Right after achieving: the reward, the invitation to the buddy, what comes next."""
    goal = own_goal(request, goal_id)
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
    goal = own_goal(request, goal_id)
    if goal.status == Status.ACHIEVED:
        finish_services.enjoy_reward(goal)
        messages.success(request, "Reward enjoyed. Well deserved.")
    return redirect("goal_celebrate", goal_id=goal.pk)


@login_required
@require_POST
def resume(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request, goal_id)
    if goal.status == Status.PAUSED:
        services.resume_goal(goal, by=request.user)
        messages.success(request, "Resumed: the goal is active again.")
    return redirect("goal", goal_id=goal.pk)
