"""People: the account, the profile they tell Cairn about, and failed-login records."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from cairn.careerdata.models import STATE_CHOICES


class User(AbstractUser):
    email = models.EmailField("email address", unique=True)
    # Set when the person asks for their account to be deleted: the worker deletes it
    # then, unless they change their mind first.
    delete_after = models.DateTimeField(null=True, blank=True)


class PayPeriod(models.TextChoices):
    YEAR = "year", "per year"
    MONTH = "month", "per month"
    HOUR = "hour", "per hour"


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class Profile(models.Model):
    """What a person tells about themselves; it grounds 'attainable' and 'relevant'."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role_title = models.CharField("current role", max_length=200, blank=True)
    field = models.CharField("field or industry", max_length=200, blank=True)
    years_experience = models.PositiveSmallIntegerField(
        "years of experience", null=True, blank=True
    )
    # Current pay is private to the owner: never shown to anyone else.
    pay_amount = models.DecimalField(
        "current pay", max_digits=12, decimal_places=2, null=True, blank=True
    )
    pay_currency = models.CharField("currency", max_length=3, default="USD", blank=True)
    pay_period = models.CharField(
        max_length=5, choices=PayPeriod.choices, default=PayPeriod.YEAR, blank=True
    )
    vision = models.TextField("career vision", max_length=2000, blank=True)
    # Picked from O*NET occupations by title (careerdata); role_title stays the person's words.
    occupation = models.ForeignKey(
        "careerdata.Occupation",
        verbose_name="occupation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_occupation = models.ForeignKey(
        "careerdata.Occupation",
        verbose_name="target occupation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    state = models.CharField(
        "US state (for pay figures)", max_length=2, blank=True, choices=STATE_CHOICES
    )
    time_zone = models.CharField(max_length=64, default="UTC")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile of {self.user}"


class FailedLogin(models.Model):
    """One failed login; recent rows throttle further attempts (shared by all app processes)."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)


class ApiToken(models.Model):
    """A personal access token for the API: named, scoped, shown once, kept as a SHA-256
    digest (tokens are 256-bit random, so a plain digest is enough, and the lookup is an
    index hit), revocable; `last_used_at` says whether it is still in use."""

    class Scope(models.TextChoices):
        READ = "read", "Read"
        WRITE = "write", "Read and write"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.READ)
    prefix = models.CharField(max_length=16)  # shown in lists to tell tokens apart
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE
