"""Review meetings: a pact's every few months (date and time agreed in the app), or one's
own alone. Each goal gets a decision by its owner (keep, adjust, pause, abandon), both
people keep notes, and finishing a review schedules the next one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from cairn.accountability.models import Notice, Pact, Review, ReviewDecision
from cairn.accounts.models import User
from cairn.goals import services as goal_services
from cairn.goals.models import Goal, Status, Visibility
from cairn.smart import dates

DEFAULT_TIME = dt.time(18, 0)  # a review is an evening call unless agreed otherwise
SOLO_EVERY_MONTHS = 3
Decision = ReviewDecision.Decision


def _months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the 31st becomes a shorter month's last day); the
    calendar's last day when that runs past the year 9999. Cairn's one month helper is
    `cairn.smart.dates.add_months`: smart is the bottom layer, so every app can use it."""
    return dates.add_months(day, months) or dt.date.max


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """A day and a time of day in the current time zone (the person's, in a request)."""
    return timezone.make_aware(dt.datetime.combine(day, time))


# --- whose notes -----------------------------------------------------------------------


def notes_field(review: Review, user: User) -> str:
    """Which side's notes are `user`'s: the pact's first person, or the second."""
    if review.pact is None or review.pact.first_id == user.pk:
        return "first_notes"
    return "second_notes"


# --- scheduling -----------------------------------------------------------------------


def upcoming(pact: Pact) -> Review | None:
    return Review.objects.filter(pact=pact, held_at__isnull=True).first()


def last_held(review: Review) -> Review | None:
    """The review of the same pact (or the same person alone) held before this one."""
    held = Review.objects.filter(held_at__isnull=False).exclude(pk=review.pk)
    if review.held_at is not None:
        held = held.filter(held_at__lt=review.held_at)
    if review.pact_id:
        held = held.filter(pact_id=review.pact_id)
    else:
        held = held.filter(pact__isnull=True, owner_id=review.owner_id)
    return held.order_by("-held_at").first()


def default_review_time(pact: Pact, *, now: dt.datetime | None = None) -> dt.datetime:
    """`review_every_months` after the last review (or the pact's start), in the evening;
    tomorrow when that day has already passed."""
    now = now or timezone.now()
    last = Review.objects.filter(pact=pact, held_at__isnull=False).order_by("-held_at").first()
    start = last.held_at if last and last.held_at else pact.created_at
    day = _months_later(timezone.localdate(start), pact.review_every_months)
    tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
    return local_datetime(max(day, tomorrow), DEFAULT_TIME)


@transaction.atomic
def schedule_review(
    pact: Pact, *, by: User, when: dt.datetime, now: dt.datetime | None = None
) -> Review:
    """Set the date and time of the pact's next review (moving it when one is planned);
    the other person is told."""
    pact = Pact.objects.select_for_update().get(pk=pact.pk)  # both sides may set it at once
    if not pact.active:
        raise ValidationError("This pact has ended.")
    if when <= (now or timezone.now()):
        raise ValidationError(
            {"when": "That date and time has passed: pick a moment in the future."}
        )
    review = upcoming(pact)
    if review is None:
        review = Review.objects.create(pact=pact, scheduled_for=when)
    else:
        Review.objects.filter(pk=review.pk).update(scheduled_for=when)
        review.scheduled_for = when
    Notice.objects.create(
        recipient_id=pact.other(by.pk),
        text=f"{by.get_username()} set the date of your next review meeting.",
        url=f"/reviews/{review.pk}/",
    )
    return review


@transaction.atomic
def start_solo_review(owner: User, *, now: dt.datetime | None = None) -> Review:
    """Review one's own goals alone: the open solo review, or a new one from now."""
    open_review = Review.objects.filter(owner=owner, pact__isnull=True, held_at__isnull=True)
    return open_review.first() or Review.objects.create(
        owner=owner, scheduled_for=now or timezone.now()
    )


@transaction.atomic
def finish_review(review: Review, *, now: dt.datetime | None = None) -> Review | None:
    """Mark the review held (once) and schedule the next one; returns that next review."""
    now = now or timezone.now()
    if not Review.objects.filter(pk=review.pk, held_at__isnull=True).update(held_at=now):
        return None  # already finished: a second click changes nothing
    review.held_at = now
    return _schedule_next(review)


def _schedule_next(review: Review) -> Review | None:
    if review.pact is not None:
        if not review.pact.active:
            return None
        months = review.pact.review_every_months
        planned = upcoming(review.pact)
    else:
        months = SOLO_EVERY_MONTHS
        planned = (
            Review.objects.filter(owner_id=review.owner_id, pact__isnull=True)
            .filter(held_at__isnull=True)
            .first()
        )
    if planned is not None:
        return planned
    assert review.held_at is not None
    day = _months_later(timezone.localdate(review.held_at), months)
    when = local_datetime(day, timezone.localtime(review.scheduled_for).time())
    return Review.objects.create(pact=review.pact, owner=review.owner, scheduled_for=when)


# --- notes and decisions --------------------------------------------------------------


def _require_open(review: Review) -> None:
    if review.held_at is not None:
        raise ValidationError("This review is finished; its notes and decisions are kept.")


@transaction.atomic
def save_notes(review: Review, *, by: User, text: str) -> Review:
    """`by` writes their own side's notes; the other side's are theirs alone."""
    _require_open(review)
    text = (text or "").strip()
    if len(text) > 5000:
        raise ValidationError({"notes": "Keep your notes under 5,000 characters."})
    field = notes_field(review, by)
    Review.objects.filter(pk=review.pk).update(**{field: text})
    setattr(review, field, text)
    return review


@transaction.atomic
def decide(
    review: Review,
    goal: Goal,
    *,
    by: User,
    decision: str,
    note: str = "",
    changes: dict[str, Any] | None = None,
    confirm_past_deadline: bool = False,
) -> ReviewDecision:
    """The owner decides what becomes of a goal; the change enters the goal's history."""
    _require_open(review)
    if decision not in Decision.values:
        raise ValidationError({"decision": "Choose keep, adjust, pause or abandon."})
    if goal.owner_id != by.pk:
        raise ValidationError("Only a goal's owner decides what becomes of it.")
    note = (note or "").strip()
    if decision in (Decision.ADJUST, Decision.ABANDON) and not note:
        raise ValidationError({"note": "Say why: the reason is kept in the goal's history."})
    if decision == Decision.KEEP and goal.status == Status.PAUSED:
        goal_services.resume_goal(goal, by=by, reason=note or "Taken up again at a review")
    elif decision == Decision.ADJUST:
        _adjust(goal, by=by, reason=note, changes=changes or {}, confirm=confirm_past_deadline)
    elif decision == Decision.PAUSE and goal.status != Status.PAUSED:
        goal_services.pause_goal(goal, by=by, reason=note)
    elif decision == Decision.ABANDON:
        goal_services.abandon_goal(goal, by=by, reason=note)
    made, _ = ReviewDecision.objects.update_or_create(
        review=review, goal=goal, defaults={"decision": decision, "note": note, "decided_by": by}
    )
    return made


def _adjust(goal: Goal, *, by: User, reason: str, changes: dict[str, Any], confirm: bool) -> None:
    if all(getattr(goal, name) == value for name, value in changes.items()):
        raise ValidationError("Change the statement, deadline or target, or choose Keep.")
    goal_services.update_goal(goal, by=by, reason=reason, confirm_past_deadline=confirm, **changes)


# --- what a review covers -------------------------------------------------------------


def since(review: Review) -> dt.datetime | None:
    """Where 'since the last review' starts: the last one held, else the pact's start;
    a first solo review looks at everything."""
    last = last_held(review)
    if last is not None:
        return last.held_at
    return review.pact.created_at if review.pact is not None else None


def review_goals(review: Review) -> QuerySet[Goal]:
    """The goals a review walks through: for a pact, those each side shares with the other
    (as in access.shared_in_pact, plus goals already decided in this review even if
    abandoned since); alone, all of one's own, private ones included."""
    owners: list[int | None]
    if review.pact is not None:
        pact = review.pact
        owners = [pact.first_id, pact.second_id]
        scope = Q(visibility=Visibility.BUDDY, shares__pact=pact) | Q(visibility=Visibility.CIRCLE)
    else:
        owners, scope = [review.owner_id], Q()
    start = since(review) or review.scheduled_for - dt.timedelta(days=92)
    current = (
        Q(status__in=[Status.ACTIVE, Status.PAUSED])
        | Q(status=Status.ACHIEVED, achieved_at__gte=start)
        | Q(pk__in=review.decisions.values("goal"))
    )
    return Goal.objects.filter(scope, current, owner_id__in=owners).distinct()
