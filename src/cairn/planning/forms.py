"""One form per step of the guided session. Each reads its start values from the session
and turns what was typed into the `data` that planning.services.save_step takes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from cairn.accounts.models import Profile
from cairn.goals.assess import profile_context
from cairn.goals.forms import DateInput, GoalForm, long_text
from cairn.goals.models import Area, Goal, Period, RewardSize
from cairn.goals.rules import horizon_for
from cairn.planning.models import PlanSession
from cairn.planning.services import all_ideas, ladder_parents
from cairn.planning.session_state import OWN_AREA, SessionState
from cairn.smart import analyze

BRAINSTORM_AREAS = [(area.value, area.label) for area in Area if area != Area.OTHER]
IDEAS_MAX = 3000


class StepForm(forms.Form):
    def __init__(self, *args: Any, session: PlanSession, **kwargs: Any) -> None:
        self.session = session
        kwargs.setdefault("initial", self.start_values(session))
        super().__init__(*args, **kwargs)

    def start_values(self, session: PlanSession) -> dict[str, Any]:
        return {}

    def to_data(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class BrainstormForm(StepForm):
    own_area = forms.CharField(required=False, max_length=100, label="An area of your own")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in [*BRAINSTORM_AREAS, (OWN_AREA, "Your own area")]:
            self.fields[f"ideas_{key}"] = forms.CharField(
                required=False,
                max_length=IDEAS_MAX,
                label=f"Ideas: {label}",
                help_text="One idea a line. Quantity first: judge later.",
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def start_values(self, session: PlanSession) -> dict[str, Any]:
        saved = SessionState(session).brainstorm
        values = {f"ideas_{k}": "\n".join(v) for k, v in saved.ideas.items()}
        return {**values, "own_area": saved.own_area}

    def to_data(self) -> dict[str, Any]:
        ideas = {
            name.removeprefix("ideas_"): [line for line in value.splitlines() if line.strip()]
            for name, value in self.cleaned_data.items()
            if name.startswith("ideas_")
        }
        ideas = {area: lines for area, lines in ideas.items() if lines}
        return {"ideas": ideas, "areas": list(ideas), "own_area": self.cleaned_data["own_area"]}


class DraftForm(StepForm):
    idea = forms.ChoiceField(required=False, widget=forms.RadioSelect, label="Start from an idea")
    statement = GoalForm.base_fields["statement"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ideas = all_ideas(self.session)
        self.fields["idea"].choices = [(idea, idea) for idea in ideas]  # type: ignore[attr-defined]
        if not ideas:
            del self.fields["idea"]

    def start_values(self, session: PlanSession) -> dict[str, Any]:
        statement = session.goal.statement if session.goal else ""
        return {"statement": statement, "idea": SessionState(session).idea}


def _goal_field(name: str) -> forms.Field:
    field = GoalForm.base_fields[name]
    return field


def _read_from_statement(goal: Goal, values: dict[str, Any]) -> dict[str, Any]:
    """What the analyzer read in the statement fills the fields still empty: a person
    who wrote "by June 2027" should not have to type the date again."""
    found = analyze(goal.statement, today=timezone.localdate())
    filled: dict[str, Any] = {}
    if values.get("deadline") is None and found.deadline:
        filled["deadline"] = found.deadline
        if not values.get("horizon") and found.deadline >= timezone.localdate():
            filled["horizon"] = horizon_for(found.deadline, timezone.localdate())
    if not values.get("frequency_period") and found.period in Period.values and found.numbers:
        filled |= {"frequency_period": found.period, "frequency_count": int(found.numbers[0])}
    if values.get("metric_target") is None and len(found.numbers) == 1 and not found.period:
        filled["metric_target"] = found.numbers[0]
    return filled


class SmartForm(StepForm):
    metric_baseline = _goal_field("metric_baseline")
    metric_target = _goal_field("metric_target")
    metric_unit = _goal_field("metric_unit")
    deadline = _goal_field("deadline")
    confirm_past_deadline = _goal_field("confirm_past_deadline")
    frequency_count = _goal_field("frequency_count")
    frequency_period = _goal_field("frequency_period")
    horizon = _goal_field("horizon")
    specific_note = long_text("What exactly, and where?", max_length=2000, rows=2)
    attainable_note = long_text("Why you can do it", max_length=2000, rows=2)
    network_contact = forms.CharField(
        required=False,
        max_length=2000,
        label="Someone in your network to ask whether it is realistic",
    )
    relevant_note = long_text("How it serves your field or your vision", max_length=2000, rows=2)
    role_title = forms.CharField(required=False, max_length=200, label="Your current role")
    pay_amount = forms.DecimalField(
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        label="Your current yearly pay (private)",
    )
    years_experience = forms.IntegerField(
        required=False, min_value=0, max_value=80, label="Years of experience"
    )
    field = forms.CharField(required=False, max_length=200, label="Your field or industry")
    vision = long_text("Your career vision", max_length=2000, rows=2)
    PROFILE = ("role_title", "years_experience", "pay_amount", "field", "vision")
    GOAL = ("metric_baseline", "metric_target", "metric_unit", "deadline", "frequency_count")
    GOAL_ALL = (*GOAL, "frequency_period", "horizon")

    def start_values(self, session: PlanSession) -> dict[str, Any]:
        goal: Goal | None = session.goal
        values = {name: getattr(goal, name) for name in self.GOAL_ALL} if goal else {}
        if goal is not None:
            values |= _read_from_statement(goal, values)
        profile = Profile.objects.filter(user=session.owner).first()
        if profile:
            values |= {name: getattr(profile, name) for name in self.PROFILE}
            values["pay_amount"] = profile_context(profile).get("salary")  # shown per year
        return {**values, **SessionState(session).notes}

    def to_data(self) -> dict[str, Any]:
        data = {
            name: value for name, value in self.cleaned_data.items() if name not in self.PROFILE
        }
        data["frequency_count"] = data.get("frequency_count") or None
        profile = {
            name: self.cleaned_data[name] for name in self.PROFILE if self.cleaned_data[name]
        }
        if "pay_amount" in profile:
            profile["pay_period"] = "year"
        return {**data, "profile": profile}


class LadderForm(StepForm):
    parent = forms.ModelChoiceField(
        queryset=Goal.objects.none(), required=False, label="This goal serves the longer goal"
    )
    new_rung_statement = forms.CharField(
        required=False, max_length=500, label="Or draft the longer goal it serves"
    )
    new_rung_horizon = forms.TypedChoiceField(
        choices=[(5, "5 years"), (10, "10 years")],
        coerce=int,
        required=False,
        empty_value=None,
        label="Its horizon",
    )

    new_child_statement = forms.CharField(
        required=False, max_length=500, label="Draft a shorter goal this one needs"
    )
    new_child_horizon = forms.TypedChoiceField(
        choices=[(1, "1 year"), (5, "5 years")],
        coerce=int,
        required=False,
        empty_value=None,
        label="Its horizon",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        goals = ladder_parents(self.session)
        self.fields["parent"].queryset = goals  # type: ignore[attr-defined]

    def start_values(self, session: PlanSession) -> dict[str, Any]:
        return {"parent": session.goal.parent_id if session.goal else None}


REWARD_EXAMPLES = {
    RewardSize.SMALL: "a favourite meal, a book, an afternoon off",
    RewardSize.MEDIUM: "a concert, a new gadget, a weekend away",
    RewardSize.LARGE: "a trip you have long wanted, a course for pleasure, a sabbatical week",
}


class RewardForm(StepForm):
    reward_size = forms.ChoiceField(
        choices=[(size.value, f"{size.label}: {REWARD_EXAMPLES[size]}") for size in RewardSize],
        widget=forms.RadioSelect,
        required=False,
        label="How big is this goal?",
    )
    reward = forms.CharField(required=False, max_length=300, label="Your reward")

    def start_values(self, session: PlanSession) -> dict[str, Any]:
        goal = session.goal
        return {"reward": goal.reward, "reward_size": goal.reward_size} if goal else {}


class EmptyForm(StepForm):
    """Steps whose page saves through other forms (micro-goals) or nothing (review)."""

    def to_data(self) -> dict[str, Any]:
        return {}


class ReflectForm(StepForm):
    answer = forms.CharField(
        required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )


STEP_FORMS: dict[str, type[StepForm]] = {
    "brainstorm": BrainstormForm,
    "draft": DraftForm,
    "smart": SmartForm,
    "ladder": LadderForm,
    "breakdown": EmptyForm,
    "reward": RewardForm,
    "review": EmptyForm,
}

__all__ = ["STEP_FORMS", "DateInput", "ReflectForm"]
