from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cairn.goals import queries
from cairn.goals.access import own_goals
from cairn.goals.models import Status
from cairn.planning.services import open_sessions
from cairn.web.types import AuthedRequest


def dashboard(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "web/welcome.html")
    today = timezone.localdate()
    context = queries.dashboard(request.user, today)
    context["today"] = today
    context["sessions"] = list(open_sessions(request.user))
    return render(request, "goals/dashboard.html", context)


@login_required
def archive(request: AuthedRequest, status: str) -> HttpResponse:
    """Achieved or abandoned goals, newest first."""
    order = "-achieved_at" if status == Status.ACHIEVED else "-abandoned_at"
    goals = own_goals(request).filter(status=status).order_by(order, "-id")
    label = Status(status).label
    return render(request, "goals/archive.html", {"goals": goals, "label": label})
