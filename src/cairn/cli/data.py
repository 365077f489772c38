"""`cairn data`: the packaged career data (O*NET 30.1, BLS OEWS May 2025) in the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cairn.cli.django_setup import setup_django


@click.group()
def data() -> None:
    """Career data: occupations, skills, related occupations and pay.

    \b
    Examples:
        cairn data load           # load the packaged data (does nothing if already loaded)
        cairn data load --force   # load it again
    """


@data.command()
@click.option("--force", is_flag=True, help="Load even if this version is already loaded.")
@click.option(
    "--file", "path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None, help="Another data file (default: the one packaged with Cairn).",
)  # fmt: skip
def load(force: bool, path: Path | None) -> None:
    """Load the career data into the database, in one transaction, with a progress bar."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    load_data(path=path, force=force)


def load_data(path: Path | None = None, force: bool = False, quiet: bool = False) -> None:
    """Shared by `cairn data load` and `cairn serve` (which loads on first start and after
    an upgrade); Django must be set up and migrated."""
    from cairn.careerdata import loader

    try:
        version = loader.file_version(path)
    except loader.DataFileMissing as error:
        click.echo(f"Career data: {error}; skipped.", err=True)
        return
    if not force and loader.loaded_version() == version:
        if not quiet:
            click.echo(f"Career data {version} is already loaded (--force loads it again).")
        return
    bar: Any = None

    def start(total: int) -> None:
        nonlocal bar
        bar = click.progressbar(length=total, label=f"Loading career data {version}")
        bar.__enter__()

    try:
        result = loader.load(path, force=force, on_total=start, progress=lambda n: bar.update(n))
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    rows = sum(result.counts.values())
    click.echo(f"Career data {result.version}: {rows:,} rows loaded in {result.seconds:.1f} s.")
