"""Who is calling: a personal access token (Authorization: Bearer), or the browser's
session (with its CSRF token on writes). Tokens of the read scope cannot write."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from cairn.accounts import tokens
from cairn.accounts.models import User


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = tokens.authenticate(token)
        if found is None:
            return None
        request.user = found.user
        request.api_token = found  # type: ignore[attr-defined]
        return found


AUTH = [TokenAuth(), SessionAuth()]


def caller(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def writer(request: HttpRequest) -> User:
    """The caller, when they may write: a session, or a token with the write scope."""
    token = getattr(request, "api_token", None)
    if token is not None and not token.can_write:
        raise PermissionDenied("This token may only read: make one with read and write.")
    return caller(request)
