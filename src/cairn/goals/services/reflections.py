"""Answers to the six aspirational prompts, and the reflection on a finished goal."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from cairn.accounts.models import User
from cairn.goals.models import Goal, GoalReflection, Prompt, ReflectionAnswer

REFLECTION_FIELDS = ("hard", "easy", "helped", "differently")
ANSWER_MAX = 10000


@transaction.atomic
def save_reflection_answer(*, owner: User, prompt: str, text: str) -> ReflectionAnswer | None:
    """Keep a new answer when it differs from the latest; the older ones stay as history."""
    if prompt not in Prompt.values:
        raise ValidationError({"prompt": "Unknown prompt."})
    text = (text or "").strip()
    if len(text) > ANSWER_MAX:
        raise ValidationError({"text": f"Keep an answer under {ANSWER_MAX} characters."})
    latest = ReflectionAnswer.objects.filter(owner=owner, prompt=prompt).first()
    if (latest.text if latest else "") == text:
        return latest
    return ReflectionAnswer.objects.create(owner=owner, prompt=prompt, text=text)


def latest_answers(owner: User) -> dict[str, ReflectionAnswer]:
    """The current answer to each prompt (one query)."""
    answers: dict[str, ReflectionAnswer] = {}
    for answer in ReflectionAnswer.objects.filter(owner=owner):
        answers.setdefault(answer.prompt, answer)
    return answers


@transaction.atomic
def save_goal_reflection(goal: Goal, **answers: str) -> GoalReflection:
    unknown = set(answers) - set(REFLECTION_FIELDS)
    if unknown:
        raise TypeError(f"not reflection fields: {sorted(unknown)}")
    reflection, _ = GoalReflection.objects.get_or_create(goal=goal)
    for name, value in answers.items():
        setattr(reflection, name, (value or "").strip())
    reflection.full_clean(exclude=["goal"])
    reflection.save()
    return reflection
