"""Every change to an account or profile goes through these functions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from cairn.accounts.models import FailedLogin, Profile, User, time_zone_choices

PROFILE_FIELDS = (
    "role_title",
    "field",
    "years_experience",
    "pay_amount",
    "pay_currency",
    "pay_period",
    "vision",
    "time_zone",
    "state",
)
OCCUPATION_FIELDS = ("occupation", "target_occupation")


@transaction.atomic
def create_user(*, username: str, email: str, password: str, operator: bool = False) -> User:
    """Create an account with its empty profile; raises ValidationError on bad input. An
    operator may also use the admin (accounts, invitations, the reminder queue)."""
    email = User.objects.normalize_email(email.strip())
    validate_email(email)
    user = User(username=username.strip(), email=email, is_staff=operator, is_superuser=operator)
    user.set_password(password)
    user.full_clean()
    _refuse_lookalike(user)
    password_validation.validate_password(password, user)
    user.save()
    Profile.objects.create(user=user)
    return user


def _refuse_lookalike(user: User) -> None:
    """'Alice' next to 'alice', or ALICE@x next to alice@x, would be two accounts for one person."""
    others = User.objects.exclude(pk=user.pk)
    errors = {}
    if others.filter(username__iexact=user.username).exists():
        errors["username"] = "A user with that username already exists."
    if others.filter(email__iexact=user.email).exists():
        errors["email"] = "An account with this email already exists."
    if errors:
        raise ValidationError(errors)


def get_profile(user: User) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def update_profile(*, user: User, **values: Any) -> Profile:
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    if "time_zone" in values and values["time_zone"] not in dict(time_zone_choices()):
        raise ValidationError({"time_zone": "Choose a time zone from the list, e.g. Europe/Paris."})
    profile = get_profile(user)
    for name, value in values.items():
        setattr(profile, name, _stored(name, value))
    profile.full_clean()
    profile.save()
    return profile


def _stored(name: str, value: Any) -> Any:
    """A text field left empty is "" (the column holds no NULL); None stays None elsewhere,
    for full_clean to judge."""
    field = Profile._meta.get_field(name)
    if value is None and not field.null and field.get_internal_type() in ("CharField", "TextField"):
        return ""
    return value


@transaction.atomic
def set_occupation(*, user: User, which: str, occupation: Any) -> Profile:
    """Set (or, with None, clear) the profile's occupation or target occupation."""
    if which not in OCCUPATION_FIELDS:
        raise TypeError(f"not an occupation field: {which}")
    profile = get_profile(user)
    setattr(profile, which, occupation)
    profile.save(update_fields=[which, "updated_at"])
    return profile


def _window_start() -> Any:
    return timezone.now() - timedelta(minutes=settings.LOGIN_THROTTLE_MINUTES)


def login_is_throttled(username: str) -> bool:
    """Too many recent failures for this username: refuse to even check the password."""
    recent = FailedLogin.objects.filter(username__iexact=username, at__gte=_window_start())
    return recent.count() >= settings.LOGIN_THROTTLE_ATTEMPTS


def record_failed_login(username: str, ip_address: str | None) -> None:
    FailedLogin.objects.create(username=username[:150], ip_address=ip_address)
    # Keep the table small: old failures no longer count for anything.
    FailedLogin.objects.filter(at__lt=_window_start()).delete()


def clear_failed_logins(username: str) -> None:
    FailedLogin.objects.filter(username__iexact=username).delete()


@transaction.atomic
def set_account_active(*, user: User, active: bool) -> User:
    """An operator deactivates an account (it can no longer log in; nothing is deleted) or
    lets it in again."""
    User.objects.filter(pk=user.pk).update(is_active=active)
    user.is_active = active
    return user
