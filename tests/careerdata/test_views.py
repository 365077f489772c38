"""The occupation picker (htmx and plain forms), next roles, attribution and access."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from cairn.accounts.models import Profile, User
from cairn.accounts.services import set_occupation, update_profile
from cairn.careerdata.models import Occupation, Wage
from cairn.planning.services import start_session

SEARCH, PICK, PROFILE = "/occupations/search/", "/occupations/pick/", "/accounts/profile/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def page(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def choose(user: User, code: str, which: str = "occupation", state: str = "") -> None:
    set_occupation(user=user, which=which, occupation=Occupation.objects.get(pk=code))
    if state:
        Profile.objects.filter(user=user).update(state=state)


# -- access ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "url"), [("get", f"{SEARCH}?q=rn"), ("post", PICK)])
def test_anonymous_is_sent_to_login(client: Client, method: str, url: str) -> None:
    response = getattr(client, method)(url, {"code": "29-1141.00"} if method == "post" else None)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_pick_needs_post(alice_client: Client, mini: object) -> None:
    assert alice_client.get(f"{PICK}?code=29-1141.00").status_code == 405
    assert Profile.objects.get(user__username="alice").occupation is None


# -- search ---------------------------------------------------------------------------


def test_htmx_search_returns_the_partial_with_pick_buttons(
    alice_client: Client, mini: object
) -> None:
    response = alice_client.get(SEARCH, {"q": "RN", "for": "occupation"}, **HTMX)
    assert response.status_code == 200
    html = page(response)
    assert "<html" not in html
    buttons = re.findall(r'<button type="submit" name="code" value="([^"]+)"', html)
    assert buttons[0] == "29-1141.00"
    assert 'hx-post="/occupations/pick/"' in html and 'hx-target="#picker-occupation"' in html
    assert "data-picker-option" in html
    assert "Registered Nurses" in html and "job zone 4" in html and "median $97,550 a year" in html
    assert "O*NET 30.1" in html  # the data is quoted: its source is named


def test_full_page_search_without_javascript(alice_client: Client, mini: object) -> None:
    response = alice_client.get(SEARCH, {"q": "line cook", "for": "target_occupation"})
    html = page(response)
    assert response.status_code == 200
    assert "<h1>Find an occupation</h1>" in html
    assert 'value="35-2014.00"' in html
    assert 'name="for" value="target_occupation"' in html
    assert 'action="/occupations/pick/"' in html and "hx-post" not in html
    assert 'value="line cook"' in html  # the search box keeps what was typed


def test_unknown_title_says_keep_your_own(alice_client: Client, mini: object) -> None:
    html = page(alice_client.get(SEARCH, {"q": "dragon whisperer"}, **HTMX))
    assert "No match for “dragon whisperer”: keep your own title" in html
    assert "too short" not in html


@pytest.mark.parametrize("query", ["", "a", "   "])
def test_too_short_asks_for_more(alice_client: Client, mini: object, query: str) -> None:
    html = page(alice_client.get(SEARCH, {"q": query}, **HTMX))
    assert "Type at least two letters" in html


def test_missing_pay_is_said_not_invented(alice_client: Client, mini: object) -> None:
    html = page(alice_client.get(SEARCH, {"q": "air crew officer"}, **HTMX))
    assert "Air Crew Officers" in html
    assert "no pay data" in html


def test_bad_parameters_do_not_break_search(alice_client: Client, mini: object) -> None:
    response = alice_client.get(SEARCH, {"q": "x" * 5000, "for": "<script>"}, **HTMX)
    assert response.status_code == 200
    assert "<script>" not in page(response)


def test_search_before_any_data_is_loaded(alice_client: Client) -> None:
    html = page(alice_client.get(SEARCH, {"q": "nurse"}, **HTMX))
    assert "keep your own title" in html


# -- picking --------------------------------------------------------------------------


def test_pick_without_javascript_saves_and_returns_to_the_profile(
    alice_client: Client, alice: User, mini: object
) -> None:
    update_profile(user=alice, role_title="Charge nurse, night shift")
    response = alice_client.post(PICK, {"for": "occupation", "code": "29-1141.00"})
    assert response.status_code == 302 and response["Location"] == PROFILE
    profile = Profile.objects.get(user=alice)
    assert profile.occupation_id == "29-1141.00"
    assert profile.role_title == "Charge nurse, night shift"  # their own words stay
    html = page(alice_client.get(PROFILE))
    assert "Saved Registered Nurses as your occupation." in html
    assert "<strong>Registered Nurses</strong>" in html


def test_pick_with_htmx_returns_the_updated_picker(
    alice_client: Client, alice: User, mini: object
) -> None:
    response = alice_client.post(PICK, {"for": "target_occupation", "code": "11-1011.00"}, **HTMX)
    html = page(response)
    assert response.status_code == 200
    assert html.lstrip().startswith(
        '<section class="card occupation-picker" id="picker-target_occupation"'
    )
    assert "Saved: <strong>Chief Executives</strong>" in html
    assert Profile.objects.get(user=alice).target_occupation_id == "11-1011.00"


def test_clear_and_unknown_codes(alice_client: Client, alice: User, mini: object) -> None:
    choose(alice, "15-1252.00")
    response = alice_client.post(PICK, {"for": "occupation", "code": "99-9999.99"})
    assert response.status_code == 302
    assert Profile.objects.get(user=alice).occupation_id == "15-1252.00"
    assert "not in Cairn" in page(alice_client.get(PROFILE))
    alice_client.post(PICK, {"for": "occupation", "code": ""})
    assert Profile.objects.get(user=alice).occupation is None


def test_an_unknown_field_name_falls_back_to_the_occupation(
    alice_client: Client, alice: User, mini: object
) -> None:
    alice_client.post(PICK, {"for": "user_id", "code": "29-1141.00"})
    profile = Profile.objects.get(user=alice)
    assert profile.occupation_id == "29-1141.00" and profile.user == alice


def test_profile_page_has_both_pickers_and_a_state(alice_client: Client, mini: object) -> None:
    html = page(alice_client.get(PROFILE))
    for which in ("occupation", "target_occupation"):
        assert f'id="picker-{which}"' in html
        assert f'id="q-{which}"' in html
        assert 'hx-trigger="input changed delay:150ms, search"' in html
        assert f'aria-controls="results-{which}"' in html
    assert '<select name="state"' in html and '<option value="CA">California</option>' in html


def test_profile_saves_the_state(alice_client: Client, alice: User, mini: object) -> None:
    data = {"role_title": "Cook", "pay_currency": "USD", "pay_period": "year",
            "time_zone": "UTC", "state": "CA"}  # fmt: skip
    assert alice_client.post(PROFILE, data).status_code == 302
    assert Profile.objects.get(user=alice).state == "CA"
    data["state"] = "ZZ"
    assert alice_client.post(PROFILE, data).status_code == 400


# -- next roles -----------------------------------------------------------------------


def test_next_roles_on_the_profile(alice_client: Client, alice: User, mini: object) -> None:
    choose(alice, "15-1252.00")
    html = page(alice_client.get(PROFILE))
    assert "Next roles from Software Developers" in html
    section = html[html.index('class="card next-roles"') :]
    assert "Computer Systems Analysts" in section
    assert "Software Quality Assurance Analysts and Testers" in section
    assert "Job zone 3 of 5: Medium Preparation Needed" in section
    assert "Typical related experience" in section and "years" in section
    assert "$105,850 a year (US)" in section  # Computer Systems Analysts, national median
    assert "Skills that differ most" in section and " of 5)" in section
    assert "O*NET 30.1" in section


def test_next_roles_use_the_state_and_say_when_pay_is_missing(
    alice_client: Client, alice: User, mini: object
) -> None:
    choose(alice, "15-1252.00", state="CA")
    ca = Wage.objects.get(occupation_id="15-1211.00", area="CA").p50
    assert ca
    Wage.objects.filter(occupation_id="15-1253.00").delete()
    section = page(alice_client.get(PROFILE)).split('class="card next-roles"')[1]
    assert f"${ca:,} a year (CA)" in section
    assert "no pay data" in section


def test_next_roles_ask_for_an_occupation_first(alice_client: Client, mini: object) -> None:
    html = page(alice_client.get(PROFILE))
    assert "Pick your occupation on" in html


def test_next_roles_in_the_brainstorm_step(alice_client: Client, alice: User, mini: object) -> None:
    choose(alice, "29-1141.00")
    session = start_session(owner=alice)
    html = page(alice_client.get(f"/plan/{session.pk}/brainstorm/"))
    assert "Next roles from Registered Nurses" in html
    assert "Nurse Practitioners" in html


# -- attribution ----------------------------------------------------------------------


@pytest.mark.django_db
def test_about_shows_the_onet_attribution(client: Client) -> None:
    html = page(client.get("/about/"))
    assert "O*NET 30.1 Database" in html and "CC BY 4.0" in html
    assert "USDOL/ETA has not approved, endorsed, or tested these modifications" in html


def test_about_shows_the_loaded_datas_attribution(client: Client, mini: object) -> None:
    html = page(client.get("/about/"))
    assert 'id="career-data"' in html
    assert "Bureau of Labor Statistics" in html and "O*NET® is a trademark of USDOL/ETA" in html
