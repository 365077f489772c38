"""The achievements log: every achieved goal with its numbers, reward and lessons,
as a page and as exports for performance reviews and CVs (Markdown, print-ready HTML)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from cairn.goals import queries
from cairn.goals.access import owned_goals
from cairn.goals.models import Goal, Status
from cairn.web.types import AuthedRequest


def achieved_goals(request: AuthedRequest) -> list[Goal]:
    goals = owned_goals(request.user).filter(status=Status.ACHIEVED)
    goals = queries.with_progress(goals, timezone.localdate()).select_related("reflection")
    return list(goals.order_by("-achieved_at", "-id"))


@login_required
def log(request: AuthedRequest) -> HttpResponse:
    return render(request, "goals/achievements.html", {"goals": achieved_goals(request)})


@login_required
def markdown(request: AuthedRequest) -> HttpResponse:
    context = {"goals": achieved_goals(request), "user": request.user}
    text = render_to_string("goals/achievements.md", context)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="achievements.md"'
    return response


@login_required
def printable(request: AuthedRequest) -> HttpResponse:
    context = {"goals": achieved_goals(request), "today": timezone.localdate()}
    return render(request, "goals/achievements_print.html", context)
