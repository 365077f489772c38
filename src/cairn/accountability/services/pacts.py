"""The buddy pact: agree on the rules, note the check-in habit, end it (access ends at once)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cairn.accountability.models import CircleMember, GoalShare, Pact
from cairn.accounts.models import User


@transaction.atomic
def agree(pact: Pact, *, user: User) -> Pact:
    """`user` confirms they read the other's shared goals and timelines and agree to them."""
    field = "first_agreed_at" if user.pk == pact.first_id else "second_agreed_at"
    Pact.objects.filter(pk=pact.pk).update(**{field: timezone.now()})
    pact.refresh_from_db()
    return pact


@transaction.atomic
def set_habit(pact: Pact, *, habit: str, review_every_months: int) -> Pact:
    if not 1 <= review_every_months <= 12:
        raise ValidationError({"review_every_months": "Review at least once a year."})
    pact.checkin_habit = habit.strip()[:300]
    pact.review_every_months = review_every_months
    pact.save(update_fields=["checkin_habit", "review_every_months"])
    return pact


@transaction.atomic
def end(pact: Pact, *, by: User) -> Pact:
    """End the pact: from now on neither sees what the other shared through it."""
    Pact.objects.filter(pk=pact.pk, ended_at__isnull=True).update(ended_at=timezone.now())
    GoalShare.objects.filter(pact=pact).delete()
    pact.refresh_from_db()
    return pact


@transaction.atomic
def leave_circle(membership: CircleMember) -> None:
    """A member leaves a circle, or its owner removes them."""
    membership.delete()
