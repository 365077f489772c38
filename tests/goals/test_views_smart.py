"""The SMART panel on the goal form: live through htmx, and on submit without JavaScript."""

from __future__ import annotations

import pytest

from cairn.accounts.services import update_profile
from cairn.goals.assess import profile_context
from cairn.goals.models import Goal

pytestmark = pytest.mark.django_db


def test_live_panel_says_what_is_missing(alice_client):
    response = alice_client.post(
        "/goals/assess/", {"statement": "I want lots of money"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Is it SMART?" in page
    assert 'class="letter fail"' in page
    assert "lots of money" in page  # the suggestion quotes the person's words
    assert "<html" not in page  # a fragment, not a page


def test_live_panel_passes_a_smart_goal(alice_client):
    page = alice_client.post(
        "/goals/assess/", {"statement": "Earn $100,000 a year by December 2028"}
    ).content.decode()
    assert page.count('class="letter pass"') >= 3
    assert "December 31, 2028" in page
    assert "<mark" in page  # evidence underlined


def test_assess_needs_login_and_post(client, alice_client):
    assert client.post("/goals/assess/", {"statement": "x"}).status_code == 302
    assert alice_client.get("/goals/assess/").status_code == 405


def test_check_button_renders_the_panel_without_saving(alice_client):
    response = alice_client.post(
        "/goals/new/", {"statement": "get better at my job", "area": "other", "assess": "1"}
    )
    assert response.status_code == 200
    assert "Is it SMART?" in response.content.decode()
    assert 'class="letter fail"' in response.content.decode()
    assert not Goal.objects.exists()


def test_one_click_rewrite_replaces_the_statement_and_keeps_the_rest(alice_client):
    page = alice_client.post(
        "/goals/new/", {"statement": "earn more money", "area": "earnings", "assess": "1"}
    ).content.decode()
    assert 'name="use_rewrite"' in page
    rewrite = "Earn $90,000 a year by December 2027"
    response = alice_client.post(
        "/goals/new/",
        {
            "statement": "earn more money",
            "area": "earnings",
            "metric_unit": "USD",
            "use_rewrite": rewrite,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.is_bound  # nothing validated, nothing saved: the person goes on editing
    assert form["statement"].value() == rewrite
    assert form["metric_unit"].value() == "USD"
    assert not Goal.objects.exists()


def test_profile_feeds_the_context(alice):
    profile = update_profile(
        user=alice,
        role_title="Marketing specialist",
        field="Marketing",
        years_experience=3,
        pay_amount=4000,
        pay_period="month",
        pay_currency="USD",
    )
    context = profile_context(profile)
    assert context == {
        "role": "Marketing specialist",
        "field": "Marketing",
        "years_experience": 3,
        "currency": "USD",
        "salary": 48000.0,
    }


def test_panel_gives_data_backed_reasons_with_attribution(alice, alice_client):
    update_profile(
        user=alice,
        role_title="Marketing specialist",
        field="Marketing",
        years_experience=3,
        pay_amount=60000,
        pay_period="year",
        pay_currency="USD",
    )
    page = alice_client.post(
        "/goals/assess/", {"statement": "learn python by june 2027"}
    ).content.decode()
    assert "importance 2.12 of 5 for Market Research Analysts" in page
    assert "O*NET" in page and "CC BY 4.0" in page
