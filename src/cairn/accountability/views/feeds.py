"""Calendar feeds: a person's secret feed URL and a pact's, and the page to copy,
regenerate or revoke one's own. The feeds need no login: the secret token is the key, and a
revoked, replaced or unknown token answers 404 (so does a pact's once it has ended)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST, require_safe
from icalendar import Calendar

from cairn.accountability import access
from cairn.accountability.services import calendar
from cairn.web.types import AuthedRequest


def _ics(cal: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_bytes(cal), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_safe
def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    return _ics(calendar.personal_calendar(access.feed_owner(token)), "cairn.ics")


@require_safe
def pact_feed(request: HttpRequest, token: str) -> HttpResponse:
    return _ics(calendar.pact_calendar(access.feed_pact(token)), "cairn-pact.ics")


def _absolute(request: HttpRequest, path: str) -> dict[str, str]:
    url = request.build_absolute_uri(path)
    return {"https": url, "webcal": "webcal://" + url.split("://", 1)[1]}


@login_required
def settings_page(request: AuthedRequest) -> HttpResponse:
    user = request.user
    token = calendar.feed_token(user)
    pacts = access.active_pacts(user).select_related("first", "second")
    context = {
        "feed": _absolute(request, calendar.feed_path(token.token)) if token else None,
        "pact_feeds": [
            {
                "other": pact.second if pact.first_id == user.pk else pact.first,
                "urls": _absolute(request, calendar.pact_feed_path(pact.feed_token)),
            }
            for pact in pacts
        ],
        "lead_days": calendar.lead_days(user),
    }
    response = render(request, "accountability/calendar.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_POST
def regenerate(request: AuthedRequest) -> HttpResponse:
    had = calendar.feed_token(request.user) is not None
    calendar.regenerate_token(request.user)
    if had:
        messages.success(request, "New feed URL made: the old one no longer works.")
    else:
        messages.success(request, "Your calendar feed URL is ready.")
    return redirect("calendar")


@login_required
@require_POST
def revoke(request: AuthedRequest) -> HttpResponse:
    calendar.revoke_token(request.user)
    messages.success(request, "Feed URL revoked: calendars subscribed to it stop updating.")
    return redirect("calendar")
