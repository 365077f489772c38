"""`cairn serve`: migrate, then serve with a production WSGI server."""

from __future__ import annotations

import os

import click

from cairn.cli.django_setup import setup_django


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=int, help="Request threads.")
def serve(host: str, port: int, threads: int) -> None:
    """Apply database migrations, load new career data, then serve Cairn (waitress, static
    files included).

    \b
    Examples:
        cairn serve
        cairn serve --host 0.0.0.0 --port 8080
        DATABASE_URL=postgres://cairn@db/cairn cairn serve
    """
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    call_command("migrate", interactive=False, verbosity=1)
    from cairn.cli.data import load_data

    load_data(quiet=True)  # on first start and after an upgrade; otherwise a quick check
    from cairn.careerdata.search import warm_in_background

    warm_in_background()
    call_command("collectstatic", interactive=False, verbosity=0)
    from cairn.wsgi import application  # after collectstatic: WhiteNoise indexes the files

    click.echo(f"Cairn data folder: {settings.CAIRN_HOME}")
    start_worker()
    click.echo(f"Serving Cairn at http://{host}:{port}/  (Ctrl-C stops)")
    waitress_serve(application, host=host, port=port, threads=threads, ident="cairn")


def start_worker() -> None:
    """Reminder emails from this process too, so `make run` alone sends them; deployments
    with their own `cairn worker` processes set CAIRN_WORKER=external."""
    if os.environ.get("CAIRN_WORKER", "inprocess").strip().lower() == "external":
        click.echo("Reminder emails: left to `cairn worker` (CAIRN_WORKER=external)")
        return
    from cairn.accountability.worker import start_in_thread

    start_in_thread()
    click.echo("Reminder emails: sent by an in-process worker (CAIRN_WORKER=external stops it)")
