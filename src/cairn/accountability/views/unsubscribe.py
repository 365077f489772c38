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

from cairn.accountability import access
from cairn.accountability.services import mail
from cairn.accountability.services.mail import UNSUBSCRIBE_LABELS

TEMPLATE = "accountability/unsubscribe.html"


@csrf_exempt  # no session is involved: the secret token in the URL authorizes the change
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str, kind: str) -> HttpResponse:
    found = access.unsubscribe_settings(token)
    if found is None or kind not in UNSUBSCRIBE_LABELS:
        return render(request, TEMPLATE, {"invalid": True}, status=404)
    done = request.method == "POST"
    if done:
        mail.unsubscribe(found, kind=kind)
    context = {"label": UNSUBSCRIBE_LABELS[kind], "kind": kind, "done": done}
    response = render(request, TEMPLATE, context)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
