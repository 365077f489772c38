"""Starting, listing, discarding, restoring and committing guided sessions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cairn.planning import services
from cairn.planning.access import own_open_session, own_session
from cairn.planning.models import PlanSession
from cairn.planning.session_state import SessionState
from cairn.web.types import AuthedRequest


def step_url(session: PlanSession, step: str, question: int = 1) -> str:
    """A step's page; the reflection has one page per question."""
    if step == "reflect":
        return reverse("plan_reflect", args=[session.pk, question])
    return reverse("plan_step", args=[session.pk, step])


def resume_url(session: PlanSession) -> str:
    return step_url(session, session.step, SessionState(session).question)


@login_required
def index(request: AuthedRequest) -> HttpResponse:
    sessions = list(services.open_sessions(request.user))
    restorable = services.restorable_sessions(request.user)
    context = {"sessions": sessions, "restorable": restorable}
    return render(request, "planning/index.html", context)


@login_required
@require_POST
def start(request: AuthedRequest) -> HttpResponse:
    session = services.start_session(owner=request.user)
    return redirect(resume_url(session))


@login_required
def resume(request: AuthedRequest, session_id: int) -> HttpResponse:
    return redirect(resume_url(own_open_session(request.user, session_id)))


@login_required
def discard(request: AuthedRequest, session_id: int) -> HttpResponse:
    session = own_open_session(request.user, session_id)
    if request.method == "POST":
        services.discard_session(session)
        messages.success(request, "Session discarded. You can restore it for 30 days.")
        return redirect("plan_index")
    return render(request, "planning/discard.html", {"session": session})


@login_required
@require_POST
def restore(request: AuthedRequest, session_id: int) -> HttpResponse:
    session = own_session(request.user, session_id)
    try:
        services.restore_session(session)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plan_index")
    messages.success(request, "Session restored.")
    return redirect(resume_url(session))


@login_required
@require_POST
def commit(request: AuthedRequest, session_id: int) -> HttpResponse:
    session = own_open_session(request.user, session_id)
    try:
        goal = services.commit_session(session, today=timezone.localdate())
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("plan_step", session_id=session.pk, step="review")
    messages.success(request, "Committed: your goal is active. Now go after it.")
    return redirect("goal", goal_id=goal.pk)
