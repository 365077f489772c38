"""/accounts/signup/: an account and its profile, or clear errors and nothing saved."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from cairn.accounts.models import Profile, User
from tests.accounts.conftest import shown_errors
from tests.conftest import PASSWORD

URL = "/accounts/signup/"


def signup_data(**changes: str) -> dict[str, str]:
    data = {
        "username": "dana",
        "email": "dana@example.com",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_signup_page_shows_the_form(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="password2"' in response.content.decode()


@pytest.mark.django_db
def test_signup_creates_user_and_profile_and_logs_in(client: Client) -> None:
    response = client.post(URL, signup_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("profile")
    user = User.objects.get(username="dana")
    assert user.email == "dana@example.com"
    assert user.check_password(PASSWORD)
    assert Profile.objects.filter(user=user).exists()
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("profile")).status_code == 200


@pytest.mark.django_db
def test_signed_in_person_is_sent_to_the_dashboard(alice_client: Client) -> None:
    response = alice_client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


BAD_INPUT = [
    pytest.param({"username": "alice"}, "username", "already exists", id="duplicate-username"),
    pytest.param({"username": "ALICE"}, "username", "already exists", id="username-case"),
    pytest.param({"email": "alice@example.com"}, "email", "already exists", id="duplicate-email"),
    pytest.param({"email": "Alice@Example.com"}, "email", "already exists", id="email-case"),
    pytest.param({"password2": "another passphrase"}, "password2", "differ", id="mismatch"),
    pytest.param(
        {"password1": "password", "password2": "password"}, "password1", "too common", id="weak"
    ),
    pytest.param(
        {"password1": "12345678901", "password2": "12345678901"},
        "password1",
        "entirely numeric",
        id="numeric",
    ),
    pytest.param({"email": "not-an-email"}, "email", "valid email", id="bad-email"),
    pytest.param({"username": "bad name!"}, "username", "valid username", id="bad-username"),
    pytest.param({"username": ""}, "username", "required", id="missing-username"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT)
def test_bad_input_shows_error_by_the_field_and_saves_nothing(
    client: Client, alice: User, changes: dict[str, str], field: str, message: str
) -> None:
    before = (User.objects.count(), Profile.objects.count())
    response = client.post(URL, signup_data(**changes))
    assert response.status_code == 400
    assert message in shown_errors(response, field)
    assert (User.objects.count(), Profile.objects.count()) == before
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_closed_registration_hides_signup(client: Client, settings: Any) -> None:
    settings.REGISTRATION = "closed"
    assert client.get(URL).status_code == 404
    assert client.post(URL, signup_data()).status_code == 404
    assert not User.objects.exists()
    for page in (reverse("login"), reverse("about")):
        assert URL not in client.get(page).content.decode()


@pytest.mark.django_db
def test_open_registration_links_to_signup(client: Client) -> None:
    for page in (reverse("login"), reverse("about")):
        assert URL in client.get(page).content.decode()
