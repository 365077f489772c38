"""One-click unsubscribe from a kind of reminder email, by the secret token in the link.

No login: the token is the key. GET shows what the link stops, with one button; POST stops
it. Mail clients' own unsubscribe button POSTs (RFC 8058 `List-Unsubscribe-Post`), so it is
one click there; a GET never changes anything, because link scanners open every link of an
email and would otherwise unsubscribe people who never asked to.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cairn.accountability.models import ReminderSettings
from cairn.accountability.services.mail import ALL, UNSUBSCRIBE_LABELS
from cairn.accountability.services.reminders import SETTINGS_FLAGS

TEMPLATE = "accountability/unsubscribe.html"


@csrf_exempt  # no session is involved: the secret token in the URL authorizes the change
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str, kind: str) -> HttpResponse:
    found = ReminderSettings.objects.filter(unsubscribe_token=token).first()
    if found is None or kind not in UNSUBSCRIBE_LABELS:
        return render(request, TEMPLATE, {"invalid": True}, status=404)
    done = request.method == "POST"
    if done:
        flags = [flag for k, flag in SETTINGS_FLAGS.items() if kind in (k, ALL)]
        ReminderSettings.objects.filter(pk=found.pk).update(**dict.fromkeys(flags, False))
    context = {"label": UNSUBSCRIBE_LABELS[kind], "kind": kind, "done": done}
    response = render(request, TEMPLATE, context)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
