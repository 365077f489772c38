"""Form helpers every app's views share: a service's refusal shown beside its fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def attach_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def run_service[T](form: forms.Form, call: Callable[[], T]) -> T | None:
    """Run a service; on a rule broken, attach its message to the form and return None."""
    try:
        return call()
    except ValidationError as error:
        attach_errors(form, error)
        return None


def submit[T](form: forms.Form, call: Callable[[], T]) -> T | None:
    """Validate the form, then run the service; None when either refuses."""
    return run_service(form, call) if form.is_valid() else None


def render_form(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """Render a page with a form; a form with errors answers 400 so clients can tell."""
    form = context.get("form")
    status = 400 if form is not None and form.errors else 200
    return render(request, template, context, status=status)
