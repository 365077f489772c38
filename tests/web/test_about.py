"""/about/: public, and names the running version."""

from __future__ import annotations

import pytest
from django.test import Client

import cairn


@pytest.mark.django_db
def test_about_is_public(client: Client) -> None:
    response = client.get("/about/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>About Cairn</h1>" in page
    assert f"Version {cairn.__version__}." in page


def test_about_for_a_signed_in_person_shows_the_menu(alice_client: Client) -> None:
    page = alice_client.get("/about/").content.decode()
    assert 'action="/accounts/logout/"' in page
    assert 'href="/accounts/profile/"' in page
