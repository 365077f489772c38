"""Password reset by email, through a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from cairn.accounts.models import FailedLogin, User
from tests.accounts.conftest import Inbox
from tests.conftest import PASSWORD

URL = "/accounts/password/reset/"
NEW = "a brand new passphrase for alice"
SITE = "https://cairn.example.com"


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.SITE_URL = SITE
    settings.DEFAULT_FROM_EMAIL = "Cairn <cairn@example.com>"


def request_reset(client: Client, email: str) -> Any:
    response = client.post(URL, {"email": email})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    return client.get(response["Location"])


def link_in(inbox: Inbox) -> str:
    assert len(inbox.messages) == 1
    body = inbox.messages[0].get_body(preferencelist=("plain",))
    assert body is not None
    found = re.search(r"https?://\S+", body.get_content())
    assert found is not None, "no link in the email"
    return found.group(0)


def set_new_password(client: Client, link: str, password: str = NEW) -> Any:
    form_page = client.get(urlsplit(link).path, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    data = {"new_password1": password, "new_password2": password}
    return client.post(form_page.redirect_chain[-1][0], data)


def test_reset_by_email_end_to_end(client: Client, alice: User, smtp_inbox: Inbox) -> None:
    page = request_reset(client, "alice@example.com")
    assert "Check your email" in page.content.decode()
    message = smtp_inbox.messages[0]
    assert smtp_inbox.recipients == [["alice@example.com"]]
    assert message["Subject"] == "Reset your Cairn password"
    assert "cairn@example.com" in message["From"]
    link = link_in(smtp_inbox)
    assert link.startswith(f"{SITE}/accounts/password/reset/")
    done = set_new_password(client, link)
    assert done.status_code == 302
    assert done["Location"] == reverse("password_reset_complete")
    assert client.post(reverse("login"), {"username": "alice", "password": NEW}).status_code == 302
    alice.refresh_from_db()
    assert not alice.check_password(PASSWORD)


def test_link_works_only_once(client: Client, alice: User, smtp_inbox: Inbox) -> None:
    request_reset(client, "alice@example.com")
    link = link_in(smtp_inbox)
    assert set_new_password(client, link).status_code == 302
    again = Client().get(urlsplit(link).path, follow=True)
    assert again.context["validlink"] is False
    assert "invalid or has been used already" in again.content.decode()


def test_link_ignores_the_request_host(client: Client, alice: User, smtp_inbox: Inbox) -> None:
    client.post(URL, {"email": "alice@example.com"}, headers={"host": "localhost"})
    assert link_in(smtp_inbox).startswith(SITE)


def test_unknown_email_gets_the_same_page_and_no_mail(
    client: Client, alice: User, smtp_inbox: Inbox
) -> None:
    known = request_reset(client, "alice@example.com").content.decode()
    unknown = request_reset(Client(), "nobody@example.com").content.decode()
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
    assert strip.sub("", known) == strip.sub("", unknown)
    assert smtp_inbox.recipients == [["alice@example.com"]]


def test_tampered_link_is_refused(client: Client, alice: User, smtp_inbox: Inbox) -> None:
    request_reset(client, "alice@example.com")
    path = urlsplit(link_in(smtp_inbox)).path
    page = client.get(path.replace("/reset/", "/reset/x").rstrip("/") + "x/", follow=True)
    assert page.context["validlink"] is False
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_new_password_lifts_the_login_throttle(
    client: Client, alice: User, smtp_inbox: Inbox
) -> None:
    for _ in range(5):
        FailedLogin.objects.create(username="alice")
    request_reset(client, "alice@example.com")
    set_new_password(client, link_in(smtp_inbox))
    assert client.post(reverse("login"), {"username": "alice", "password": NEW}).status_code == 302
