"""Schemathesis runs every operation of the live OpenAPI schema, property-based, through
the real WSGI application with a read-and-write token: no input gives a server error, and
every answer the schema describes matches it (bounded examples, so `make test` stays quick).

Checks: not_a_server_error, status_code_conformance (every operation lists the problem
answers it may give: 400, 401, 403, 404, 422, 429), response_schema_conformance (problems
included) and content_type_conformance."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from cairn.accounts import tokens
from cairn.wsgi import application
from tests.conftest import make_goal, make_user

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance,
          content_type_conformance]  # fmt: skip


@pytest.fixture
def keep_connection() -> Any:
    """As Django's test client does: a request's end must not close the test's database
    connection (the WSGI handler would, and the test's transaction would go with it)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def auth(db: None, keep_connection: None) -> dict[str, str]:
    owner = make_user("fuzz")
    goal = make_goal(owner, "Earn $100K a year by 2030", metric_unit="USD", metric_target=100000)
    goal.steps.create(title="Ask for a raise")
    plain = tokens.create_token(user=owner, name="schemathesis", scope="write")[1]
    return {"Authorization": f"Bearer {plain}"}


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_holds_up(case: Any, auth: dict[str, str]) -> None:
    case.call_and_validate(headers=auth, checks=CHECKS)
