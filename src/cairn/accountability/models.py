"""Accountability: buddy pacts, a small circle, what is shared with them, their
encouragement, reminders by email, calendar feeds and quarterly reviews."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cairn.goals.models import CheckIn, Goal

USER = settings.AUTH_USER_MODEL


def new_code() -> str:
    """A short invitation code people can read out: 8 characters, no look-alikes."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    class Kind(models.TextChoices):
        PACT = "pact", "Accountability buddy"
        CIRCLE = "circle", "Small circle"

    kind = models.CharField(max_length=6, choices=Kind.choices)
    inviter = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="invitations_sent")
    email = models.EmailField(blank=True)
    code = models.CharField(max_length=8, unique=True, default=new_code)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    used_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class Pact(models.Model):
    """Two people who keep each other to their goals. Either can end it at any time."""

    first = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="pacts_first")
    second = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="pacts_second")
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    checkin_habit = models.CharField(
        "how you check in",
        max_length=300,
        blank=True,
        help_text="e.g. a short message every two weeks, a call before each deadline",
    )
    first_agreed_at = models.DateTimeField(null=True, blank=True)
    second_agreed_at = models.DateTimeField(null=True, blank=True)
    review_every_months = models.PositiveSmallIntegerField(default=3)
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(first=models.F("second")), name="pact_two_people"),
        ]

    def __str__(self) -> str:
        return f"Pact {self.first_id}–{self.second_id}"

    @property
    def active(self) -> bool:
        return self.ended_at is None

    def other(self, user_id: int) -> int:
        return self.second_id if user_id == self.first_id else self.first_id


class Circle(models.Model):
    owner = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="circle")
    created_at = models.DateTimeField(auto_now_add=True)


class CircleMember(models.Model):
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="members")
    member = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="circles_joined")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["circle", "member"], name="one_membership")]


class GoalShare(models.Model):
    """A goal shared with one buddy (visibility 'buddy' lists the chosen pacts)."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="shares")
    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="shares")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["goal", "pact"], name="share_once")]


class SharingSettings(models.Model):
    """Per goal: money amounts stay hidden from others unless the owner says so."""

    goal = models.OneToOneField(Goal, on_delete=models.CASCADE, related_name="sharing")
    show_money = models.BooleanField(default=False)


class Comment(models.Model):
    """Encouragement left on a shared goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="comments")
    # Null once the author deletes their account: the comment stays, from "a former buddy".
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]


class Reaction(models.Model):
    class Kind(models.TextChoices):
        CLAP = "clap", "👏 Well done"
        CHEER = "cheer", "🎉 Cheers"
        STRONG = "strong", "💪 Keep going"

    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="reactions")
    author = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=6, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["check_in", "author", "kind"], name="react_once")
        ]


class Notice(models.Model):
    """Something the person is told in the app (and in their next email digest)."""

    recipient = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notices")
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class FeedToken(models.Model):
    """The secret in a person's calendar feed URL: revocable and regenerable."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="feed_token")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)


class Review(models.Model):
    """A review meeting: of a pact's shared goals together, or of one's own goals alone."""

    pact = models.ForeignKey(
        Pact, on_delete=models.CASCADE, null=True, blank=True, related_name="reviews"
    )
    owner = models.ForeignKey(
        USER, on_delete=models.CASCADE, null=True, blank=True, related_name="solo_reviews"
    )
    scheduled_for = models.DateTimeField()
    held_at = models.DateTimeField(null=True, blank=True)
    first_notes = models.TextField(max_length=5000, blank=True)
    second_notes = models.TextField(max_length=5000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["scheduled_for", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pact__isnull=False) | Q(owner__isnull=False), name="review_of_someone"
            )
        ]


class ReviewDecision(models.Model):
    class Decision(models.TextChoices):
        KEEP = "keep", "Keep going"
        ADJUST = "adjust", "Adjust"
        PAUSE = "pause", "Pause"
        ABANDON = "abandon", "Abandon"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="review_decisions")
    decision = models.CharField(max_length=7, choices=Decision.choices)
    note = models.TextField(max_length=2000, blank=True)
    decided_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)


# Reminders and calendar alarms this many days before a deadline, unless the person chose.
DEFAULT_LEAD_DAYS = (28, 14, 7, 1)


class ReminderSettings(models.Model):
    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="reminder_settings")
    lead_days = models.JSONField(default=list)  # e.g. [28, 14, 7, 1]; empty: the defaults
    nudge_after_days = models.PositiveSmallIntegerField(default=14)
    deadline_emails = models.BooleanField(default=True)
    buddy_emails = models.BooleanField(default=True)
    nudge_emails = models.BooleanField(default=True)
    review_emails = models.BooleanField(default=True)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_feed_token)


class Reminder(models.Model):
    """One reminder due to one person on one day. The unique key makes planning it twice
    harmless; the worker claims due rows with a conditional UPDATE, so two workers never
    send the same one; rows of a deleted goal go with it."""

    class Kind(models.TextChoices):
        DEADLINE = "deadline", "Deadline"
        BUDDY = "buddy", "Buddy's deadline"
        NUDGE = "nudge", "No check-in lately"
        REVIEW = "review", "Review meeting"

    recipient = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, null=True, blank=True)
    step = models.ForeignKey(
        "goals.Step", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    review = models.ForeignKey(Review, on_delete=models.CASCADE, null=True, blank=True)
    due_on = models.DateField()  # in the recipient's time zone
    key = models.CharField(max_length=120)
    text = models.CharField(max_length=300)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="reminder_once")]
        indexes = [models.Index(fields=["sent_at", "due_on"])]


class Digest(models.Model):
    """At most one email a person a day: the day's row is claimed before sending."""

    recipient = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recipient", "day"], name="digest_daily")]
