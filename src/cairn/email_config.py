"""EMAIL_URL -> Django's mail settings.

Written here rather than taken from django-environ because Django 6.1 replaced the
EMAIL_* settings with MAILERS, which django-environ does not produce yet.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

CONSOLE = "django.core.mail.backends.console.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def parse_email_url(url: str) -> dict[str, Any]:
    """'smtp://user:pass@host:587?tls=1' -> backend path and its options.

    Schemes: smtp (STARTTLS with ?tls=1), smtps (implicit TLS), console (print mail).
    """
    parts = urlsplit(url.strip())
    if parts.scheme in ("", "console", "consolemail"):
        return {"BACKEND": CONSOLE, "OPTIONS": {}}
    if parts.scheme not in ("smtp", "smtps", "submission"):
        raise ValueError(f"EMAIL_URL: unsupported scheme {parts.scheme!r} (use smtp or smtps)")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    implicit_tls = parts.scheme == "smtps"
    options: dict[str, Any] = {
        "host": parts.hostname or "localhost",
        "port": parts.port or (465 if implicit_tls else 25 if parts.scheme == "smtp" else 587),
        "use_ssl": implicit_tls,
        "use_tls": not implicit_tls and query.get("tls", "") in ("1", "true", "yes"),
        "timeout": int(query.get("timeout", "20")),
    }
    if parts.username:
        options["username"] = unquote(parts.username)
        options["password"] = unquote(parts.password or "")
    return {"BACKEND": SMTP, "OPTIONS": options}
