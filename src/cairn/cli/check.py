"""`cairn check`: is a goal statement SMART? (Does not import Django: it starts fast.)"""

from __future__ import annotations

import json
import os
import sys
from typing import IO, TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from cairn.smart.knowledge import KnowledgeProvider
    from cairn.smart.model import Assessment
    from cairn.smart.verdict import Verdict

# Colours of evidence in the terminal: numbers green, times cyan, problems yellow/red.
EVIDENCE_STYLE = {
    "money": "green", "percent": "green", "count": "green", "deadline": "cyan",
    "time limit": "cyan", "frequency": "cyan", "pay rate": "green", "credential": "blue",
    "title": "blue", "outcome": "blue", "action verb": "magenta", "vague word": "yellow",
    "vague time": "yellow", "invalid date": "red", "personal": "yellow",
}  # fmt: skip


@click.command()
@click.argument("text", required=False)
@click.option("--today", metavar="YYYY-MM-DD", help="Resolve relative dates against this day.")
@click.option("--role", help="Your current role, e.g. 'software engineer'.")
@click.option("--field", "field_", metavar="FIELD", help="Your field, e.g. 'marketing'.")
@click.option("--years", type=float, help="Years of experience.")
@click.option("--salary", type=float, help="Current yearly salary (a number).")
@click.option("--currency", help="Currency of the salary, e.g. USD.")
@click.option("--vision", help="Where you want to go, in a sentence.")
@click.option("--state", help="US state for pay figures, e.g. CA (with the career data).")
@click.option(
    "--data/--no-data",
    "use_data",
    default=True,
    show_default=True,
    help="Judge attainable/relevant with O*NET and BLS data when a role or vision is given.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the assessment as JSON.")
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit with status 1 when the statement is not SMART yet (for scripts and hooks).",
)
@click.option(
    "--jsonl",
    "jsonl_path",
    type=click.File("r", encoding="utf-8"),
    help="Check every line of a JSONL file ('-' for standard input); prints JSON lines.",
)
def check(
    text: str | None,
    today: str | None,
    role: str | None,
    field_: str | None,
    years: float | None,
    salary: float | None,
    currency: str | None,
    vision: str | None,
    state: str | None,
    use_data: bool,
    as_json: bool,
    exit_code: bool,
    jsonl_path: IO[str] | None,
) -> None:
    """Check a goal statement against S-M-A-R-T.

    Shows which letters pass, the words that count as evidence, and how to fix the rest.
    Without TEXT (or with TEXT "-") the statement is read from standard input. Colours
    are left out when the output is not a terminal or NO_COLOR is set.
    With --jsonl, each input line is {"text": ..., "id": ..., "today": ..., "context": {...}}
    and each output line is the assessment with the id echoed; a bad line gets
    {"id": ..., "error": ...} and the rest go on.

    \b
    Examples:
        cairn check "earn $100K a year by 2027"
        cairn check "learn Rust by June" --role "marketing specialist" --field marketing
        cairn check "earn 65k next year" --salary 62000 --currency USD --today 2026-04-10
        cairn check "earn 100K by 2027" --role "market research analyst" --state CA
        cairn check "learn Rust" --role "marketing specialist" --no-data
        cairn check "get my PMP certification by June 2026" --json
        echo "run a half marathon this spring" | cairn check
        cairn check --exit-code "get better at my job" || echo "not SMART yet"
        cairn check --jsonl goals.jsonl > assessments.jsonl
        echo '{"id": 1, "text": "network more"}' | cairn check --jsonl -
    """
    from cairn.smart import analyze  # imported here: `cairn --help` stays instant

    if jsonl_path is not None:
        if text is not None:
            raise click.UsageError("Give either TEXT or --jsonl, not both.")
        _check_lines(jsonl_path, _provider(use_data, state))
        return
    text = _statement(text)
    if today is not None and not _is_iso_date(today):
        raise click.BadParameter("use YYYY-MM-DD", param_hint="--today")
    context = {"role": role, "field": field_, "years_experience": years, "salary": salary,
               "currency": currency, "vision": vision}  # fmt: skip
    provider = _provider(use_data and bool(role or vision), state)
    result = analyze(text, today=today, context=context, provider=provider)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render(result), color=False if os.environ.get("NO_COLOR") else None)
    if exit_code and not _is_smart(result):
        sys.exit(1)


def _statement(text: str | None) -> str:
    """TEXT, or standard input when TEXT is missing or "-" and something is piped in."""
    if text is not None and text != "-":
        return text
    stdin = sys.stdin
    piped = "" if stdin.isatty() else stdin.read()
    if not piped.strip():
        raise click.UsageError(
            'Give a goal statement, e.g. cairn check "earn 100K by 2027", or pipe one in.'
        )
    return piped.strip()


def _is_smart(result: Assessment) -> bool:
    from cairn.smart.verdict import verdict

    return verdict(result).is_smart


def _provider(use_data: bool, state: str | None) -> KnowledgeProvider | None:
    """The data-backed provider (its data loads only when a context needs it), or None
    for the analyzer's rule-based default."""
    if not use_data:
        return None
    try:
        from cairn.careerdata.dataset import available
        from cairn.careerdata.provider import DataProvider
    except ImportError:  # pragma: no cover - a trimmed install
        return None
    return DataProvider(state=state) if available() else None


def _is_iso_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_lines(stream: IO[str], provider: KnowledgeProvider | None = None) -> None:
    """One JSON line out per JSON line in; errors are reported per line."""
    from cairn.smart import analyze

    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        output: dict[str, Any]
        row_id: Any = None
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("expected a JSON object")
            row_id = row.get("id")
            text = row.get("text")
            if not isinstance(text, str):
                raise ValueError("'text' must be a string")
            context = row.get("context")
            if context is not None and not isinstance(context, dict):
                raise ValueError("'context' must be an object")
            today = row.get("today")
            if today is not None and not (isinstance(today, str) and _is_iso_date(today)):
                raise ValueError("'today' must be a YYYY-MM-DD date")
            result = analyze(text, today=today, context=context, provider=provider)
            output = {"id": row_id, **result.to_dict()}
        except (ValueError, TypeError) as error:  # JSONDecodeError is a ValueError
            output = {"id": row_id, "line": number, "error": str(error)}
        click.echo(json.dumps(output, ensure_ascii=False))


def render(result: Assessment) -> str:
    """A readable verdict: letters, the statement with evidence highlighted, advice. The
    letters, evidence and advice are the goal form's (cairn.smart.verdict)."""
    from cairn.smart.verdict import verdict

    found = verdict(result)
    lines = [letters_line(found), "", "  " + highlight(found), ""]
    facts = [f"time: {result.time}"]
    if result.deadline:
        facts.append(f"deadline: {result.deadline.isoformat()}")
    if result.period:
        facts.append(f"every {result.period}")
    if result.numbers:
        facts.append("numbers: " + ", ".join(f"{n:,}" for n in result.numbers))
    if result.flags:
        facts.append("flags: " + ", ".join(result.flags))
    lines.append("  " + " · ".join(facts))
    for reason in [*found.attainable_reasons, *found.relevant_reasons]:
        lines.append(click.style(f"  ({reason.source}) {reason.text}", dim=True))
    if found.suggestions:
        lines.append("")
        lines.append(click.style("Suggestions", bold=True))
        for suggestion in found.suggestions:
            lines.append(f"  [{suggestion.key}] {suggestion.message}")
            if suggestion.rewrite:
                lines.append(click.style(f"      try: {suggestion.rewrite}", fg="green"))
    return "\n".join(lines)


def letters_line(found: Verdict) -> str:
    """S ✓  M ✗  A ?  ... and "SMART" or "not SMART yet", coloured for a terminal."""
    marks = []
    for letter, passed in found.letters.items():
        if passed is True:
            marks.append(click.style(f"{letter} ✓", fg="green", bold=True))
        elif passed is False:
            marks.append(click.style(f"{letter} ✗", fg="red", bold=True))
        else:
            marks.append(click.style(f"{letter} ?", dim=True))
    verdict = "SMART" if found.is_smart else "not SMART yet"
    if not found.assessment.career:
        verdict += " (not a career goal)"
    return "  ".join(marks) + "   " + click.style(verdict, bold=True)


def highlight(found: Verdict) -> str:
    """The statement with its evidence pieces styled (the same pieces the web marks)."""
    return "".join(
        click.style(piece, fg=EVIDENCE_STYLE.get(kind, "white"), underline=True) if kind else piece
        for piece, kind in found.pieces
    )
