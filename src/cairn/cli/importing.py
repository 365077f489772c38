"""`cairn import FILE`: load an export (`cairn export --json`) into an account."""

from __future__ import annotations

import json
from typing import IO

import click

from cairn.cli.accounts import account
from cairn.cli.django_setup import setup_django


@click.command(name="import")
@click.argument("source", type=click.File("r", encoding="utf-8"), metavar="FILE")
@click.option("--user", "username", metavar="NAME", help="Into whose account (needed with 2+).")
def import_(source: IO[str], username: str | None) -> None:
    """Load a file written by `cairn export --json` (on this or any other Cairn) into an
    account, in one transaction: the goals, micro-goals, check-ins, reflections, sessions,
    reviews and comments are added; the profile and settings are replaced. A file of
    another version, malformed or cut short changes nothing and says which field is wrong.
    What needs someone who is not on this instance (a review held with a buddy, a comment
    on their goal) is listed, not loaded.

    \b
    Examples:
        cairn import alice.json --user alice
        ssh old-server cairn export --json - --user alice | cairn import - --user alice
    """
    setup_django()
    from cairn.portability.load import DocumentError, import_document

    owner = account(username, whose="account")
    try:
        report = import_document(user=owner, document=json.load(source))
    except json.JSONDecodeError as error:
        raise click.ClickException(f"Not JSON: {error}") from error
    except DocumentError as error:
        raise click.ClickException(f"Nothing was imported. {error}") from error
    click.echo(f"Imported into {owner.get_username()}: {report.summary()}.")
    for item in report.skipped:
        click.echo(f"  not imported: {item}")
