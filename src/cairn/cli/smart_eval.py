"""`cairn smart-eval`: score the SMART analyzer against labelled statements."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import click


@click.command(name="smart-eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--mistakes", is_flag=True, help="Also list the statements with a wrong field.")
@click.option(
    "--provider",
    "provider_name",
    type=click.Choice(["data", "rules", "both"]),
    default="data",
    show_default=True,
    help="Judge attainable/relevant with the O*NET/BLS data provider, the rules, or "
    "both (then also compare them on the statements with context).",
)
def smart_eval(paths: tuple[str, ...], as_json: bool, mistakes: bool, provider_name: str) -> None:
    """Score the analyzer on labelled JSONL files (GUIDE format).

    Prints, per field: F1 and accuracy for career, specific and measurable; accuracy of
    time and period; exact deadline and numbers; F1 per flag; accuracy of attainable and
    relevant where labelled; and the share of statements with every field right. With
    several files, one column per file, side by side.

    \b
    Examples:
        cairn smart-eval tests/data/smart/dev.jsonl
        cairn smart-eval tests/data/smart/dev.jsonl --json
        cairn smart-eval tests/data/smart/dev.jsonl --mistakes
        cairn smart-eval tests/data/smart/dev.jsonl --provider both
        cairn smart-eval tests/data/smart/dev.jsonl tests/data/smart/extra.jsonl \\
            tests/data/smart/corpus/train.jsonl tests/data/smart/corpus/eval.jsonl
    """
    if len(paths) > 1:
        _side_by_side(paths, provider_name, as_json)
        return
    path = paths[0]
    rows = _read(path)
    from cairn.smart.evaluate import evaluate

    comparison = None
    if provider_name == "both":
        comparison = compare_providers(rows)
    report = evaluate(rows, analyzer=_analyzer("rules" if provider_name == "rules" else "data"))
    summary = report.summary()
    summary["provider"] = "rules" if provider_name == "rules" else "data"
    if comparison is not None:
        summary["with_context"] = comparison
    if as_json:
        if mistakes:
            summary["mistakes"] = report.mistakes
        click.echo(json.dumps(summary, indent=2))
        return
    click.echo(format_summary(summary))
    if comparison is not None:
        click.echo("")
        click.echo(format_comparison(comparison))
    if mistakes:
        for mistake in report.mistakes:
            click.echo(f"\n{mistake['id']}: {mistake['text']}")
            click.echo(f"  expected {mistake['expected']}")
            click.echo(f"  got      {mistake['got']}")


def _read(path: str) -> list[dict[str, Any]]:
    from cairn.smart.evaluate import read_jsonl

    with open(path, encoding="utf-8") as handle:
        try:
            return read_jsonl(handle)
        except ValueError as error:
            raise click.ClickException(f"{path}: {error}") from error


def _side_by_side(paths: tuple[str, ...], provider_name: str, as_json: bool) -> None:
    """Every figure of several files in one table: one column per file."""
    from cairn.smart.evaluate import evaluate

    analyzer = _analyzer("rules" if provider_name == "rules" else "data")
    summaries = {path: evaluate(_read(path), analyzer=analyzer).summary() for path in paths}
    if as_json:
        click.echo(json.dumps(summaries, indent=2))
        return
    click.echo(format_columns(summaries))


def figures(summary: dict[str, Any]) -> list[tuple[str, float]]:
    """(name, value) of every figure, in the order the single-file table prints them."""
    rows = [(f"{name} accuracy", summary[name]["accuracy"]) for name in ("career", "specific",
            "measurable")]  # fmt: skip
    rows += [("time accuracy", summary["time"]["accuracy"]),
             ("period accuracy", summary["period"]["accuracy"]),
             ("deadline exact", summary["deadline"]["exact"]),
             ("numbers exact", summary["numbers"]["exact"])]  # fmt: skip
    rows += [(f"flag {flag} F1", scores["f1"]) for flag, scores in summary["flags"].items()]
    rows += [(f"{name} accuracy", summary[name]["accuracy"]) for name in ("attainable",
             "relevant")]  # fmt: skip
    rows.append(("all fields accuracy", summary["all_fields"]["accuracy"]))
    return rows


def format_columns(summaries: dict[str, dict[str, Any]]) -> str:
    names = [path.rsplit("/", 1)[-1] for path in summaries]
    width = max(10, *(len(name) for name in names)) + 2
    lines = ["figure".ljust(28) + "".join(name.rjust(width) for name in names),
             "statements".ljust(28) + "".join(str(s["statements"]).rjust(width)
                                               for s in summaries.values())]  # fmt: skip
    columns = [figures(summary) for summary in summaries.values()]
    for index, (label, _) in enumerate(columns[0]):
        values = "".join(f"{column[index][1]:.3f}".rjust(width) for column in columns)
        lines.append(label.ljust(28) + values)
    return "\n".join(lines)


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
    if "provider" in summary:
        lines.append(f"{'provider':<16} {summary['provider']}")
    return "\n".join(lines)


def _analyzer(provider_name: str) -> Callable[..., Any]:
    """`analyze` with the data provider, or the analyzer's rule-based default."""
    from cairn.smart import analyze

    if provider_name == "rules":
        return analyze
    from cairn.careerdata.provider import DataProvider

    return functools.partial(analyze, provider=DataProvider())


def compare_providers(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Attainable and relevant accuracy on the rows with a context, per provider."""
    from cairn.smart.evaluate import evaluate

    with_context = [row for row in rows if row.get("context")]
    figures: dict[str, Any] = {"statements": len(with_context)}
    for name in ("rules", "data"):
        summary = evaluate(with_context, analyzer=_analyzer(name)).summary()
        figures[name] = {field: summary[field] for field in ("attainable", "relevant")}
    return figures


def format_comparison(comparison: dict[str, Any]) -> str:
    lines = [f"with context: {comparison['statements']} statements",
             "field            rules    data   (labelled)"]  # fmt: skip
    for name in ("attainable", "relevant"):
        rules, data = comparison["rules"][name], comparison["data"][name]
        lines.append(f"{name:<16} {rules['accuracy']:.3f}    {data['accuracy']:.3f}  "
                     f"({rules['labelled']})")  # fmt: skip
    return "\n".join(lines)
