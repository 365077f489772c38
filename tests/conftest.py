"""The shared test base: three people, as in every test of Cairn.

alice owns goals, bob will be her buddy, charlie is a stranger who must never see them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from cairn.accounts.models import User
from cairn.accounts.services import create_user
from cairn.goals import services
from cairn.goals.models import Goal, Status

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fast_hashing(settings: Any) -> None:
    # Argon2 is deliberately slow; tests that check hashing itself set it back.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static_files(settings: Any) -> None:
    # `cairn serve` collects and hashes static files; tests serve them from the apps directly.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def make_user(username: str) -> User:
    return create_user(username=username, email=f"{username}@example.com", password=PASSWORD)


@pytest.fixture
def alice(db: None) -> User:
    return make_user("alice")


@pytest.fixture
def bob(db: None) -> User:
    return make_user("bob")


@pytest.fixture
def charlie(db: None) -> User:
    return make_user("charlie")


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice: User) -> Client:
    return client_for(alice)


@pytest.fixture
def charlie_client(charlie: User) -> Client:
    return client_for(charlie)


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


def make_goal(owner: User, statement: str = "Earn $100K a year by 2030", **fields: Any) -> Goal:
    fields.setdefault("status", Status.ACTIVE)
    return services.create_goal(owner=owner, statement=statement, **fields)


@pytest.fixture
def goal(alice: User) -> Goal:
    """An active 5-year metric goal of alice's with one micro-goal and one check-in."""
    deadline = dt.date.today().replace(day=1) + dt.timedelta(days=365 * 4)
    created = make_goal(
        alice,
        horizon=5,
        metric_unit="USD",
        metric_baseline=70000,
        metric_target=100000,
        deadline=deadline,
        area="earnings",
    )
    services.add_step(created, title="Ask for a raise", deadline=dt.date.today())
    services.record_check_in(created, value=75000, note="New role")
    return created
