"""The SMART analyzer, fed with what the person told Cairn in their profile."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import Any

from cairn.accounts.models import PayPeriod, Profile, User
from cairn.careerdata.provider import DataProvider
from cairn.goals.models import Goal
from cairn.smart import Assessment, analyze
from cairn.smart.verdict import GoalFields, Verdict, verdict

# Hours in a full-time working year, to compare hourly pay with yearly targets.
HOURS_PER_YEAR = 2080
YEARLY_FACTOR = {PayPeriod.YEAR: 1, PayPeriod.MONTH: 12, PayPeriod.HOUR: HOURS_PER_YEAR}


def profile_context(profile: Profile | None) -> dict[str, Any]:
    """The analyzer's context (GUIDE names) from a profile; unknown parts left out."""
    if profile is None:
        return {}
    context: dict[str, Any] = {
        # An occupation picked from O*NET names the role exactly; the person's own words else.
        "role": (profile.occupation.title if profile.occupation else profile.role_title) or None,
        "field": profile.field or None,
        "years_experience": profile.years_experience,
        "vision": profile.vision or None,
        "currency": profile.pay_currency or None,
    }
    if profile.target_occupation:
        context["vision"] = f"become a {profile.target_occupation.title}"
    if profile.pay_amount is not None:
        factor = YEARLY_FACTOR.get(PayPeriod(profile.pay_period or PayPeriod.YEAR), 1)
        context["salary"] = float(profile.pay_amount * Decimal(factor))
    return {key: value for key, value in context.items() if value is not None}


def assess_for(user: User, statement: str, today: dt.date) -> Assessment:
    """The verdict with what the person told about themselves, grounded in O*NET and BLS."""
    profiles = Profile.objects.select_related("occupation", "target_occupation")
    profile = profiles.filter(user=user).first()
    provider = data_provider(profile.state if profile else "")
    return analyze(statement, today=today, context=profile_context(profile), provider=provider)


@functools.lru_cache(maxsize=64)
def data_provider(state: str) -> DataProvider:
    """One provider per state and process: it caches its title lookups and word matcher."""
    return DataProvider(state=state or None)


def goal_fields(goal: Goal | None) -> GoalFields:
    """What a goal's form fields settle beside its sentence."""
    if goal is None:
        return GoalFields()
    return GoalFields(
        measure=goal.metric_target is not None,
        deadline=bool(goal.deadline),
        frequency=goal.has_frequency,
    )


def verdict_for(user: User, statement: str, today: dt.date, goal: Goal | None = None) -> Verdict:
    """The one verdict every front end shows: the panel, the session, `cairn plan`."""
    return verdict(assess_for(user, statement, today), goal_fields(goal))
