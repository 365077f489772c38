"""Security headers on every page, and HTTPS-only behaviour when CAIRN_SECURE is on."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

PAGES = ["/about/", "/healthz", "/accounts/login/", "/accounts/signup/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_security_headers(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response


@pytest.mark.django_db
def test_https_deployment_sends_hsts_and_redirects(client: Client, settings: Any) -> None:
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    redirect = client.get("/about/")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://testserver/about/"
    secure = client.get("/about/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_signed_in_session_cookie_flags(alice_client: Client, settings: Any) -> None:
    settings.SESSION_COOKIE_SECURE = True
    response = alice_client.post("/accounts/profile/", {"time_zone": "UTC"})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["secure"]
    assert cookie["samesite"] == "Lax"
