"""Micro-goals: add (on the goal page), edit, reorder, complete, delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cairn.goals import services
from cairn.goals.access import own_goal, own_step
from cairn.goals.forms import StepForm
from cairn.goals.models import Step
from cairn.goals.views.goal import goal_context
from cairn.web.forms import render_form, submit
from cairn.web.types import AuthedRequest


@login_required
@require_POST
def add(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    form = StepForm(request.POST)
    if submit(form, lambda: services.add_step(goal, **form.cleaned_data)):
        messages.success(request, "Micro-goal added.")
        return redirect("goal", goal_id=goal.pk)
    return render(request, "goals/goal_detail.html", goal_context(goal, step_form=form), status=400)


def _fields(step: Step) -> dict[str, object]:
    return {name: getattr(step, name) for name in StepForm.base_fields}


@login_required
def edit(request: AuthedRequest, goal_id: int, step_id: int) -> HttpResponse:
    step = own_step(request.user, goal_id, step_id)
    form = StepForm(request.POST or None, initial=_fields(step))
    if request.method == "POST":
        saved = submit(form, lambda: services.update_step(step, **form.cleaned_data))
        if saved is not None:
            messages.success(request, "Micro-goal saved.")
            return redirect("goal", goal_id=goal_id)
    return render_form(
        request, "goals/step_form.html", {"form": form, "step": step, "goal": step.goal}
    )


@login_required
@require_POST
def toggle(request: AuthedRequest, goal_id: int, step_id: int) -> HttpResponse:
    step = own_step(request.user, goal_id, step_id)
    if step.is_done:
        services.reopen_step(step)
    else:
        services.complete_step(step)
    return redirect(f"/goals/{goal_id}/#step-{step.pk}")


@login_required
@require_POST
def move(request: AuthedRequest, goal_id: int, step_id: int) -> HttpResponse:
    step = own_step(request.user, goal_id, step_id)
    services.move_step(step, up=request.POST.get("direction") == "up")
    return redirect(f"/goals/{goal_id}/#step-{step.pk}")


@login_required
def delete(request: AuthedRequest, goal_id: int, step_id: int) -> HttpResponse:
    step = own_step(request.user, goal_id, step_id)
    if request.method == "POST":
        services.delete_step(step)
        messages.success(request, f"Deleted the micro-goal “{step.title}”.")
        return redirect("goal", goal_id=goal_id)
    context = {"goal": step.goal, "thing": "micro-goal", "item": step.title}
    return render(request, "goals/confirm_delete.html", context)
