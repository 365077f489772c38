"""The live SMART panel on the goal form (htmx), and its no-JavaScript twin."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cairn.goals.assess import verdict_for
from cairn.goals.models import Goal
from cairn.smart.model import LETTER_NAMES
from cairn.web.types import AuthedRequest

# The analyzer reads at most this much of a live draft; the form caps statements lower.
LIVE_MAX = 2000


def panel_context(
    request: AuthedRequest, statement: str, goal: Goal | None = None
) -> dict[str, Any]:
    """The verdict on a statement; with a goal, what its fields already settle counts too
    (a deadline set in the form makes it time-bound even if the sentence names none)."""
    statement = (statement or "").strip()[:LIVE_MAX]
    if not statement:
        return {"assessment": None}
    found = verdict_for(request.user, statement, timezone.localdate(), goal)
    return {
        "assessment": found.assessment,
        "verdict": found,
        "letters": [((key, LETTER_NAMES[key]), value) for key, value in found.letters.items()],
        "verdicts": found.letters,
        "data_quoted": found.data_quoted,
        "suggestions": found.suggestions,
        "pieces": found.pieces,
        "rewrite_button": True,
    }


def with_rewrite(data: QueryDict) -> QueryDict:
    """The posted form with the chosen suggested rewrite as its statement."""
    changed = data.copy()
    changed["statement"] = data.get("use_rewrite", "")
    return changed


@login_required
@require_POST
def assess(request: AuthedRequest) -> HttpResponse:
    """htmx: the panel for the statement being typed. Saves nothing."""
    context = panel_context(request, request.POST.get("statement", ""))
    return render(request, "goals/_smart_panel.html", context)
