"""Administration commands: create accounts, run any Django management command."""

from __future__ import annotations

import click

from cairn.cli.django_setup import setup_django


@click.command()
@click.argument("username")
@click.option("--email", required=True, help="Email address (for password resets).")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Password; asked for when not given.",
)
@click.option("--operator", is_flag=True, help="May use the operator's admin at /admin/.")
def createuser(username: str, email: str, password: str, operator: bool) -> None:
    """Create an account (the only way in when CAIRN_REGISTRATION=closed).

    \b
    Examples:
        cairn createuser alice --email alice@example.com
        cairn createuser bob --email bob@example.com --password 'a long passphrase'
        cairn createuser ops --email ops@example.com --operator
    """
    setup_django()
    from django.core.exceptions import ValidationError

    from cairn.accounts.services import create_user

    try:
        user = create_user(username=username, email=email, password=password, operator=operator)
    except ValidationError as error:
        raise click.ClickException("; ".join(error.messages)) from error
    click.echo(f"Created {user.username}{' (an operator)' if operator else ''}.")


@click.command(context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command with Cairn's settings.

    \b
    Examples:
        cairn manage migrate
        cairn manage check --deploy
        cairn manage help
    """
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["cairn manage", *args])
