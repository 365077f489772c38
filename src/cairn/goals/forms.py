"""Forms parse and type-check input; the business rules live in rules.py and run in services."""

from __future__ import annotations

from typing import Any

from django import forms

from cairn.goals.models import (
    STATEMENT_MAX,
    Area,
    Goal,
    Horizon,
    Period,
    Prompt,
    RewardSize,
)
from cairn.goals.rules import parent_choices
from cairn.goals.services.reflections import ANSWER_MAX


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def long_text(label: str, *, max_length: int = 2000, rows: int = 2) -> forms.CharField:
    """An optional free-text answer in a box of a few lines."""
    return forms.CharField(
        required=False,
        max_length=max_length,
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _number(label: str, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text=help_text,
        error_messages={"invalid": "Enter a number, like 85000 or 12.5."},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class GoalForm(forms.Form):
    statement = forms.CharField(
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One actionable sentence: 'earn $100K a year by 2027', not 'lots of money'.",
    )
    area = forms.ChoiceField(choices=Area.choices, initial=Area.OTHER)
    horizon = forms.TypedChoiceField(
        choices=[("", "None"), *list(Horizon.choices)], coerce=int, required=False, empty_value=None
    )
    parent = forms.ModelChoiceField(
        queryset=Goal.objects.none(), required=False, label="Serves the longer goal"
    )
    metric_unit = forms.CharField(max_length=50, required=False, label="Unit (e.g. USD, clients)")
    metric_baseline = _number("Baseline", "Where you start.")
    metric_target = _number("Target", "Where you want to be.")
    deadline = forms.DateField(required=False, widget=DateInput())
    confirm_past_deadline = forms.BooleanField(
        required=False, label="Yes, keep a deadline in the past"
    )
    frequency_count = forms.IntegerField(
        required=False, min_value=1, max_value=1000, label="How many times"
    )
    frequency_period = forms.ChoiceField(
        choices=[("", "—"), *list(Period.choices)], required=False, label="per"
    )
    reward = forms.CharField(max_length=300, required=False, label="Your reward")
    reward_size = forms.ChoiceField(
        choices=[("", "—"), *list(RewardSize.choices)], required=False, label="Reward size"
    )

    def __init__(self, *args: Any, owner: Any, goal: Goal | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parent_choices(owner, goal)  # type: ignore[attr-defined]

    def goal_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("confirm_past_deadline", None)
        data["frequency_count"] = data.get("frequency_count") or None
        return data


class ReasonForm(forms.Form):
    reason = long_text("Why this change? (kept in the goal's history)", max_length=2000, rows=2)


class EditGoalForm(GoalForm, ReasonForm):
    def goal_fields(self) -> dict[str, Any]:
        data = super().goal_fields()
        data.pop("reason", None)
        return data


class StepForm(forms.Form):
    title = forms.CharField(max_length=200, label="Micro-goal")
    action_plan = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    deadline = forms.DateField(required=False, widget=DateInput())
    resources = long_text("Resources needed", max_length=2000, rows=2)
    helpers = forms.CharField(required=False, max_length=300, label="Who can help")
    done_when = forms.CharField(required=False, max_length=300, label="Done when")
    if_then = forms.CharField(
        required=False,
        max_length=300,
        label="If-then plan",
        help_text="e.g. “If it is Monday 8:00, then I apply to two jobs.”",
    )


class CheckInForm(forms.Form):
    date = forms.DateField(required=False, widget=DateInput(), help_text="Today if left empty.")
    value = _number("Value reached")
    note = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AchieveForm(forms.Form):
    hard = long_text("What was especially hard?", max_length=5000, rows=3)
    easy = long_text("What was easy?", max_length=5000, rows=3)
    helped = long_text("Who helped?", max_length=5000, rows=3)
    differently = long_text("What would you do differently next time?", max_length=5000, rows=3)


class AbandonForm(forms.Form):
    reason = forms.CharField(
        max_length=2000,
        label="Why are you letting this goal go?",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReflectionForm(forms.Form):
    """The six prompts on one page; each answer is kept with its history."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for prompt in Prompt:
            self.fields[prompt.value] = forms.CharField(
                label=prompt.label,
                required=False,
                max_length=ANSWER_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
