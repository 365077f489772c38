"""`cairn deleteuser NAME`: an operator deletes an account now."""

from __future__ import annotations

import click

from cairn.cli.accounts import account
from cairn.cli.django_setup import setup_django


@click.command()
@click.argument("username")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def deleteuser(username: str, yes: bool) -> None:
    """Delete an account at once, with everything it owns: its pacts end and its buddies
    are told; its comments on others' goals stay, from "a former buddy". (People delete
    their own account from their profile, with 14 days to change their mind.)

    \b
    Examples:
        cairn deleteuser charlie
        cairn deleteuser charlie --yes
    """
    setup_django()
    from cairn.portability.deletion import delete_account

    user = account(username, whose="account")
    if not yes:
        click.confirm(f"Delete {user.get_username()} and everything they own, now?", abort=True)
    click.echo(f"Deleted {delete_account(user=user)}.")
