"""Who may see what of whom. Every rule about sharing lives here, for the web pages,
the calendar feeds, the reminders and the tests alike.

- The owner sees everything of their own.
- A goal shared with 'buddy' is seen by the buddies of the chosen active pacts.
- A goal shared with 'circle' is seen by the members of the owner's circle and by every
  active buddy of the owner.
- Nothing is public; others' content answers 404.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from cairn.accountability.models import CircleMember, Pact
from cairn.accounts.models import User
from cairn.goals.models import Goal, Status, Visibility

VISIBLE_STATUSES = (Status.ACTIVE, Status.PAUSED, Status.ACHIEVED)


def active_pacts(user: User) -> QuerySet[Pact]:
    return Pact.objects.filter(Q(first=user) | Q(second=user), ended_at__isnull=True)


def buddy_ids(user: User) -> set[int]:
    return {pact.other(user.pk) for pact in active_pacts(user)}


def goals_shared_with(viewer: User) -> QuerySet[Goal]:
    """Every goal of someone else that `viewer` may read."""
    pacts = active_pacts(viewer)
    by_pact = Q(visibility=Visibility.BUDDY, shares__pact__in=pacts)
    buddies = list(buddy_ids(viewer))
    circles = CircleMember.objects.filter(member=viewer).values("circle__owner")
    by_circle = Q(visibility=Visibility.CIRCLE) & (Q(owner__in=circles) | Q(owner__in=buddies))
    visible = Goal.objects.filter(by_pact | by_circle, status__in=VISIBLE_STATUSES)
    return visible.exclude(owner=viewer).distinct()


def shared_goal(viewer: User, goal_id: int) -> Goal:
    """A goal `viewer` may read but does not own; 404 otherwise, never a hint."""
    goal = goals_shared_with(viewer).filter(pk=goal_id).select_related("owner").first()
    if goal is None:
        raise Http404("No such goal.")
    return goal


def can_see(viewer: User, goal: Goal) -> bool:
    return goal.owner_id == viewer.pk or goals_shared_with(viewer).filter(pk=goal.pk).exists()


def shared_in_pact(pact: Pact) -> QuerySet[Goal]:
    """The goals each side of a pact shares with the other (through this pact or the circle)."""
    owners = [pact.first_id, pact.second_id]
    by_pact = Q(visibility=Visibility.BUDDY, shares__pact=pact)
    by_circle = Q(visibility=Visibility.CIRCLE)
    goals = Goal.objects.filter(by_pact | by_circle, owner_id__in=owners)
    return goals.filter(status__in=VISIBLE_STATUSES).distinct()


def own_pact(user: User, pact_id: int) -> Pact:
    """A pact `user` is part of (ended ones too, for their history); 404 otherwise."""
    pact = Pact.objects.filter(Q(first=user) | Q(second=user), pk=pact_id).first()
    if pact is None:
        raise Http404("No such pact.")
    return pact


def own_active_pact(user: User, pact_id: int) -> Pact:
    pact = own_pact(user, pact_id)
    if not pact.active:
        raise Http404("This pact has ended.")
    return pact
