from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cairn.goals import roadmap
from cairn.goals.access import owned_goals
from cairn.goals.models import Status
from cairn.web.types import AuthedRequest


@login_required
def roadmap_page(request: AuthedRequest) -> HttpResponse:
    """One query: every goal that is not abandoned, arranged as the ladder."""
    today = timezone.localdate()
    goals = owned_goals(request.user).exclude(status=Status.ABANDONED)
    rungs = roadmap.flatten(roadmap.build(roadmap.nodes(goals), today))
    context = {
        "rungs": rungs,
        "rows": roadmap.rows_html(rungs),
        "years": roadmap.year_marks(today),
        "today": today,
    }
    return render(request, "goals/roadmap.html", context)
