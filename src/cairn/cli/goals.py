"""Everyday verbs over the same services as the web: list goals, log a check-in, tick off
a micro-goal."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import click

from cairn.cli.accounts import account
from cairn.cli.django_setup import setup_django

if TYPE_CHECKING:
    from cairn.goals.models import Goal

STATUSES = ("active", "paused", "draft", "achieved", "abandoned", "all")


@click.command()
@click.option("--status", type=click.Choice(STATUSES), default="active", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the goals as JSON.")
@click.option("--user", "username", metavar="NAME", help="Whose goals (needed with 2+ accounts).")
def goals(status: str, as_json: bool, username: str | None) -> None:
    """List a person's goals: number, status, deadline, progress.

    \b
    Examples:
        cairn goals
        cairn goals --status all --user alice
        cairn goals --json | jq '.[] | select(.progress < 0.5)'
    """
    setup_django()
    from django.utils import timezone

    from cairn.goals import access, queries

    owner = account(username, whose="goals")
    found = access.owned_goals(owner).order_by("deadline", "created_at", "id")
    if status != "all":
        found = found.filter(status=status)
    rows = [_row(goal) for goal in queries.with_progress(found, timezone.localdate())]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"No {'' if status == 'all' else status + ' '}goals.")
    for row in rows:
        click.echo(_line(row))


def _row(goal: Goal) -> dict[str, Any]:
    from cairn.goals import queries

    progress = queries.progress_fraction(goal)
    return {"id": goal.pk, "statement": goal.statement, "status": goal.status,
            "horizon": goal.horizon, "area": goal.area,
            "deadline": goal.deadline.isoformat() if goal.deadline else None,
            "progress": round(progress, 3) if progress is not None else None}  # fmt: skip


def _line(row: dict[str, Any]) -> str:
    from cairn.goals.pace import format_short_date

    deadline = row["deadline"] and format_short_date(dt.date.fromisoformat(row["deadline"]))
    progress = f"{row['progress']:.0%}" if row["progress"] is not None else "–"
    return (f"{row['id']:>5}  {row['status']:<9} {progress:>5}  {deadline or 'no deadline':<12}"
            f"  {row['statement']}")  # fmt: skip


@click.command()
@click.argument("goal_id", type=int, metavar="GOAL")
@click.argument("value", required=False, metavar="[VALUE]")
@click.option("--note", default="", help="What happened, in a sentence.")
@click.option("--date", "day", metavar="YYYY-MM-DD", help="The day it happened (default today).")
@click.option("--user", "username", metavar="NAME", help="Whose goal (needed with 2+ accounts).")
def checkin(goal_id: int, value: str | None, note: str, day: str | None,
            username: str | None) -> None:  # fmt: skip
    """Log progress on a goal: the value reached for a measured goal, or just that it
    happened for a habit. GOAL is the number `cairn goals` shows.

    \b
    Examples:
        cairn checkin 12 68500 --note "new contract"
        cairn checkin 7 --note "ran 5 km"
        cairn checkin 12 70000 --date 2026-11-30
    """
    setup_django()
    from django.core.exceptions import ValidationError

    from cairn.goals import access, services

    owner = account(username, whose="goal")
    goal = access.own_goal(owner, goal_id)
    try:
        made = services.record_check_in(goal, value=_decimal(value), note=note, date=_day(day))
    except ValidationError as error:
        raise click.ClickException(" ".join(error.messages)) from error
    shown = f" {made.value:,} {goal.metric_unit}".rstrip() if made.value is not None else ""
    click.echo(f"Logged{shown} on {made.date:%-d %b %Y} for: {goal.statement}")


def _decimal(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(value.replace(",", "").replace("_", ""))
    except InvalidOperation:
        raise click.BadParameter(f"{value!r} is not a number", param_hint="VALUE") from None
    if not number.is_finite():
        raise click.BadParameter(f"{value!r} is not a number", param_hint="VALUE")
    return number


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD", param_hint="--date") from None


@click.command()
@click.argument("step_id", type=int, metavar="STEP")
@click.option("--user", "username", metavar="NAME", help="Whose micro-goal (with 2+ accounts).")
def done(step_id: int, username: str | None) -> None:
    """Tick off a micro-goal. STEP is its number (on the goal page, or in
    `cairn export --json`).

    \b
    Examples:
        cairn done 34
    """
    setup_django()
    from cairn.goals import access, services

    owner = account(username, whose="micro-goal")
    step = access.own_step_by_id(owner, step_id)
    services.complete_step(step)
    click.echo(f"Done: {step.title} (for: {step.goal.statement})")
