"""`cairn export`: a person's data (--json), check-ins (--csv) or calendar (--ics) in a file."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING

import click

from cairn.cli.accounts import account
from cairn.cli.django_setup import setup_django

if TYPE_CHECKING:
    from cairn.accounts.models import User

FORMATS = {"json": "everything, as one JSON document", "csv": "check-ins, a row each",
           "ics": "the calendar"}  # fmt: skip


@click.command()
@click.option(
    "--json",
    "json_file",
    type=click.File("w", encoding="utf-8"),
    metavar="FILE",
    help="Write all of the person's data as one JSON document ('-': standard output).",
)
@click.option(
    "--csv",
    "csv_file",
    type=click.File("w", encoding="utf-8"),
    metavar="FILE",
    help="Write every check-in as a CSV row, for spreadsheets.",
)
@click.option(
    "--ics",
    "target",
    type=click.File("wb"),
    metavar="FILE",
    help="Write the iCalendar (.ics) file here ('-' for standard output).",
)
@click.option("--user", "username", metavar="NAME", help="Whose data (needed with 2+ accounts).")
def export(json_file: IO[str] | None, csv_file: IO[str] | None, target: IO[bytes] | None,
           username: str | None) -> None:  # fmt: skip
    """Write a person's data to a file, in one of three forms.

    --json: everything the person owns or wrote (profile, reflections and their history,
    goals with their history, micro-goals, check-ins, reflections and rewards, guided
    sessions, reviews and their notes, comments, settings) as one versioned document that
    `cairn import` loads into any Cairn. --csv: every check-in, for spreadsheets. --ics:
    the deadlines of active and paused goals and micro-goals, alarms at their lead times and
    review meetings, the same calendar as the secret feed URL (importing it again updates
    the events instead of duplicating them).

    \b
    Examples:
        cairn export --json alice.json --user alice
        cairn export --csv check-ins.csv --user alice
        cairn export --ics goals.ics
        cairn export --ics - --user alice | less
    """
    chosen = [name for name, file in (("json", json_file), ("csv", csv_file), ("ics", target))
              if file is not None]  # fmt: skip
    if len(chosen) != 1:
        raise click.UsageError("Give exactly one of --json FILE, --csv FILE or --ics FILE.")
    setup_django()
    owner = account(username, whose="data")
    if json_file is not None:
        _write_json(owner, json_file)
    elif csv_file is not None:
        _write_csv(owner, csv_file)
    elif target is not None:
        _write_ics(owner, target)


def _done(file: IO[str] | IO[bytes], what: str) -> None:
    name = getattr(file, "name", "-")
    if name not in ("-", "<stdout>"):
        click.echo(f"Wrote {what} to {name}.", err=True)


def _write_json(owner: User, file: IO[str]) -> None:
    from cairn.portability.document import export_document

    document = export_document(owner)
    json.dump(document, file, ensure_ascii=False, indent=1)
    file.write("\n")
    _done(file, f"{len(document['goals'])} goals for {owner.get_username()}")


def _write_csv(owner: User, file: IO[str]) -> None:
    from cairn.portability.document import checkins_csv

    text = checkins_csv(owner)
    file.write(text)
    _done(file, f"{text.count(chr(10)) - 1} check-ins for {owner.get_username()}")


def _write_ics(owner: User, target: IO[bytes]) -> None:
    from cairn.accountability.services import calendar

    cal = calendar.personal_calendar(owner)
    target.write(calendar.to_bytes(cal))
    _done(target, f"{len(cal.walk('VEVENT'))} events for {owner.get_username()}")
