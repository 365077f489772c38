"""The web's answer to domain errors, in one place: access rules and services raise
cairn.errors.NotFound (never Http404), and every page answers it as a plain 404."""

from __future__ import annotations

from collections.abc import Callable

from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpRequest, HttpResponse

from cairn.errors import NotFound


class NotFoundMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, NotFound):
            return None
        # Django's own 404 answer (the 404 template, or the debug page when DEBUG is on),
        # logged like any other 404.
        return response_for_exception(request, Http404(str(exception)))
