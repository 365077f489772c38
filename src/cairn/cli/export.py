"""`cairn export --ics FILE`: a person's calendar, as their feed URL serves it, in a file."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

import click

from cairn.cli.django_setup import setup_django

if TYPE_CHECKING:
    from cairn.accounts.models import User


@click.command()
@click.option(
    "--ics",
    "target",
    type=click.File("wb"),
    required=True,
    metavar="FILE",
    help="Write the iCalendar (.ics) file here ('-' for standard output).",
)
@click.option(
    "--user", "username", metavar="NAME", help="Whose calendar (needed with 2+ accounts)."
)
def export(target: IO[bytes], username: str | None) -> None:
    """Write a person's calendar as an iCalendar file: all-day events for the deadlines of
    their active and paused goals and micro-goals, alarms at their lead times, and their
    review meetings. The same calendar as their secret feed URL (Calendar page), for apps
    that import a file instead of subscribing; importing it again updates the events
    instead of duplicating them.

    \b
    Examples:
        cairn export --ics goals.ics
        cairn export --ics goals.ics --user alice
        cairn export --ics - --user alice | less
    """
    setup_django()
    from cairn.accountability.services import calendar

    owner = _person(username)
    cal = calendar.personal_calendar(owner)
    target.write(calendar.to_bytes(cal))
    name = getattr(target, "name", "-")
    if name not in ("-", "<stdout>"):
        events = len(cal.walk("VEVENT"))
        click.echo(f"Wrote {events} events for {owner.get_username()} to {name}.", err=True)


def _person(username: str | None) -> User:
    from cairn.accounts.models import User

    if username:
        user = User.objects.filter(username__iexact=username).first()
        if user is None:
            raise click.ClickException(f"No account named {username!r}.")
        return user
    users = list(User.objects.filter(is_active=True)[:2])
    if not users:
        raise click.ClickException("No account yet: create one with `cairn createuser`.")
    if len(users) > 1:
        raise click.ClickException("There are several accounts: say whose with --user NAME.")
    return users[0]
