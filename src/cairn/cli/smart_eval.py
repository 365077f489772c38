"""`cairn smart-eval`: score the SMART analyzer against labelled statements."""

from __future__ import annotations

import json
from typing import Any

import click


@click.command(name="smart-eval")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--mistakes", is_flag=True, help="Also list the statements with a wrong field.")
def smart_eval(path: str, as_json: bool, mistakes: bool) -> None:
    """Score the analyzer on a labelled JSONL file (GUIDE format).

    Prints, per field: F1 and accuracy for career, specific and measurable; accuracy of
    time and period; exact deadline and numbers; F1 per flag; accuracy of attainable and
    relevant where labelled; and the share of statements with every field right.

    \b
    Examples:
        cairn smart-eval tests/data/smart/dev.jsonl
        cairn smart-eval tests/data/smart/dev.jsonl --json
        cairn smart-eval tests/data/smart/dev.jsonl --mistakes
    """
    from cairn.smart.evaluate import evaluate, read_jsonl

    with open(path, encoding="utf-8") as handle:
        try:
            rows = read_jsonl(handle)
        except ValueError as error:
            raise click.ClickException(f"{path}: {error}") from error
    report = evaluate(rows)
    summary = report.summary()
    if as_json:
        if mistakes:
            summary["mistakes"] = report.mistakes
        click.echo(json.dumps(summary, indent=2))
        return
    click.echo(format_summary(summary))
    if mistakes:
        for mistake in report.mistakes:
            click.echo(f"\n{mistake['id']}: {mistake['text']}")
            click.echo(f"  expected {mistake['expected']}")
            click.echo(f"  got      {mistake['got']}")


def format_summary(summary: dict[str, Any]) -> str:
    """The figures as a table for the terminal."""
    lines = [f"statements: {summary['statements']}", "", "field            figure"]
    for name in ("career", "specific", "measurable"):
        scores = summary[name]
        lines.append(
            f"{name:<16} F1 {scores['f1']:.3f}  accuracy {scores['accuracy']:.3f}  "
            f"(P {scores['precision']:.3f} R {scores['recall']:.3f})"
        )
    lines.append(f"{'time':<16} accuracy {summary['time']['accuracy']:.3f}")
    lines.append(f"{'period':<16} accuracy {summary['period']['accuracy']:.3f}")
    lines.append(f"{'deadline':<16} exact {summary['deadline']['exact']:.3f}")
    lines.append(f"{'numbers':<16} exact {summary['numbers']['exact']:.3f}")
    for flag, scores in summary["flags"].items():
        lines.append(
            f"{'flag ' + flag:<24} F1 {scores['f1']:.3f}  (support {scores['support']}, "
            f"P {scores['precision']:.3f} R {scores['recall']:.3f})"
        )
    for name in ("attainable", "relevant"):
        scores = summary[name]
        lines.append(
            f"{name:<16} accuracy {scores['accuracy']:.3f}  (labelled {scores['labelled']})"
        )
    lines.append(f"{'all fields':<16} accuracy {summary['all_fields']['accuracy']:.3f}")
    return "\n".join(lines)
