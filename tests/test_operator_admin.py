"""The operator's admin: staff only; accounts, invitations and the reminder queue; no goal
content anywhere in it."""

from __future__ import annotations

from django.test import Client

from cairn.accounts.models import FailedLogin, User
from cairn.accounts.services import login_is_throttled, record_failed_login
from tests.conftest import client_for, make_goal


def staff_client(user: User) -> Client:
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    return client_for(User.objects.get(pk=user.pk))


def test_only_staff_get_in(alice: User, charlie: User) -> None:
    assert client_for(charlie).get("/admin/").status_code == 302  # to the admin's log-in
    page = staff_client(alice).get("/admin/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Users" in text and "Invitations" in text and "Reminders" in text


def test_goal_content_is_not_in_the_admin(alice: User, charlie: User) -> None:
    make_goal(charlie, "Quietly leave for a competitor by June")
    client = staff_client(alice)
    for url in ("/admin/goals/goal/", "/admin/goals/checkin/", "/admin/planning/plansession/",
                "/admin/accountability/comment/", "/admin/accountability/review/"):  # fmt: skip
        assert client.get(url).status_code == 404, url
    index = client.get("/admin/").content.decode()
    assert "Goals" not in index and "competitor" not in index


def test_an_operator_deactivates_and_lifts_a_lockout(alice: User, charlie: User) -> None:
    for _ in range(10):
        record_failed_login("charlie", "203.0.113.9")
    assert login_is_throttled("charlie")
    client = staff_client(alice)
    for action in ("deactivate", "lift_lockout"):
        chosen = {"action": action, "_selected_action": [charlie.pk]}
        response = client.post("/admin/accounts/user/", chosen)
        assert response.status_code == 302
    assert not User.objects.get(pk=charlie.pk).is_active
    assert not login_is_throttled("charlie") and not FailedLogin.objects.exists()
    client.post("/admin/accounts/user/", {"action": "reactivate", "_selected_action": [charlie.pk]})
    assert User.objects.get(pk=charlie.pk).is_active


def test_cairn_createuser_operator_makes_an_account_that_gets_in(db: None) -> None:
    from click.testing import CliRunner

    from cairn.cli import main

    args = ["createuser", "ops", "--email", "ops@example.com", "--password", "a long passphrase 9"]
    done = CliRunner().invoke(main, [*args, "--operator"])
    assert done.exit_code == 0 and "Created ops (an operator)." in done.output
    assert client_for(User.objects.get(username="ops")).get("/admin/").status_code == 200


def test_accounts_cannot_be_edited_or_deleted_in_the_admin(alice: User, charlie: User) -> None:
    client = staff_client(alice)
    page = client.get(f"/admin/accounts/user/{charlie.pk}/change/")
    assert page.status_code == 200 and 'name="email"' not in page.content.decode()
    assert client.get(f"/admin/accounts/user/{charlie.pk}/delete/").status_code == 403
    assert client.get("/admin/accounts/user/add/").status_code == 403
