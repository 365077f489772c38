"""A guided goal-setting session: from reflection to an active SMART goal.

The session keeps what does not belong on the goal itself (brainstormed ideas, notes on
attainability and relevance) in `state`, and the draft goal it builds in `goal`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from cairn.goals.models import Goal

STEPS = ("reflect", "brainstorm", "draft", "smart", "ladder", "breakdown", "reward", "review")


class PlanSession(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_sessions"
    )
    goal = models.OneToOneField(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_session"
    )
    step = models.CharField(max_length=12, default=STEPS[0])
    state = models.JSONField(default=dict, blank=True)
    # Bumped on every save: a tab that saves with an older version learns another tab wrote.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    discarded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["owner", "committed_at", "discarded_at"])]

    def __str__(self) -> str:
        return f"Session {self.pk} of {self.owner_id} at {self.step}"

    @property
    def is_open(self) -> bool:
        return self.committed_at is None and self.discarded_at is None

    @property
    def step_number(self) -> int:
        return STEPS.index(self.step) + 1
