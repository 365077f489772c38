"""`cairn check`: is a goal statement SMART? (Does not import Django: it starts fast.)"""

from __future__ import annotations

import click


@click.command()
@click.argument("text", required=False)
def check(text: str | None) -> None:
    """Check a goal statement against S-M-A-R-T.

    \b
    Examples:
        cairn check "earn $100K a year by 2027"
    """
    raise click.ClickException("The SMART analyzer is not built yet.")
