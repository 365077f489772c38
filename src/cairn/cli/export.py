"""`cairn export --ics FILE`: a person's calendar, as their feed URL serves it, in a file."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

import click

from cairn.cli.accounts import account
from cairn.cli.django_setup import setup_django

if TYPE_CHECKING:
    pass


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

    owner = account(username, whose="calendar")
    cal = calendar.personal_calendar(owner)
    target.write(calendar.to_bytes(cal))
    name = getattr(target, "name", "-")
    if name not in ("-", "<stdout>"):
        events = len(cal.walk("VEVENT"))
        click.echo(f"Wrote {events} events for {owner.get_username()} to {name}.", err=True)
