"""The SMART analyzer, fed with what the person told Cairn in their profile."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from cairn.accounts.models import PayPeriod, Profile, User
from cairn.smart import Assessment, analyze

# Hours in a full-time working year, to compare hourly pay with yearly targets.
HOURS_PER_YEAR = 2080
YEARLY_FACTOR = {PayPeriod.YEAR: 1, PayPeriod.MONTH: 12, PayPeriod.HOUR: HOURS_PER_YEAR}


def profile_context(profile: Profile | None) -> dict[str, Any]:
    """The analyzer's context (GUIDE names) from a profile; unknown parts left out."""
    if profile is None:
        return {}
    context: dict[str, Any] = {
        "role": profile.role_title or None,
        "field": profile.field or None,
        "years_experience": profile.years_experience,
        "vision": profile.vision or None,
        "currency": profile.pay_currency or None,
    }
    if profile.pay_amount is not None:
        factor = YEARLY_FACTOR.get(PayPeriod(profile.pay_period or PayPeriod.YEAR), 1)
        context["salary"] = float(profile.pay_amount * Decimal(factor))
    return {key: value for key, value in context.items() if value is not None}


def assess_for(user: User, statement: str, today: dt.date) -> Assessment:
    profile = Profile.objects.filter(user=user).first()
    return analyze(statement, today=today, context=profile_context(profile))


def highlighted(assessment: Assessment) -> list[tuple[str, str | None]]:
    """The statement cut into (text, evidence kind or None) pieces, for underlining."""
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    text = assessment.text
    for span in sorted(assessment.evidence, key=lambda s: (s.start, -s.end)):
        if span.start < cursor:
            continue  # overlapping evidence: the first, longest one is shown
        pieces.append((text[cursor : span.start], None))
        pieces.append((text[span.start : span.end], span.kind))
        cursor = span.end
    pieces.append((text[cursor:], None))
    return [(piece, kind) for piece, kind in pieces if piece]
