"""Create, show, edit and delete a goal."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cairn.goals import queries, services
from cairn.goals.access import own_goal
from cairn.goals.forms import CheckInForm, EditGoalForm, GoalForm, StepForm
from cairn.goals.history import changes_of
from cairn.goals.insight import goal_insight
from cairn.goals.models import Goal, Status
from cairn.goals.views.finish import transition
from cairn.goals.views.smart import panel_context, with_rewrite
from cairn.web.forms import render_form, run_service
from cairn.web.types import AuthedRequest


def _wants_save(request: AuthedRequest) -> bool:
    """A POST that saves; 'Check' and 'Use this rewrite' only re-render the form."""
    return request.method == "POST" and not ({"assess", "use_rewrite"} & set(request.POST))


def _bound(request: AuthedRequest) -> QueryDict | None:
    """Form data to validate: only for a POST that saves."""
    return request.POST if _wants_save(request) else None


def _start_values(request: AuthedRequest) -> dict[str, Any]:
    """What the unbound form shows: the typed values on 'Check', with a chosen rewrite."""
    if request.method != "POST":
        return request.GET.dict()
    data = with_rewrite(request.POST) if "use_rewrite" in request.POST else request.POST
    return data.dict()


def _form_page(request: AuthedRequest, form: GoalForm, **context: Any) -> HttpResponse:
    statement = form["statement"].value() or ""
    context = {"form": form, **context, **panel_context(request, statement)}
    context["past_deadline"] = form.has_error("deadline", code="past_deadline")
    return render_form(request, "goals/goal_form.html", context)


@login_required
def create(request: AuthedRequest) -> HttpResponse:
    form = GoalForm(_bound(request), owner=request.user, initial=_start_values(request))
    if _wants_save(request) and form.is_valid():
        status = Status.ACTIVE if "activate" in request.POST else Status.DRAFT
        goal = run_service(
            form,
            lambda: services.create_goal(
                owner=request.user,
                status=status,
                confirm_past_deadline=form.cleaned_data["confirm_past_deadline"],
                **form.goal_fields(),
            ),
        )
        if goal is not None:
            messages.success(request, "Goal saved. Break it down into micro-goals next.")
            return redirect("goal", goal_id=goal.pk)
    return _form_page(request, form, creating=True)


@login_required
def detail(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    return render(request, "goals/goal_detail.html", goal_context(goal))


def goal_context(goal: Goal, **forms: object) -> dict[str, object]:
    today = timezone.localdate()
    annotated = queries.with_progress(Goal.objects.filter(pk=goal.pk), today).get()
    annotated.progress = queries.progress_fraction(annotated)  # type: ignore[attr-defined]
    return {
        **goal_insight(annotated, today),
        "goal": annotated,
        "steps": list(goal.steps.all()),
        "check_ins": list(goal.check_ins.all()[:50]),
        "transitions": services.allowed_transitions(goal),
        "step_form": forms.get("step_form") or StepForm(),
        "check_in_form": forms.get("check_in_form") or check_in_form_for(goal),
        "today": timezone.localdate(),
    }


def check_in_form_for(goal: Goal) -> CheckInForm:
    """A check-in asks for a value only when the goal has a measure to reach."""
    form = CheckInForm()
    if goal.metric_target is None:
        del form.fields["value"]
    return form


def _initial(goal: Goal) -> dict[str, object]:
    fields = GoalForm.base_fields
    return {name: getattr(goal, name) for name in fields if hasattr(goal, name)}


@login_required
def edit(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    initial = _start_values(request) if request.method == "POST" else _initial(goal)
    form = EditGoalForm(_bound(request), owner=request.user, goal=goal, initial=initial)
    if _wants_save(request) and form.is_valid():
        saved = run_service(
            form,
            lambda: services.update_goal(
                goal,
                by=request.user,
                reason=form.cleaned_data["reason"],
                confirm_past_deadline=form.cleaned_data["confirm_past_deadline"],
                **form.goal_fields(),
            ),
        )
        if saved is not None:
            messages.success(request, "Goal updated; the change is in its history.")
            return redirect("goal", goal_id=goal.pk)
    return _form_page(request, form, goal=goal)


@login_required
def history(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    revisions = list(goal.revisions.select_related("author"))
    for revision in revisions:
        revision.readable = changes_of(revision)  # type: ignore[attr-defined]
    return render(request, "goals/history.html", {"goal": goal, "revisions": revisions})


@login_required
def delete(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    if request.method == "POST":
        services.delete_goal(goal, by=request.user)
        messages.success(request, f"Deleted “{goal.statement}”.")
        return redirect("dashboard")
    return render(request, "goals/confirm_delete.html", {"goal": goal, "thing": "goal"})


@login_required
@require_POST
def activate(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    return transition(
        request,
        goal,
        lambda: services.activate_goal(goal, by=request.user),
        "Committed. The goal is active.",
    )
