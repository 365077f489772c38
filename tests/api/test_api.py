"""The JSON API over real HTTP (Django's test client): tokens, scopes, goals, changes of
status, check-ins, the SMART check, errors as problem details, the schema."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from cairn.accounts import tokens
from cairn.accounts.models import ApiToken, User
from cairn.goals.models import CheckIn, Goal, Revision
from tests.conftest import client_for, make_goal


def bearer(plain: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def call(method: str, url: str, plain: str, body: Any = None) -> Any:
    send = getattr(Client(), method)
    if method == "get":
        return send(url, **bearer(plain))
    data = "" if body is None else json.dumps(body)  # no body at all, as `curl -X POST` sends
    return send(url, data, content_type="application/json", **bearer(plain))


@pytest.fixture
def alice_write(alice: User) -> str:
    return tokens.create_token(user=alice, name="my script", scope="write")[1]


@pytest.fixture
def alice_read(alice: User) -> str:
    return tokens.create_token(user=alice, name="dashboard", scope="read")[1]


def test_a_token_is_shown_once_and_kept_only_as_a_digest(alice: User) -> None:
    token, plain = tokens.create_token(user=alice, name="backup", scope="read")
    assert plain.startswith("cairn_") and len(plain) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert plain not in (stored.digest, stored.prefix) and stored.prefix == plain[:12]
    assert tokens.authenticate(plain).pk == token.pk  # type: ignore[union-attr]
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_list_shows_my_goals_only_with_filters_and_a_count(alice: User, charlie: User,
                                                           alice_read: str) -> None:  # fmt: skip
    make_goal(alice, "Earn $100K a year by 2028", horizon=5)
    make_goal(alice, "Give a talk at PyData by May 2027", horizon=1)
    make_goal(charlie, "Open a bakery by 2029")
    data = call("get", "/api/v1/goals", alice_read).json()
    assert data["count"] == 2 and {g["statement"] for g in data["items"]} == {
        "Earn $100K a year by 2028",
        "Give a talk at PyData by May 2027",
    }
    one = call("get", "/api/v1/goals?horizon=5&limit=1", alice_read).json()
    assert one["count"] == 1 and one["items"][0]["transitions"] == ["abandon", "achieve", "pause"]


def test_someone_elses_goal_is_not_found_as_a_problem(charlie: User, alice_read: str) -> None:
    theirs = make_goal(charlie, "Open a bakery by 2029")
    response = call("get", f"/api/v1/goals/{theirs.pk}", alice_read)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "No such goal."
    assert call("post", f"/api/v1/goals/{theirs.pk}/check-ins", alice_read, {"value": 1}
                ).status_code in (403, 404)  # fmt: skip
    assert not CheckIn.objects.filter(goal=theirs).exists()


def test_create_commit_and_a_double_commit(alice: User, alice_write: str) -> None:
    made = call("post", "/api/v1/goals", alice_write,
                {"statement": "Earn $100K a year by 2028", "horizon": 5})  # fmt: skip
    assert made.status_code == 201 and made.json()["status"] == "draft"
    goal_id = made.json()["id"]
    assert (
        call("post", f"/api/v1/goals/{goal_id}/activate", alice_write).json()["status"] == "active"
    )
    again = call("post", f"/api/v1/goals/{goal_id}/activate", alice_write)
    assert again.status_code == 422 and "cannot be committed to" in again.json()["detail"]
    assert Revision.objects.filter(goal_id=goal_id, changes__has_key="status").count() == 2


def test_bad_input_names_the_field_and_changes_nothing(alice: User, alice_write: str) -> None:
    response = call("post", "/api/v1/goals", alice_write, {"statement": "", "horizon": "soon"})
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"statement", "horizon"} <= fields
    rule = call("post", "/api/v1/goals", alice_write, {"statement": "Earn more", "horizon": 7})
    assert rule.status_code == 422 and rule.json()["errors"][0]["field"] == "horizon"
    assert not Goal.objects.filter(owner=alice).exists()


def test_a_read_token_cannot_write_and_a_revoked_one_cannot_read(
    alice: User, alice_read: str
) -> None:
    refused = call("post", "/api/v1/goals", alice_read, {"statement": "Earn $100K by 2028"})
    assert refused.status_code == 403 and "only read" in refused.json()["detail"]
    token = ApiToken.objects.get(user=alice, name="dashboard")
    tokens.revoke_token(user=alice, token_id=token.pk)
    assert call("get", "/api/v1/goals", alice_read).status_code == 401
    assert Client().get("/api/v1/goals").status_code == 401
    assert call("get", "/api/v1/goals", "cairn_\x00nonsense").status_code == 401


def test_check_ins_are_logged_by_the_services_rules(
    alice: User, goal: Goal, alice_write: str
) -> None:
    made = call("post", f"/api/v1/goals/{goal.pk}/check-ins", alice_write,
                {"value": "82500", "note": "new contract"})  # fmt: skip
    assert made.status_code == 201 and made.json()["value"] == "82500"
    listed = call("get", f"/api/v1/goals/{goal.pk}/check-ins", alice_write).json()
    assert listed["count"] == goal.check_ins.count()
    bad = call("post", f"/api/v1/goals/{goal.pk}/check-ins", alice_write, {"date": "2000-01-01"})
    assert bad.status_code == 422


def test_the_browser_session_works_with_csrf(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.get("/api/v1/goals").status_code == 200
    refused = client.post("/api/v1/goals", json.dumps({"statement": "Earn $100K by 2028"}),
                          content_type="application/json")  # fmt: skip
    assert refused.status_code == 403 and not Goal.objects.exists()


def test_the_smart_check(alice_read: str) -> None:
    body = {"text": "earn $100K a year by 2027", "today": "2026-07-19"}
    data = call("post", "/api/v1/smart/check", alice_read, body).json()
    assert data["deadline"] == "2027-12-31" and data["numbers"] == [100000]


def test_the_schema_and_the_docs_are_served(db: None) -> None:
    schema = Client().get("/api/openapi.json").json()
    assert "/api/v1/goals" in schema["paths"] and "/api/v1/smart/check" in schema["paths"]
    docs = client_for(User.objects.create_user("x", "x@example.com", "pw")).get("/api/docs")
    assert docs.status_code == 200 and b"cdn.jsdelivr" not in docs.content


def test_tokens_are_made_shown_once_and_revoked_on_the_profile(alice: User, charlie: User) -> None:
    client = client_for(alice)
    page = client.post("/accounts/tokens/", {"name": "spreadsheet", "scope": "write"})
    text = page.content.decode()
    token = ApiToken.objects.get(user=alice)
    shown = re.search(r'value="(cairn_[^"]+)" aria-label="Your new token"', text)
    assert shown is not None
    plain = shown.group(1)
    assert plain.startswith(token.prefix) and call("get", "/api/v1/goals", plain).status_code == 200
    assert plain not in client.get("/accounts/tokens/").content.decode()  # once only
    assert client_for(charlie).post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 302
    assert call("get", "/api/v1/goals", plain).status_code == 401
    refused = client.post("/accounts/tokens/", {"name": "", "scope": "admin"})
    assert refused.status_code == 400 and ApiToken.objects.filter(user=alice).count() == 1


def test_reads_carry_an_etag_and_answer_304_when_unchanged(alice: User, alice_read: str) -> None:
    make_goal(alice, "Earn $100K a year by 2028")
    first = call("get", "/api/v1/goals", alice_read)
    etag = first["ETag"]
    again = Client().get("/api/v1/goals", HTTP_IF_NONE_MATCH=etag, **bearer(alice_read))
    assert again.status_code == 304 and again.content == b""
    make_goal(alice, "Give a talk at PyData by May 2027")
    changed = Client().get("/api/v1/goals", HTTP_IF_NONE_MATCH=etag, **bearer(alice_read))
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_paging_is_bounded(alice_read: str) -> None:
    for query in ("limit=100000", "offset=9435312646999013064704", "limit=0", "offset=-1"):
        response = call("get", f"/api/v1/goals?{query}", alice_read)
        assert response.status_code == 422, query


def test_the_goal_list_costs_the_same_queries_for_3_goals_or_30(
    alice: User, alice_read: str
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for total in (3, 30):
        while Goal.objects.filter(owner=alice).count() < total:
            make_goal(alice, f"Ship feature {Goal.objects.count()} by 2030")
        call("get", "/api/v1/goals", alice_read)  # the token's last use is noted once a minute
        with CaptureQueriesContext(connection) as queries:
            assert call("get", "/api/v1/goals", alice_read).json()["count"] == total
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 3
