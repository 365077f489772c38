"""Whose data a command works on: the one account, or the one named with --user."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from cairn.accounts.models import User


def account(username: str | None, *, whose: str) -> User:
    """The account named (any case), else the only one; a clear error otherwise."""
    from cairn.accounts.models import User

    if username:
        user = User.objects.filter(username__iexact=username).first()
        if user is None:
            raise click.ClickException(f"No account named {username!r}.")
        return user
    users = list(User.objects.filter(is_active=True)[:2])
    if not users:
        raise click.ClickException(
            "No account yet: create one with `cairn createuser NAME --email E`."
        )
    if len(users) > 1:
        raise click.ClickException(
            f"There are several accounts: say whose {whose} with --user NAME."
        )
    return users[0]
