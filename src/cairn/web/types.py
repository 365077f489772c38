from __future__ import annotations

from django.http import HttpRequest

from cairn.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request behind @login_required: its user is a real account."""

    user: User  # type: ignore[assignment]
