"""Check-ins through the web."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def test_log_check_in_today_by_default(goal, alice_client):
    response = alice_client.post(
        f"/goals/{goal.pk}/check-ins/", {"value": "80000", "note": "Bonus"}
    )
    assert response.status_code == 302
    latest = goal.check_ins.first()
    assert (latest.date, latest.value, latest.note) == (dt.date.today(), 80000, "Bonus")
    assert "33% of the way" in alice_client.get(f"/goals/{goal.pk}/").content.decode()


def test_back_dated_allowed_future_refused(goal, alice_client):
    past = (dt.date.today() - dt.timedelta(days=20)).isoformat()
    assert (
        alice_client.post(f"/goals/{goal.pk}/check-ins/", {"value": "1", "date": past}).status_code
        == 302
    )
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    response = alice_client.post(f"/goals/{goal.pk}/check-ins/", {"value": "1", "date": future})
    assert response.status_code == 400
    assert "cannot be dated in the future" in response.content.decode()
    assert goal.check_ins.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"value": "ten"}, "Enter a number"),
        ({"note": "forgot the value"}, "Enter the USD reached"),
        ({"value": "5", "date": "2026-02-30"}, "Enter a valid date"),
    ],
)
def test_bad_check_in(goal, alice_client, data, message):
    response = alice_client.post(f"/goals/{goal.pk}/check-ins/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert goal.check_ins.count() == 1


def test_delete_check_in_is_confirmed(goal, alice_client):
    check_in = goal.check_ins.get()
    url = f"/goals/{goal.pk}/check-ins/{check_in.pk}/delete/"
    assert alice_client.get(url).status_code == 200
    assert goal.check_ins.count() == 1
    alice_client.post(url)
    assert goal.check_ins.count() == 0


def test_outcome_goal_check_in_asks_no_value(alice, alice_client):
    from tests.conftest import make_goal

    outcome = make_goal(alice, "Publish my portfolio site")
    page = alice_client.get(f"/goals/{outcome.pk}/").content.decode()
    assert 'name="value"' not in page and 'name="note"' in page
    alice_client.post(f"/goals/{outcome.pk}/check-ins/", {"note": "Picked a theme"})
    assert outcome.check_ins.get().note == "Picked a theme"
