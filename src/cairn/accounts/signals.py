"""Remember the person's time zone in the session when they log in."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def remember_time_zone(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from cairn.accounts.services import get_profile

    if request is not None and hasattr(request, "session"):
        request.session["time_zone"] = get_profile(user).time_zone
