from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from cairn.accounts import services
from cairn.accounts.models import Profile, User, time_zone_choices


class SignupForm(forms.Form):
    username = forms.CharField(max_length=150, widget=forms.TextInput(attrs={"autofocus": True}))
    email = forms.EmailField(help_text="Used only to reset your password and send your reminders.")
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", "The two passwords differ.")
        if User.objects.filter(email__iexact=data.get("email", "")).exists():
            self.add_error("email", "An account with this email already exists.")
        return data

    def create_account(self) -> User:
        """The account, made by accounts.services; its refusals shown beside the fields."""
        try:
            return services.create_user(
                username=self.cleaned_data["username"],
                email=self.cleaned_data["email"],
                password=self.cleaned_data["password1"],
            )
        except ValidationError as error:
            self._attach(error)
            raise

    def _attach(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                target = "password1" if field == "password" else field
                self.add_error(target if target in self.fields else None, errors)
        else:
            self.add_error("password1", error)


class ThrottledLoginForm(AuthenticationForm):
    """Django's login form, refusing further tries after repeated failures."""

    def clean(self) -> dict[str, Any]:
        username = (self.data.get("username") or "").strip()
        if username and services.login_is_throttled(username):
            raise ValidationError(
                "Too many failed attempts for this account. Wait a few minutes, "
                "or reset your password.",
                code="throttled",
            )
        try:
            return super().clean()
        except ValidationError:
            if username:
                services.record_failed_login(username, self._ip())
            raise

    def _ip(self) -> str | None:
        return self.request.META.get("REMOTE_ADDR") if self.request else None


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=time_zone_choices)

    class Meta:
        model = Profile
        fields = list(services.PROFILE_FIELDS)  # the form edits what the service saves
        widgets = {"vision": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "pay_amount": "Private: only you ever see it.",
            "vision": "Where do you want your career to take you?",
        }

    def clean_pay_currency(self) -> str:
        value = (self.cleaned_data.get("pay_currency") or "").strip().upper()
        if value and (len(value) != 3 or not value.isalpha()):
            raise ValidationError("Use a three-letter currency code, like USD or EUR.")
        return value
