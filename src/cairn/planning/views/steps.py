"""The pages of the guided session. Each step saves as the person types (htmx autosave)
and on Back/Next (no JavaScript needed); a stale tab is told when another one wrote."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cairn.goals.forms import StepForm as MicroGoalForm
from cairn.goals.models import Prompt, ReflectionAnswer
from cairn.goals.services.reflections import latest_answers
from cairn.goals.views.smart import panel_context
from cairn.planning import services
from cairn.planning.access import own_open_session
from cairn.planning.forms import STEP_FORMS, ReflectForm, StepForm
from cairn.planning.models import STEPS, PlanSession
from cairn.planning.steps import PROMPT_WHY, STEP_INFO, neighbours
from cairn.planning.views.sessions import resume_url, step_url
from cairn.web.forms import attach_errors
from cairn.web.types import AuthedRequest

CONFLICT = (
    "This session was changed in another tab or window. What you typed here is saved "
    "over it; reload the other one before typing there."
)
PROMPTS = list(Prompt)


def _version(request: AuthedRequest) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def _save(request: AuthedRequest, session: PlanSession, step: str, form: StepForm) -> Any:
    """Validate and save; returns services.Saved, or None with errors on the form."""
    if not form.is_valid():
        return None
    try:
        return services.save_step(
            session,
            step=step,
            data=form.to_data(),
            version=_version(request),
            today=timezone.localdate(),
        )
    except ValidationError as error:
        attach_errors(form, error)
        return None


def _form_for(request: AuthedRequest, session: PlanSession, step: str) -> StepForm:
    if request.method != "POST":
        return STEP_FORMS[step](None, session=session)
    data = request.POST.copy()
    if "use_rewrite" in data:  # one click on a suggested rewrite takes it as the statement
        data["statement"] = data.get("use_rewrite", "")
    return STEP_FORMS[step](data, session=session)


def _after_save(request: AuthedRequest, session: PlanSession, step: str) -> HttpResponse:
    before, after = neighbours(step)
    if "back" in request.POST and before:
        return redirect(_step_url(session, before, back=True))
    if "next" in request.POST and after:
        return redirect(_step_url(session, after))
    return redirect(_step_url(session, step))


def _step_url(session: PlanSession, step: str, back: bool = False) -> str:
    """Back into the reflection lands on its last question, forward on its first."""
    return step_url(session, step, len(PROMPTS) if back else 1)


@login_required
def step_page(request: AuthedRequest, session_id: int, step: str) -> HttpResponse:
    if step not in STEP_FORMS:
        raise Http404("No such step.")
    session = own_open_session(request.user, session_id)
    form = _form_for(request, session, step)
    if request.method == "GET":
        services.visit(session, step)
    if request.method == "POST":
        saved = _save(request, session, step, form)
        if saved is not None:
            if saved.conflict:
                messages.warning(request, CONFLICT)
            return _after_save(request, saved.session, step)
    return _render_step(request, session, step, form)


def _render_step(
    request: AuthedRequest,
    session: PlanSession,
    step: str,
    form: StepForm,
    status: int | None = None,
    **extra: Any,
) -> HttpResponse:
    context = {**_frame(session, step), "form": form, **_extras(request, session, step), **extra}
    status = status or (400 if form.errors else 200)
    return render(request, f"planning/step_{step}.html", context, status=status)


def _frame(session: PlanSession, step: str) -> dict[str, Any]:
    before, after = neighbours(step)
    return {
        "tab": uuid.uuid4().hex,  # tells this page's saves from another tab's
        "session": session,
        "step": STEP_INFO[step],
        "steps": [(STEP_INFO[key], _step_url(session, key)) for key in STEPS],
        "number": STEPS.index(step) + 1,
        "total": len(STEPS),
        "before": before,
        "after": after,
    }


def _extras(request: AuthedRequest, session: PlanSession, step: str) -> dict[str, Any]:
    goal = session.goal
    if step == "brainstorm":
        return {"answers": latest_answers(request.user)}
    if step == "draft":
        statement = goal.statement if goal else ""
        return {**panel_context(request, statement), "lessons": services.lessons(request.user)}
    if step in ("smart", "review") and goal is not None:
        return panel_context(request, goal.statement, goal)
    if step == "breakdown":
        return {"micro_goals": list(goal.steps.all()) if goal else [], "step_form": MicroGoalForm()}
    return {}


@login_required
def reflect_page(request: AuthedRequest, session_id: int, question: int) -> HttpResponse:
    if not 1 <= question <= len(PROMPTS):
        raise Http404("No such question.")
    session = own_open_session(request.user, session_id)
    if request.method == "GET":
        services.visit(session, "reflect")
    prompt = PROMPTS[question - 1]
    current = latest_answers(request.user).get(prompt.value)
    form = ReflectForm(
        request.POST or None, session=session, initial={"answer": current.text if current else ""}
    )
    if request.method == "POST" and form.is_valid():
        moving_on = "next" in request.POST and question < len(PROMPTS)
        # Remember the question the person goes to, so a later visit resumes right there.
        data = {
            prompt.value: form.cleaned_data["answer"],
            "question": question + moving_on,
            "tab": request.POST.get("tab", ""),
        }
        saved = services.save_step(session, step="reflect", data=data, version=_version(request))
        if saved.conflict:
            messages.warning(request, CONFLICT)
        return _after_reflect(request, saved.session, question)
    history = ReflectionAnswer.objects.filter(owner=request.user, prompt=prompt.value)[1:6]
    context = {
        **_frame(session, "reflect"),
        "form": form,
        "prompt": prompt,
        "why": PROMPT_WHY[prompt],
        "question": question,
        "questions": len(PROMPTS),
        "history": history,
    }
    return render(
        request, "planning/step_reflect.html", context, status=400 if form.errors else 200
    )


def _after_reflect(request: AuthedRequest, session: PlanSession, question: int) -> HttpResponse:
    if "back" in request.POST:
        target = question - 1
        return redirect(step_url(session, "reflect", target) if target else resume_url(session))
    if "next" in request.POST:
        if question == len(PROMPTS):
            return redirect(step_url(session, "brainstorm"))
        return redirect(step_url(session, "reflect", question + 1))
    return redirect(step_url(session, "reflect", question))


@login_required
@require_POST
def autosave(request: AuthedRequest, session_id: int, step: str) -> HttpResponse:
    """htmx: save what is typed so far; answer with a status line (always 200, so it shows)."""
    session = own_open_session(request.user, session_id)
    if step == "reflect":
        return _autosave_reflect(request, session)
    if step not in STEP_FORMS:
        raise Http404("No such step.")
    form = _form_for(request, session, step)
    saved = _save(request, session, step, form)
    context = {"saved": saved, "errors": form.errors, "conflict": CONFLICT}
    return render(request, "planning/_save_status.html", context)


def _autosave_reflect(request: AuthedRequest, session: PlanSession) -> HttpResponse:
    question = int(request.POST.get("question", "1") or 1)
    prompt = PROMPTS[max(1, min(question, len(PROMPTS))) - 1]
    data = {
        prompt.value: request.POST.get("answer", "")[:10000],
        "question": question,
        "tab": request.POST.get("tab", ""),
    }
    saved = services.save_step(session, step="reflect", data=data, version=_version(request))
    context = {"saved": saved, "errors": {}, "conflict": CONFLICT}
    return render(request, "planning/_save_status.html", context)


@login_required
@require_POST
def add_micro_goal(request: AuthedRequest, session_id: int) -> HttpResponse:
    session = own_open_session(request.user, session_id)
    form = MicroGoalForm(request.POST)
    if session.goal is None:
        messages.error(request, "Write the goal statement first.")
        return redirect(step_url(session, "draft"))
    if form.is_valid():
        try:
            services.add_micro_goal(session, **form.cleaned_data)
            messages.success(request, "Micro-goal added.")
            return redirect(step_url(session, "breakdown"))
        except ValidationError as error:
            attach_errors(form, error)
    empty = STEP_FORMS["breakdown"](None, session=session)
    return _render_step(request, session, "breakdown", empty, step_form=form, status=400)
