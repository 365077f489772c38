"""/accounts/profile/: the person's own profile, saved whole or not at all."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from cairn.accounts import services
from cairn.accounts.models import Profile, User
from tests.accounts.conftest import shown_errors

URL = "/accounts/profile/"


def profile_data(**changes: str) -> dict[str, str]:
    data = {
        "role_title": "Data analyst",
        "field": "Health care",
        "years_experience": "4",
        "pay_amount": "72000.50",
        "pay_currency": "eur",
        "pay_period": "year",
        "vision": "Lead a small analytics team.",
        "time_zone": "Europe/Paris",
    }
    data.update(changes)
    return data


def test_anonymous_is_sent_to_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={URL}"


def test_profile_page_shows_the_form(alice_client: Client) -> None:
    response = alice_client.get(URL)
    assert response.status_code == 200
    assert 'name="pay_amount"' in response.content.decode()


def test_save_profile(alice_client: Client, alice: User) -> None:
    response = alice_client.post(URL, profile_data())
    assert response.status_code == 302
    assert response["Location"] == URL
    profile = Profile.objects.get(user=alice)
    assert profile.role_title == "Data analyst"
    assert profile.years_experience == 4
    assert profile.pay_amount == Decimal("72000.50")
    assert profile.pay_currency == "EUR"
    assert profile.time_zone == "Europe/Paris"
    assert "Profile saved." in alice_client.get(URL).content.decode()


def test_view_saves_through_the_service(
    alice_client: Client, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    real = services.update_profile

    def spy(**values: Any) -> Profile:
        calls.append(values)
        return real(**values)

    monkeypatch.setattr(services, "update_profile", spy)
    alice_client.post(URL, profile_data())
    assert len(calls) == 1
    assert calls[0]["user"] == alice
    assert calls[0]["time_zone"] == "Europe/Paris"


BAD_INPUT = [
    pytest.param("pay_amount", "a lot", "Enter a number", id="pay-not-a-number"),
    pytest.param("pay_currency", "DOLLARS", "at most 3 characters", id="currency-too-long"),
    pytest.param("pay_currency", "U$D", "three-letter currency code", id="currency-symbol"),
    pytest.param("time_zone", "Mars/Olympus_Mons", "Select a valid choice", id="time-zone"),
    pytest.param("years_experience", "-2", "greater than or equal to 0", id="negative-years"),
    pytest.param("pay_period", "fortnight", "Select a valid choice", id="pay-period"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_INPUT)
def test_bad_input_shows_error_and_changes_nothing(
    alice_client: Client, alice: User, field: str, value: str, message: str
) -> None:
    before = list(Profile.objects.filter(user=alice).values())
    response = alice_client.post(URL, profile_data(**{field: value}))
    assert response.status_code == 400
    assert message in shown_errors(response, field)
    assert list(Profile.objects.filter(user=alice).values()) == before
    assert alice_client.session["time_zone"] == "UTC"


def test_time_zone_goes_into_the_session(alice_client: Client) -> None:
    alice_client.post(URL, profile_data(time_zone="Asia/Tokyo"))
    assert alice_client.session["time_zone"] == "Asia/Tokyo"


def rendered_saved_time(client: Client) -> str:
    page = client.get(URL).content.decode()
    return page.split('<time datetime="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/New_York"])
def test_times_render_in_the_chosen_time_zone(alice_client: Client, alice: User, zone: str) -> None:
    alice_client.post(URL, profile_data(time_zone=zone))
    saved = Profile.objects.get(user=alice).updated_at
    shown = dt.datetime.fromisoformat(rendered_saved_time(alice_client))
    assert shown == saved
    assert shown.utcoffset() == saved.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset()
    assert f"({zone})" in alice_client.get(URL).content.decode()


def test_update_profile_refuses_unknown_fields(alice: User) -> None:
    with pytest.raises(TypeError, match="is_staff"):
        services.update_profile(user=alice, is_staff=True)
    alice.refresh_from_db()
    assert not alice.is_staff
