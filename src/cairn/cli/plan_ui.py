"""How `cairn plan` talks to a person: a small prompt interface, its questionary
implementation, and helpers that keep what was typed when an answer is refused."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol, TypeVar

import click
from django.core.exceptions import ValidationError

from cairn.smart import dates

T = TypeVar("T")
Validator = Callable[[str], str | None]  # returns an error message, or None when fine
STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True},
    "error": {"fg": "red", "bold": True},
    "warn": {"fg": "yellow"},
    "ok": {"fg": "green"},
    "dim": {"dim": True},
}


class Prompter(Protocol):
    """What the steps need from a terminal; tests pass a scripted one."""

    def say(self, text: str = "", style: str | None = None) -> None: ...

    def text(
        self,
        message: str,
        *,
        default: str = "",
        instruction: str | None = None,
        validate: Validator | None = None,
    ) -> str: ...

    def select(
        self, message: str, choices: Sequence[tuple[str, Any]], *, default: Any = None
    ) -> Any: ...

    def checkbox(
        self, message: str, choices: Sequence[tuple[str, Any]], *, checked: Sequence[Any] = ()
    ) -> list[Any]: ...

    def confirm(self, message: str, *, default: bool = True) -> bool: ...


class QuestionaryPrompter:
    """The real terminal. Ctrl-C raises KeyboardInterrupt (unsafe_ask), never returns None."""

    def say(self, text: str = "", style: str | None = None) -> None:
        click.echo(click.style(text, **STYLES.get(style or "", {})))

    def text(
        self,
        message: str,
        *,
        default: str = "",
        instruction: str | None = None,
        validate: Validator | None = None,
    ) -> str:
        import questionary

        def check(value: str) -> bool | str:
            problem = validate(value) if validate else None
            return problem or True

        question = questionary.text(
            message, default=default or "", instruction=instruction, validate=check
        )
        return str(question.unsafe_ask()).strip()

    def select(
        self, message: str, choices: Sequence[tuple[str, Any]], *, default: Any = None
    ) -> Any:
        import questionary

        # questionary turns a None value into the title: answer with positions instead.
        options = [questionary.Choice(title, value=i) for i, (title, _) in enumerate(choices)]
        start = next((i for i, (_, value) in enumerate(choices) if value == default), 0)
        picked = questionary.select(message, options, default=options[start]).unsafe_ask()
        return choices[picked][1]

    def checkbox(
        self, message: str, choices: Sequence[tuple[str, Any]], *, checked: Sequence[Any] = ()
    ) -> list[Any]:
        import questionary

        options = [
            questionary.Choice(title, value=i, checked=value in checked)
            for i, (title, value) in enumerate(choices)
        ]
        hint = "(space to tick, enter when done)"
        picked = questionary.checkbox(message, options, instruction=hint).unsafe_ask()
        return [choices[i][1] for i in picked]

    def confirm(self, message: str, *, default: bool = True) -> bool:
        import questionary

        return bool(questionary.confirm(message, default=default).unsafe_ask())


def show_error(ui: Prompter, error: ValidationError) -> None:
    for message in error.messages:
        ui.say(f"  ✗ {message}", "error")


def error_fields(error: ValidationError) -> set[str]:
    return set(error.message_dict) if hasattr(error, "error_dict") else set()


def fill(
    ui: Prompter,
    askers: dict[str, Callable[[dict[str, Any]], Any]],
    save: Callable[[dict[str, Any]], None],
    values: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Ask each field, save them together; on a refusal show why and ask again only the
    fields named in the error, with what was typed as the default (nothing is lost).
    Each asker gets the values so far (its own earlier answer included)."""
    values = dict(values or {})
    pending = list(askers)
    while True:
        for name in pending:
            values[name] = askers[name](values)
        try:
            save(values)
        except ValidationError as error:
            show_error(ui, error)
            named = [name for name in askers if name in error_fields(error)]
            pending = named or list(askers)
        else:
            return values


# --- parsing typed values ---------------------------------------------------------------

RELATIVE = re.compile(r"^\+\s*(\d+)\s*([dwmy])$", re.IGNORECASE)


def parse_date(value: Any, today: dt.date) -> dt.date:
    """A date from YYYY-MM-DD, a date object, or +N d/w/m/y counted from today."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    relative = RELATIVE.match(text)
    if relative:
        count, unit = int(relative.group(1)), relative.group(2).lower()
        try:
            if unit in "dw":
                return today + dt.timedelta(days=count * (7 if unit == "w" else 1))
        except OverflowError:
            raise ValueError(f"{text!r} is past the year 9999") from None
        later = dates.add_months(today, count * (12 if unit == "y" else 1))
        if later is None:
            raise ValueError(f"{text!r} is past the year 9999")
        return later
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date: write YYYY-MM-DD or +N days (+90d)") from None


def parse_number(value: Any) -> Decimal:
    text = str(value).replace(",", "").replace("_", "").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{text!r} is not a number")
    return number


def date_validator(today: dt.date, *, optional: bool = False, not_past: bool = True) -> Validator:
    def check(text: str) -> str | None:
        if optional and not text.strip():
            return None
        try:
            day = parse_date(text, today)
        except ValueError as error:
            return str(error)
        if not_past and day < today:
            return "That date is in the past: choose today or later."
        return None

    return check


def number_validator(*, optional: bool = False, whole: bool = False) -> Validator:
    def check(text: str) -> str | None:
        if optional and not text.strip():
            return None
        try:
            number = parse_number(text)
        except ValueError as error:
            return str(error)
        if whole and (number != number.to_integral_value() or number < 1):
            return "Enter a whole number, 1 or more."
        return None

    return check


def ask_date(
    ui: Prompter, message: str, today: dt.date, default: dt.date | None, *, optional: bool = False
) -> dt.date | None:
    text = ui.text(
        message,
        default=default.isoformat() if default else "",
        instruction="(YYYY-MM-DD, or +90d, +6m, +1y)",
        validate=date_validator(today, optional=optional),
    )
    return parse_date(text, today) if text.strip() else None


def ask_number(
    ui: Prompter, message: str, default: Any, *, optional: bool = False
) -> Decimal | None:
    shown = "" if default is None else format(Decimal(default).normalize(), "f")
    text = ui.text(message, default=shown, validate=number_validator(optional=optional))
    return parse_number(text) if text.strip() else None
