"""Occupation search and picking for the profile; htmx partials with plain-form fallbacks.

Here, not in careerdata: the picker reads and writes the profile, and accounts builds on
careerdata (a profile points at an occupation), never the reverse."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from cairn.accounts.services import get_profile, set_occupation
from cairn.careerdata import search
from cairn.careerdata.models import Occupation
from cairn.web.types import AuthedRequest

WHICH = {"occupation": "Your occupation", "target_occupation": "Your target occupation"}
RESULTS = 8


def _which(value: str | None) -> str:
    return value if value in WHICH else "occupation"


def picker_context(request: HttpRequest, which: str, query: str = "") -> dict[str, Any]:
    which = _which(which)
    profile = get_profile(request.user)  # type: ignore[arg-type]
    return {
        "which": which,
        "label": WHICH[which],
        "chosen": getattr(profile, which),
        "role_title": profile.role_title,
        "q": query,
        "request": request,
    }


def _results_context(query: str, which: str) -> dict[str, Any]:
    query = query.strip()[:200]
    too_short = len(search.normalise(query).replace(" ", "")) < search.MIN_QUERY
    hits = [] if too_short else search.search(query, RESULTS)
    return {"q": query, "which": which, "hits": hits, "too_short": too_short}


@login_required
@require_GET
def occupation_search(request: AuthedRequest) -> HttpResponse:
    """GET /occupations/search/?q=brand+manager&for=occupation: htmx partial or full page."""
    which = _which(request.GET.get("for"))
    context = _results_context(request.GET.get("q", ""), which)
    if getattr(request, "htmx", False):
        return render(request, "careerdata/_results.html", context)
    context["label"] = WHICH[which]
    return render(request, "careerdata/search.html", context)


@login_required
@require_POST
def occupation_pick(request: AuthedRequest) -> HttpResponse:
    """POST code (empty clears) and for: sets the profile's occupation or target occupation."""
    which = _which(request.POST.get("for"))
    code = (request.POST.get("code") or "").strip()
    occupation = Occupation.objects.filter(code=code).first() if code else None
    if code and occupation is None:
        messages.error(request, "That occupation is not in Cairn's data: nothing changed.")
    else:
        set_occupation(user=request.user, which=which, occupation=occupation)
        if not getattr(request, "htmx", False):
            label = WHICH[which].lower()
            text = f"Saved {occupation.title} as {label}." if occupation else f"Cleared {label}."
            messages.success(request, text)
    if getattr(request, "htmx", False):
        context = picker_context(request, which)
        context["just_saved"] = True
        context["error"] = bool(code and occupation is None)
        return render(request, "careerdata/_picker.html", context)
    return redirect("profile")
