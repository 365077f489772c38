from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cairn.goals import queries
from cairn.planning.services import open_sessions


def dashboard(request: HttpRequest) -> HttpResponse:
    """Signed out: what Cairn is. Signed in: goals by horizon and guided sessions to resume."""
    if not request.user.is_authenticated:
        return render(request, "web/welcome.html")
    today = timezone.localdate()
    context = queries.dashboard(request.user, today)
    context["today"] = today
    context["sessions"] = list(open_sessions(request.user))
    return render(request, "goals/dashboard.html", context)


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "web/about.html")


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
