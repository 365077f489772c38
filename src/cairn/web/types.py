from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:  # typing only: web's helpers sit below the apps and import none of them
    from cairn.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request behind @login_required: its user is a real account."""

    user: User  # type: ignore[assignment]
