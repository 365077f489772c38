"""Who may see what of whom. Every rule about sharing lives here, for the web pages,
the calendar feeds, the reminders, the CLI and the tests alike.

- The owner sees everything of their own.
- A goal shared with 'buddy' is seen by the buddies of the chosen active pacts.
- A goal shared with 'circle' is seen by the members of the owner's circle and by every
  active buddy of the owner.
- Nothing is public; others' content raises NotFound (the web answers 404), exactly as a
  missing thing does: never a hint that it exists.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from cairn.accountability.models import (
    CircleMember,
    FeedToken,
    Invitation,
    Pact,
    ReminderSettings,
    Review,
)
from cairn.accounts.models import User
from cairn.errors import NotFound
from cairn.goals.access import one_or_not_found
from cairn.goals.models import CheckIn, Goal, Status, Visibility

VISIBLE_STATUSES = (Status.ACTIVE, Status.PAUSED, Status.ACHIEVED)


# --- pacts and the circle -----------------------------------------------------------------


def pacts_of(user: User) -> QuerySet[Pact]:
    """Every pact `user` is part of, ended ones too (for their history)."""
    return Pact.objects.filter(Q(first=user) | Q(second=user))


def active_pacts(user: User) -> QuerySet[Pact]:
    return pacts_of(user).filter(ended_at__isnull=True)


def buddy_ids(user: User) -> set[int]:
    return {pact.other(user.pk) for pact in active_pacts(user)}


def own_pact(user: User, pact_id: int) -> Pact:
    """A pact `user` is part of (ended ones too, for their history); NotFound otherwise."""
    return one_or_not_found(pacts_of(user).filter(pk=pact_id), "pact")


def own_active_pact(user: User, pact_id: int) -> Pact:
    pact = own_pact(user, pact_id)
    if not pact.active:
        raise NotFound("This pact has ended.")
    return pact


def circle_members(user: User) -> QuerySet[CircleMember]:
    """The members of `user`'s own circle (none before its first invitation)."""
    return CircleMember.objects.filter(circle__owner=user)


def membership_for(user: User, membership_id: int) -> CircleMember:
    """A circle membership `user` may end: as the circle's owner, or as the member leaving."""
    mine = Q(circle__owner=user) | Q(member=user)
    return one_or_not_found(CircleMember.objects.filter(mine, pk=membership_id), "membership")


def pending_invitations(user: User) -> QuerySet[Invitation]:
    """`user`'s invitations nobody has used or declined yet."""
    return Invitation.objects.filter(inviter=user, used_at__isnull=True, declined_at__isnull=True)


def own_invitation(user: User, invitation_id: int) -> Invitation:
    """An invitation `user` made (only its maker may withdraw it)."""
    return one_or_not_found(Invitation.objects.filter(inviter=user, pk=invitation_id), "invitation")


# --- shared goals -------------------------------------------------------------------------


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
    """A goal `viewer` may read but does not own; NotFound otherwise, never a hint."""
    goals = goals_shared_with(viewer).filter(pk=goal_id).select_related("owner")
    return one_or_not_found(goals, "goal")


def shared_check_in(viewer: User, goal_id: int, check_in_id: int) -> CheckIn:
    """A check-in of a goal `viewer` may read but does not own (to react to it)."""
    goal = shared_goal(viewer, goal_id)
    return one_or_not_found(CheckIn.objects.filter(pk=check_in_id, goal=goal), "check-in")


def can_see(viewer: User, goal: Goal) -> bool:
    return goal.owner_id == viewer.pk or goals_shared_with(viewer).filter(pk=goal.pk).exists()


def shared_in_pact(pact: Pact) -> QuerySet[Goal]:
    """The goals each side of a pact shares with the other (through this pact or the circle)."""
    owners = [pact.first_id, pact.second_id]
    by_pact = Q(visibility=Visibility.BUDDY, shares__pact=pact)
    by_circle = Q(visibility=Visibility.CIRCLE)
    goals = Goal.objects.filter(by_pact | by_circle, owner_id__in=owners)
    return goals.filter(status__in=VISIBLE_STATUSES).distinct()


# --- reviews ------------------------------------------------------------------------------


def reviews_of(user: User) -> QuerySet[Review]:
    """The reviews of `user`'s active pacts and their own solo reviews. An ended pact's
    reviews are gone for both people: the meeting ended with the pact."""
    mine = Q(pact__in=active_pacts(user)) | Q(pact__isnull=True, owner=user)
    return Review.objects.filter(mine).select_related("pact")


def review_for(user: User, review_id: int) -> Review:
    """One of `reviews_of(user)`; NotFound otherwise."""
    return one_or_not_found(reviews_of(user).filter(pk=review_id), "review")


def own_solo_reviews(user: User) -> QuerySet[Review]:
    """The reviews `user` held (or holds) alone."""
    return Review.objects.filter(owner=user, pact__isnull=True)


def decidable_goal(user: User, covered: QuerySet[Goal], goal_id: str) -> Goal:
    """One of `user`'s own goals among those a review covers: only the owner decides."""
    mine = covered.filter(owner=user)
    return one_or_not_found(
        mine.filter(pk=int(goal_id)) if goal_id.isdigit() else mine.none(), "goal"
    )


# --- feeds and email links: no login, the secret token is the key -------------------------


def feed_owner(token: str) -> User:
    """Whose personal calendar feed `token` opens; NotFound once revoked or replaced."""
    found = FeedToken.objects.select_related("user__profile").filter(
        token=token, user__is_active=True
    )
    return one_or_not_found(found, "feed").user


def feed_pact(token: str) -> Pact:
    """The active pact whose calendar feed `token` opens; NotFound once the pact has ended."""
    pacts = Pact.objects.select_related("first", "second")
    return one_or_not_found(pacts.filter(feed_token=token, ended_at__isnull=True), "feed")


def unsubscribe_settings(token: str) -> ReminderSettings | None:
    """The reminder settings an email's unsubscribe link opens; None for an unknown token
    (the page says the link is invalid rather than answering a bare 404)."""
    return ReminderSettings.objects.filter(unsubscribe_token=token).first()
