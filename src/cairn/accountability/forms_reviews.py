"""Forms of review meetings: the agreed date and time, a decision per goal, each side's notes.
They parse input; the rules (no date in the past, a reason to adjust or abandon) run in
services/reviews.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from cairn.accountability.models import ReviewDecision
from cairn.accountability.services.reviews import local_datetime
from cairn.goals.forms import DateInput, long_text
from cairn.goals.models import STATEMENT_MAX, Goal, Status

Decision = ReviewDecision.Decision
ADJUSTABLE = ("statement", "deadline", "metric_target")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class ScheduleForm(forms.Form):
    date = forms.DateField(widget=DateInput())
    time = forms.TimeField(widget=TimeInput(), help_text="In your time zone.")

    def when(self) -> dt.datetime:
        return local_datetime(self.cleaned_data["date"], self.cleaned_data["time"])


class NotesForm(forms.Form):
    notes = long_text("Your notes", max_length=5000, rows=4)


class DecisionForm(forms.Form):
    """One goal's decision; the adjust fields start from the goal's current values."""

    decision = forms.ChoiceField(choices=Decision.choices, widget=forms.RadioSelect)
    note = long_text(
        "Why? (needed to adjust or abandon; kept in the goal's history)", max_length=2000, rows=2
    )
    statement = long_text("Statement", max_length=STATEMENT_MAX, rows=2)
    deadline = forms.DateField(required=False, widget=DateInput())
    metric_target = forms.DecimalField(
        required=False,
        max_digits=14,
        decimal_places=2,
        label="Target",
        error_messages={"invalid": "Enter a number, like 85000 or 12.5."},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    confirm_past_deadline = forms.BooleanField(
        required=False, label="Yes, keep a deadline in the past"
    )

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"goal-{goal.pk}")
        kwargs.setdefault("initial", {name: getattr(goal, name) for name in ADJUSTABLE})
        super().__init__(*args, **kwargs)
        self.goal = goal
        if not goal.has_metric:
            del self.fields["metric_target"]
        choices = dict(Decision.choices)
        if goal.status == Status.PAUSED:
            choices[Decision.KEEP] = "Resume"
            del choices[Decision.PAUSE]
        self.fields["decision"].choices = list(choices.items())  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") in (Decision.ADJUST, Decision.ABANDON) and not data.get("note"):
            self.add_error("note", "Say why: the reason is kept in the goal's history.")
        return data

    def adjust_fields(self) -> dict[str, Any]:
        """The goal's new statement, deadline and target (an empty statement keeps it)."""
        data = self.cleaned_data
        changes = {name: data[name] for name in ADJUSTABLE if name in self.fields}
        changes["statement"] = changes["statement"].strip() or self.goal.statement
        return changes
