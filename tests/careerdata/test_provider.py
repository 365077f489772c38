"""DataProvider: relevant / attainable from O*NET and BLS, with reasons and numbers."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cairn.careerdata.dataset import BLS_SOURCE, ONET_SOURCE
from cairn.careerdata.provider import DataProvider
from cairn.smart import analyze
from cairn.smart.knowledge import GoalFacts
from cairn.smart.model import Assessment, Context

TODAY = "2026-01-05"
PROVIDER = DataProvider()


def check(text: str, provider: DataProvider = PROVIDER, **context: Any) -> Assessment:
    return analyze(text, today=TODAY, context=context, provider=provider)


def texts(reasons: list[Any], source: str | None = None) -> str:
    return " | ".join(r.text for r in reasons if source is None or r.source == source)


def facts(text: str, **overrides: Any) -> GoalFacts:
    values: dict[str, Any] = {
        "text": text.lower(), "today": date(2026, 1, 5), "deadline": date(2027, 1, 5),
        "career": True, "measurable": True, "process_goal": False, "yearly_pay": None,
        "raise_percent": None, "title": None, "business": False, "business_units": None,
    }  # fmt: skip
    values.update(overrides)
    return GoalFacts(**values)


# -- relevant ---------------------------------------------------------------------------


def test_relevant_names_the_occupations_and_importance() -> None:
    result = check("learn Python by June", role="marketing manager",
                   vision="become a software developer")  # fmt: skip
    assert result.relevant is True
    reason = texts(result.relevant_reasons, ONET_SOURCE)
    assert "Programming" in reason
    assert "1.88 of 5 for Marketing Managers" in reason
    assert "4.00 for Software Developers" in reason


def test_not_relevant_suggests_what_matters() -> None:
    result = check("learn Rust by the end of the year", role="marketing specialist")
    assert result.relevant is False
    reason = texts(result.relevant_reasons, ONET_SOURCE)
    assert "2.12 of 5 for Market Research Analysts" in reason
    assert "For Market Research Analysts and Marketing Specialists, what matters most is" in reason
    assert re.search(r"\(importance \d\.\d( to \d\.\d)? of 5\)\.", reason)
    assert all(r.verdict is False for r in result.relevant_reasons if r.source == ONET_SOURCE)


def test_data_finds_relevance_the_rules_miss() -> None:
    # Excel is a hot technology for registered nurses; the word rules place it in finance.
    rules = analyze("master Excel by March", today=TODAY, context={"role": "registered nurse"})
    data = check("master Excel by March", role="registered nurse")
    assert rules.relevant is False
    assert data.relevant is True
    assert "Microsoft Excel" in texts(data.relevant_reasons, ONET_SOURCE)
    assert "hot technology for Registered Nurses" in texts(data.relevant_reasons)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("get better at public speaking by June", "sales manager"),
        ("improve my negotiation skills this year", "purchasing agent"),
        ("learn to manage a budget by December", "general manager"),
        ("learn SQL this quarter", "data analyst"),
    ],
)
def test_everyday_words_map_to_elements(text: str, role: str) -> None:
    result = check(text, role=role)
    assert result.relevant is True
    assert "importance" in texts(result.relevant_reasons, ONET_SOURCE) or "technology" in texts(
        result.relevant_reasons, ONET_SOURCE
    )


def test_earnings_goal_in_own_line_is_relevant() -> None:
    result = check("earn $95,000 a year by 2027", role="dental hygienist")
    assert result.relevant is True
    assert "own line (Dental Hygienists)" in texts(result.relevant_reasons, ONET_SOURCE)


def test_unknown_title_says_no_data() -> None:
    result = check("learn Python by June", role="chief vibes wrangler xyzzy")
    assert "no O*NET occupation matches" in texts(result.relevant_reasons, ONET_SOURCE)
    judgement = PROVIDER.relevant(facts("learn python"), Context(role="qqq zzz"))
    assert judgement.verdict is None or judgement.reasons


def test_unknown_when_data_cannot_tell() -> None:
    judgement = PROVIDER._relevant(facts("get my real estate license"), Context(role="nurse"))
    assert judgement.verdict is None


# -- attainable -------------------------------------------------------------------------


def test_role_jump_intern_to_chief_executive() -> None:
    result = check("become CEO of my company by next year", role="marketing intern",
                   years_experience=0)  # fmt: skip
    assert result.attainable is False
    reason = texts(result.attainable_reasons, ONET_SOURCE)
    assert "68% of Chief Executives report over 10 years of related experience" in reason
    assert "job zone 5" in reason


def test_role_jump_with_enough_experience_is_attainable() -> None:
    result = check("become a general manager by 2028", role="retail salesperson",
                   years_experience=12)  # fmt: skip
    assert result.attainable is True
    assert "General and Operations Managers" in texts(result.attainable_reasons, ONET_SOURCE)


def test_pay_goal_against_percentiles() -> None:
    result = check("earn $100,000 a year by 2028", role="market research analyst",
                   salary=90000, currency="USD")  # fmt: skip
    reason = texts(result.attainable_reasons, BLS_SOURCE)
    assert ("$100,000 lies between the median ($78,760) and the 75th percentile ($108,310) "
            "for Market Research Analysts and Marketing Specialists nationally: ambitious, "
            "reached by roughly a third") in reason  # fmt: skip
    assert "+11% change on your $90,000" in reason
    assert result.attainable is True


def test_pay_goal_far_above_the_top_in_little_time() -> None:
    result = check("make $1,000,000 a year by March 2026", role="sales rep", salary=55000,
                   currency="USD")  # fmt: skip
    assert result.attainable is False
    assert "above the 90th percentile" in texts(result.attainable_reasons, BLS_SOURCE)


def test_pay_goal_by_state() -> None:
    provider = DataProvider(state="California")
    result = check("earn $100,000 a year by 2028", provider, role="market research analyst")
    assert "in California" in texts(result.attainable_reasons, BLS_SOURCE)
    assert "($94,700)" in texts(result.attainable_reasons, BLS_SOURCE)


def test_non_usd_is_not_judged_by_the_data() -> None:
    result = check("be on 150k within 12 months", role="physiotherapist", salary=52000,
                   currency="GBP")  # fmt: skip
    reason = [r for r in result.attainable_reasons if r.source == BLS_SOURCE]
    assert reason and reason[0].verdict is None
    assert "United States" in reason[0].text and "GBP" in reason[0].text
    assert "$" not in reason[0].text
    # the verdict falls back to the rules: nearly 3x in a year
    assert result.attainable is False


def test_missing_wages_say_so() -> None:
    provider = DataProvider()
    judgement = provider._pay(facts("earn $60,000 a year", yearly_pay=60000.0),
                              Context(role="legislator"))  # fmt: skip
    assert judgement.verdict is None
    assert "no wages for Legislators" in texts(list(judgement.reasons))


def test_aggregate_wages_are_labelled() -> None:
    judgement = PROVIDER._pay(facts("earn $80,000 a year", yearly_pay=80000.0),
                              Context(role="farm products buyer"))  # fmt: skip
    if judgement.reasons:  # the title resolves to 13-1021, wages only for 13-1020
        assert "13-1020" in judgement.reasons[0].text


def test_no_context_means_rules_only_and_no_loading() -> None:
    provider = DataProvider()
    result = analyze("earn 100K by 2027", today=TODAY, provider=provider)
    assert all(r.source == "rules" for r in result.attainable_reasons + result.relevant_reasons)
    assert provider._data is None  # nothing loaded


# -- never raising ----------------------------------------------------------------------

odd_text = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "",
            "   ",
            "$$$",
            "by by by",
            "9" * 300,
            "become 😀",
            "‮ceo‬",
            "earn $-5",
            "earn $1e309 a year",
            "become a a a a a",
        ]
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=odd_text,
    role=st.one_of(st.none(), odd_text, st.sampled_from(["nurse", "CEO", "intern"])),
    vision=st.one_of(st.none(), odd_text),
    salary=st.one_of(st.none(), st.floats(allow_nan=True), st.integers(-5, 10**12)),
    currency=st.one_of(st.none(), st.sampled_from(["USD", "GBP", "", "€", "usd"])),
    years=st.one_of(st.none(), st.floats(-1, 1e6)),
)
def test_never_raises(text: str, role: Any, vision: Any, salary: Any, currency: Any,
                      years: Any) -> None:  # fmt: skip
    context = {"role": role, "vision": vision, "salary": salary, "currency": currency,
               "years_experience": years}  # fmt: skip
    result = analyze(text, today=TODAY, context=context, provider=PROVIDER)
    assert result.attainable in (True, False, None)
    assert result.relevant in (True, False, None)
    person = Context.from_mapping(context)
    for goal in (facts(text), facts(text, yearly_pay=1e12, title=text or None, deadline=None)):
        for judgement in (PROVIDER.attainable(goal, person), PROVIDER.relevant(goal, person)):
            assert judgement.verdict in (True, False, None)
            assert all(r.source in {"rules", ONET_SOURCE, BLS_SOURCE} for r in judgement.reasons)


def test_an_ambiguous_title_is_read_in_the_persons_own_line_of_work() -> None:
    """'Captain' names police, fire and airline supervisors equally: for a first officer it
    is the airline's."""
    context = {"role": "first officer", "years_experience": 1}
    result = analyze(
        "become a widebody captain by 2028", today="2026-12-01", context=context, provider=PROVIDER
    )
    reasons = texts([*result.attainable_reasons, *result.relevant_reasons])
    assert "a step up in your own line (Airline Pilots" in reasons
    assert "Police" not in reasons
    assert result.attainable is False
