from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

import cairn


def site(request: HttpRequest) -> dict[str, object]:
    return {"registration_open": settings.REGISTRATION == "open", "version": cairn.__version__}
