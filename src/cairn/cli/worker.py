"""`cairn worker`: plan and send reminder emails, in a loop or once (for cron)."""

from __future__ import annotations

import threading

import click

from cairn.cli.django_setup import setup_django


@click.command()
@click.option("--once", is_flag=True, help="Run one pass and exit (e.g. from cron).")
@click.option(
    "--interval", default=60, show_default=True, type=click.IntRange(min=1),
    help="Seconds between passes.",
)  # fmt: skip
def worker(once: bool, interval: int) -> None:
    """Send reminder emails: plan what fell due, then one digest per person per day.

    Safe to run as several copies at once, and after downtime (what fell due meanwhile
    goes out as one digest). `cairn serve` runs it in-process unless CAIRN_WORKER=external.

    \b
    Examples:
        cairn worker                 # a pass every 60 seconds until Ctrl-C
        cairn worker --once          # one pass, e.g. from cron: */5 * * * * cairn worker --once
        cairn worker --interval 300
    """
    setup_django()
    from cairn.accountability.worker import loop, run_once

    if once:
        report = run_once()
        click.echo(
            f"{report.emails} emails, {report.reminders} reminders sent; "
            f"{report.failures} failed (retried later), {report.deferred} deferred"
        )
        return
    click.echo(f"Cairn worker: a pass every {interval} seconds (Ctrl-C stops)")
    try:
        loop(interval, threading.Event())
    except KeyboardInterrupt:
        click.echo("Stopped.")
