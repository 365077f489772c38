"""Check-ins: logged on the goal page, deleted after confirmation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from cairn.goals import services
from cairn.goals.access import own_check_in, own_goal
from cairn.goals.forms import CheckInForm
from cairn.goals.views.goal import goal_context
from cairn.web.forms import submit
from cairn.web.types import AuthedRequest


def _back_to(request: AuthedRequest) -> str | None:
    """Where the quick form came from (the dashboard), if it is a page of this site."""
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if target and safe else None


@login_required
@require_POST
def add(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    form = CheckInForm(request.POST)
    if submit(form, lambda: services.record_check_in(goal, **form.cleaned_data)):
        messages.success(request, "Check-in logged.")
        return redirect(_back_to(request) or f"/goals/{goal.pk}/")
    context = goal_context(goal, check_in_form=form)
    return render(request, "goals/goal_detail.html", context, status=400)


@login_required
def delete(request: AuthedRequest, goal_id: int, check_in_id: int) -> HttpResponse:
    check_in = own_check_in(request.user, goal_id, check_in_id)
    if request.method == "POST":
        services.delete_check_in(check_in)
        messages.success(request, "Check-in deleted.")
        return redirect("goal", goal_id=goal_id)
    item = f"the check-in of {check_in.date:%Y-%m-%d}"
    context = {"goal": check_in.goal, "thing": "check-in", "item": item}
    return render(request, "goals/confirm_delete.html", context)
