from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cairn.goals import queries
from cairn.goals.access import owned_goals
from cairn.goals.models import Goal, Status
from cairn.web.types import AuthedRequest


@login_required
def archive(request: AuthedRequest, status: str) -> HttpResponse:
    """Achieved or abandoned goals, newest first."""
    order = "-achieved_at" if status == Status.ACHIEVED else "-abandoned_at"
    goals = owned_goals(request.user).filter(status=status).order_by(order, "-id")
    label = Status(status).label
    return render(request, "goals/archive.html", {"goals": goals, "label": label})


LIST_PAGE_SIZE = 24


@login_required
def goal_list(request: AuthedRequest) -> HttpResponse:
    """All goals of one status (and horizon), a page at a time: the dashboard's 'see all'."""
    status = request.GET.get("status", Status.ACTIVE)
    if status not in Status.values:
        status = Status.ACTIVE
    goals = owned_goals(request.user).filter(status=status).order_by("deadline", "created_at", "id")
    horizon = request.GET.get("horizon", "")
    if horizon == "none":
        goals = goals.filter(horizon__isnull=True)
    elif horizon in ("1", "5", "10"):
        goals = goals.filter(horizon=int(horizon))
    page = Paginator(goals, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    cards = list(queries.with_progress(Goal.objects.filter(pk__in=[g.pk for g in page]), today))
    for card in cards:
        card.progress = queries.progress_fraction(card)  # type: ignore[attr-defined]
    order = {g.pk: i for i, g in enumerate(page)}
    cards.sort(key=lambda card: order[card.pk])
    context = {"page": page, "cards": cards, "label": Status(status).label, "today": today}
    return render(request, "goals/goal_list.html", context)
