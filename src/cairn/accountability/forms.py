from __future__ import annotations

from typing import Any

from django import forms

from cairn.accountability.models import Invitation, Pact
from cairn.goals.models import Visibility


class InviteForm(forms.Form):
    kind = forms.ChoiceField(choices=Invitation.Kind.choices, widget=forms.RadioSelect)
    email = forms.EmailField(
        required=False, help_text="Optional: we email the link. Or share the code yourself."
    )


class CodeForm(forms.Form):
    code = forms.CharField(max_length=200, label="Invitation code or link")

    def clean_code(self) -> str:
        value: str = self.cleaned_data["code"].strip().rstrip("/")
        return value.rsplit("/", 1)[-1]  # a pasted link works as well as the code


class HabitForm(forms.Form):
    checkin_habit = forms.CharField(
        max_length=300,
        required=False,
        label="How you check in with each other",
        help_text="e.g. a short message every two weeks, a call before each deadline",
    )
    review_every_months = forms.IntegerField(
        min_value=1, max_value=12, initial=3, label="Review together every (months)"
    )


class SharingForm(forms.Form):
    visibility = forms.ChoiceField(choices=Visibility.choices, widget=forms.RadioSelect)
    pacts = forms.ModelMultipleChoiceField(
        queryset=Pact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Which buddies",
    )
    show_money = forms.BooleanField(
        required=False, label="Show money amounts (targets, pay) to them"
    )

    def __init__(self, *args: Any, pacts: Any, labels: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["pacts"]
        field.queryset = pacts  # type: ignore[attr-defined]
        field.label_from_instance = lambda pact: labels.get(pact.pk, "buddy")  # type: ignore[attr-defined]


class CommentForm(forms.Form):
    text = forms.CharField(
        max_length=500, label="Encouragement", widget=forms.Textarea(attrs={"rows": 2})
    )
