"""`cairn smart-eval`: score the SMART analyzer against labelled statements."""

from __future__ import annotations

import click


@click.command(name="smart-eval")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def smart_eval(path: str) -> None:
    """Score the analyzer on a labelled JSONL file (GUIDE format).

    \b
    Examples:
        cairn smart-eval tests/data/smart/dev.jsonl
    """
    raise click.ClickException("The SMART analyzer is not built yet.")
