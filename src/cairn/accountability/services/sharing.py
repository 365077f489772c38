"""What each goal shows to whom, and the encouragement others leave on it."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cairn.accountability.access import active_pacts, can_see
from cairn.accountability.models import Comment, GoalShare, Notice, Pact, Reaction, SharingSettings
from cairn.accounts.models import User
from cairn.goals import services as goal_services
from cairn.goals.events import announce
from cairn.goals.models import CheckIn, Goal, Visibility


@transaction.atomic
def share(
    goal: Goal, *, by: User, visibility: str, pacts: Iterable[Pact] = (), show_money: bool = False
) -> Goal:
    """Set who sees a goal: only me, chosen buddies, or my circle (and my buddies)."""
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": "Choose only me, buddies or circle."})
    chosen = list(pacts)
    own = set(active_pacts(by).values_list("pk", flat=True))
    if any(pact.pk not in own for pact in chosen):
        raise ValidationError({"pacts": "Choose among your own buddies."})
    if visibility == Visibility.BUDDY and not chosen:
        raise ValidationError({"pacts": "Choose at least one buddy to share with."})
    goal = goal_services.update_goal(goal, by=by, visibility=visibility)
    GoalShare.objects.filter(goal=goal).exclude(pact__in=chosen).delete()
    for pact in chosen if visibility == Visibility.BUDDY else []:
        GoalShare.objects.get_or_create(goal=goal, pact=pact)
    SharingSettings.objects.update_or_create(goal=goal, defaults={"show_money": show_money})
    return goal


def show_money(goal: Goal) -> bool:
    settings = SharingSettings.objects.filter(goal=goal).first()
    return bool(settings and settings.show_money)


def _tell(recipient_id: int, text: str, url: str) -> None:
    Notice.objects.create(recipient_id=recipient_id, text=text[:300], url=url)


def tell(*, recipient_id: int, text: str, url: str = "") -> None:
    """A notice in someone's list (what other apps say to a person: a pact ended, ...)."""
    _tell(recipient_id, text, url)


@transaction.atomic
def comment(goal: Goal, *, author: User, text: str) -> Comment:
    """Encouragement on a goal shared with the author; the owner is told."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Write a few words of encouragement."})
    if len(text) > 500:
        raise ValidationError({"text": "Keep it under 500 characters."})
    if not can_see(author, goal):
        raise ValidationError("You cannot comment on this goal.")
    made = Comment.objects.create(goal=goal, author=author, text=text)
    if author.pk != goal.owner_id:
        _tell(goal.owner_id, f"{author.get_username()}: “{text}”", f"/goals/{goal.pk}/")
        announce(goal.owner, "comment.created", goal=goal.pk, statement=goal.statement,
                 author=author.get_username(), text=text)  # fmt: skip
    return made


@transaction.atomic
def react(check_in: CheckIn, *, author: User, kind: str) -> Reaction:
    if kind not in Reaction.Kind.values:
        raise ValidationError({"kind": "Unknown reaction."})
    goal = check_in.goal
    if author.pk == goal.owner_id or not can_see(author, goal):
        raise ValidationError("You cannot react to this check-in.")
    reaction, created = Reaction.objects.get_or_create(check_in=check_in, author=author, kind=kind)
    if created:
        label = Reaction.Kind(kind).label
        _tell(
            goal.owner_id,
            f"{author.get_username()} reacted {label} to your check-in on “{goal.statement}”",
            f"/goals/{goal.pk}/",
        )
    return reaction


@transaction.atomic
def mark_notices_read(*, recipient: User) -> int:
    """Every unread notice of `recipient` is read now (they opened their notices page)."""
    unread = Notice.objects.filter(recipient=recipient, read_at__isnull=True)
    return unread.update(read_at=timezone.now())
