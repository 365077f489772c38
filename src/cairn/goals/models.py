"""The method's data: reflections, goals on a 1/5/10-year ladder, micro-goals, check-ins,
the history of every change, and the reflection on a finished goal."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

STATEMENT_MAX = 500


class Area(models.TextChoices):
    EARNINGS = "earnings", "Increase earnings"
    KNOWLEDGE = "knowledge", "Knowledge and training"
    DIFFERENCE = "difference", "Make a difference in the field"
    POWER = "power", "Power and responsibility"
    EXPERIENCES = "experiences", "New experiences and relationships"
    OTHER = "other", "Other"


class Horizon(models.IntegerChoices):
    ONE = 1, "1 year"
    FIVE = 5, "5 years"
    TEN = 10, "10 years"


class Period(models.TextChoices):
    WEEK = "week", "a week"
    MONTH = "month", "a month"
    QUARTER = "quarter", "a quarter"
    YEAR = "year", "a year"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    ACHIEVED = "achieved", "Achieved"
    ABANDONED = "abandoned", "Abandoned"


class Visibility(models.TextChoices):
    PRIVATE = "private", "Only me"
    BUDDY = "buddy", "My buddies"
    CIRCLE = "circle", "My circle"


class RewardSize(models.TextChoices):
    SMALL = "small", "Small"
    MEDIUM = "medium", "Medium"
    LARGE = "large", "Large"


class Prompt(models.TextChoices):
    SUCCESS = "success", "How do you define career success?"
    MONEY = "money", "What would you do if you had all the money you need?"
    COMPANY = "company", "What would you change if you ran your company?"
    PERCEPTION = "perception", "What should your peers and family think of your career?"
    ULTIMATE_JOB = "ultimate_job", "What is your ultimate job, with no obstacles in the way?"
    ADMIRE = "admire", "Whom do you admire, and why?"


class ReflectionAnswer(models.Model):
    """One answer to an aspirational prompt; a revision adds a row, so history is kept."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    prompt = models.CharField(max_length=20, choices=Prompt.choices)
    text = models.TextField(max_length=10000)
    # A default, not auto_now_add (here and in the other models a person's export carries):
    # an import keeps the original times.
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "prompt", "-created_at"])]


class Goal(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    statement = models.CharField(max_length=STATEMENT_MAX)
    area = models.CharField(max_length=12, choices=Area.choices, default=Area.OTHER)
    horizon = models.PositiveSmallIntegerField(choices=Horizon.choices, null=True, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    metric_unit = models.CharField(max_length=50, blank=True)
    metric_baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    metric_target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    deadline = models.DateField(null=True, blank=True)
    frequency_count = models.PositiveSmallIntegerField(null=True, blank=True)
    frequency_period = models.CharField(max_length=8, choices=Period.choices, blank=True)
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.DRAFT)
    visibility = models.CharField(
        max_length=7, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    reward = models.CharField(max_length=300, blank=True)
    reward_size = models.CharField(max_length=6, choices=RewardSize.choices, blank=True)
    reward_enjoyed_at = models.DateTimeField(null=True, blank=True)
    abandon_reason = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    achieved_at = models.DateTimeField(null=True, blank=True)
    abandoned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "created_at", "id"]
        indexes = [models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return self.statement

    @property
    def has_metric(self) -> bool:
        return self.metric_target is not None

    @property
    def has_frequency(self) -> bool:
        return bool(self.frequency_count and self.frequency_period)


class Step(models.Model):
    """A micro-goal: a small, dated piece of the way to a goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(max_length=200)
    action_plan = models.TextField(max_length=5000, blank=True)
    deadline = models.DateField(null=True, blank=True)
    resources = models.TextField("resources needed", max_length=2000, blank=True)
    helpers = models.CharField("who can help", max_length=300, blank=True)
    done_when = models.CharField(max_length=300, blank=True)
    # An implementation intention: "If it is Monday 8:00, then I apply to two jobs."
    if_then = models.CharField("if-then plan", max_length=300, blank=True)
    order = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.completed_at is not None


class CheckIn(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="check_ins")
    date = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    note = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["goal", "-date"])]


class Revision(models.Model):
    """One recorded change to a goal: who, when, each field's before and after, and why."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="revisions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    at = models.DateTimeField(default=timezone.now, editable=False)
    changes = models.JSONField(default=dict)  # {field: [before, after]} as display strings
    reason = models.TextField(max_length=2000, blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class GoalReflection(models.Model):
    """Looking back on a finished goal, to carry the lessons into the next one."""

    goal = models.OneToOneField(Goal, on_delete=models.CASCADE, related_name="reflection")
    hard = models.TextField("what was especially hard", max_length=5000, blank=True)
    easy = models.TextField("what was easy", max_length=5000, blank=True)
    helped = models.TextField("who helped", max_length=5000, blank=True)
    differently = models.TextField(
        "what you would do differently next time", max_length=5000, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
