"""Career, specific, measurable, the flags, attainable and relevant."""

from __future__ import annotations

import pytest

from cairn.smart import Context, Judgement, analyze

# Known misses of the learned layer (issue 10's closing note lists them): kept as tests so
# that a model that gets them right is noticed, and one that breaks others is not hidden.
MISS = pytest.mark.xfail(reason="the learned layer judges this wrongly today", strict=True)

TODAY = "2026-03-10"


@pytest.mark.parametrize(
    "text",
    ["lose 10 pounds by june", "visit japan next year", "Own my own home by 2030",
     "meditate daily", "read 24 books this year", "go to the gym 4 times a week",
     "pay off my student loans within 3 years", "get married before i turn 35",
     "spend more time with my kids", "save $20,000 for a house deposit by 2027",
     "learn to play the guitar", "run a half marathon next year", "lose 5kg"],
)  # fmt: skip
def test_personal_goals_are_not_career(text: str) -> None:
    result = analyze(text, today=TODAY)
    assert result.career is False
    assert "not_career" in result.flags


@pytest.mark.parametrize(
    "text",
    ["I want lots of money", "be rich someday", "read one leadership book every month",
     "work from home 2 days a week", pytest.param("climb the ladder faster", marks=MISS),
         "get my MBA",
     "visit 10 prospective clients this month", "open my own bakery by 2028",
     "learn python for data analysis"],
)  # fmt: skip
def test_work_goals_are_career(text: str) -> None:
    result = analyze(text, today=TODAY)
    assert result.career is True
    assert "not_career" not in result.flags


@pytest.mark.parametrize(
    "text",
    ["do better at work", "be more successful", "improve my skills", "network more",
     "have lots of money", "grow in my career", "become a better leader",
     "take on more responsibility at work", "make an impact in healthcare",
     "become a thought leader in fintech", "learn some new skills",
     "Be a great teacher",
     "get better at public speaking by the end of Q2"],
)  # fmt: skip
def test_directions_are_neither_specific_nor_measurable(text: str) -> None:
    result = analyze(text, today=TODAY)
    assert (result.specific, result.measurable) == (False, False)
    assert "vague_words" in result.flags
    assert result.letters["S"] is False


@pytest.mark.parametrize(
    "text",
    ["learn python for data analysis", "learn Rust by the end of the year",
     pytest.param("lern react this quarter", marks=MISS), "learn how to manage a budget",
     "become fluent in french"],
)  # fmt: skip
def test_learning_is_specific_but_not_measurable(text: str) -> None:
    result = analyze(text, today=TODAY)
    assert (result.specific, result.measurable) == (True, False)


@pytest.mark.parametrize(
    "text",
    ["get my MBA", "get certified in google ads", "pass the bar exam",
     "be a store manager before I turn 40", "make partner at the firm",
     "get a full time offer from the bank", "ship the redesigned checkout flow",
     "get promoted to assistant mgr", "finish my thesis and defend by 31/08/2027",
     "secure a promtion to senior accountant", "hit my sales quota every month",
     "get a job at a bigger agency soon"],
)  # fmt: skip
def test_discrete_outcomes_are_specific_and_measurable(text: str) -> None:
    result = analyze(text, today=TODAY)
    assert (result.specific, result.measurable) == (True, True)


@pytest.mark.parametrize(
    "text",
    ["get promoted, buy a house and run a marathon this year",
     "work out 3 times a week and get my AWS cert by Q4",
     "I want a salary of 80k per year and to go to 2 conferences a year"],
)  # fmt: skip
def test_several_unrelated_goals_are_compound(text: str) -> None:
    result = analyze(text, today=TODAY)
    assert "compound" in result.flags
    assert result.specific is False


@pytest.mark.parametrize(
    "text",
    ["PMP certification by June", "senior engineer by 2027", "a promotion this year"],
)
def test_a_named_outcome_without_a_verb_is_measurable(text: str) -> None:
    result = analyze(text, today=TODAY)
    assert (result.specific, result.measurable) == (True, True)


@pytest.mark.parametrize(
    "text",
    ["finish my thesis and defend by 31/08/2027", "learn SQL and power bi this quarter",
     "learn python and build a dashboard",
     "move to Berlin and find a job in tech",
     "hire and onboard 4 new engineers by end of Q1",
     "ive been teaching for twelve years and want to lead a department of 8 teachers"],
)  # fmt: skip
def test_one_goal_with_and_is_not_compound(text: str) -> None:
    assert "compound" not in analyze(text, today=TODAY).flags


def test_numbers_silence_vague_words() -> None:
    result = analyze("Our shop wastes way too much. Goal: cut waste by 20% in 3 months")
    assert "vague_words" not in result.flags


def test_flags_come_in_guide_order() -> None:
    result = analyze("be healthier", today=TODAY)
    assert result.flags == ["vague_words", "not_career"]


class TestAttainable:
    def test_small_raise_is_attainable(self) -> None:
        context = {"salary": 32000, "currency": "GBP", "years_experience": 3}
        result = analyze("earn £35k within a year", today=TODAY, context=context)
        assert result.attainable is True
        assert result.attainable_reasons and result.attainable_reasons[0].source == "rules"

    @pytest.mark.parametrize(
        ("text", "salary"),
        [("earn 200k within 6 months", 40000), ("be on 150k within 12 months", 52000),
         ("make $10,000 a month by the end of next month", 30000)],
    )  # fmt: skip
    def test_huge_raise_in_little_time_is_not(self, text: str, salary: int) -> None:
        assert analyze(text, today=TODAY, context={"salary": salary}).attainable is False

    @pytest.mark.parametrize(
        ("text", "role"),
        [("become CEO of my company by next year", "marketing intern"),
         ("become VP of engineering by the end of this year", "junior developer"),
         ("become creative director in 3 months", "graphic designer"),
         ("become regional operations director within 6 months", "warehouse associate")],
    )  # fmt: skip
    def test_seniority_leaps_in_months_are_not(self, text: str, role: str) -> None:
        result = analyze(text, today=TODAY, context={"role": role})
        assert result.attainable is False
        assert any("level" in reason.text for reason in result.attainable_reasons)

    def test_next_step_is_attainable(self) -> None:
        context = {"role": "software engineer", "field": "software", "years_experience": 5}
        result = analyze("Get promoted to senior engineer this year", today=TODAY, context=context)
        assert result.attainable is True

    def test_a_big_leap_with_no_time_given_is_unknown(self) -> None:
        context = {"role": "marketing intern", "field": "marketing"}
        assert analyze("become CEO of my company", context=context).attainable is None

    def test_unknown_without_context(self) -> None:
        assert analyze("become CEO by next year", today=TODAY).attainable is None


class TestRelevant:
    @pytest.mark.parametrize(
        ("text", "role", "field"),
        [("learn Rust by the end of the year", "marketing specialist", "marketing"),
         ("learn kubernetes in six weeks", "restaurant manager", "hospitality"),
         ("get my commercial pilot licence in 2027", "UX designer", "product design"),
         ("get my real estate license", "high school teacher", "education")],
    )  # fmt: skip
    def test_skill_from_another_field_is_not_relevant(
        self, text: str, role: str, field: str
    ) -> None:
        result = analyze(text, today=TODAY, context={"role": role, "field": field})
        assert result.relevant is False
        assert result.relevant_reasons[0].verdict is False

    def test_skill_tied_to_the_field_is_relevant(self) -> None:
        context = {"role": "corporate lawyer", "field": "law"}
        result = analyze("learn python to automate contract review", context=context)
        assert result.relevant is True

    def test_vision_counts(self) -> None:
        context = {"role": "warehouse worker", "vision": "become a long-haul truck driver"}
        assert analyze("Get my CDL Class A in 8 weeks", context=context).relevant is True

    def test_unknown_without_role_field_or_vision(self) -> None:
        assert analyze("learn Rust", context={"salary": 50000}).relevant is None


def test_a_provider_can_be_plugged_in() -> None:
    class AlwaysNo:
        name = "test-data"

        def attainable(self, goal, context: Context) -> Judgement:  # type: ignore[no-untyped-def]
            return Judgement(False)

        def relevant(self, goal, context: Context) -> Judgement:  # type: ignore[no-untyped-def]
            assert goal.title == "senior engineer"
            return Judgement(True)

    context = {"role": "software engineer"}
    result = analyze("get promoted to senior engineer", context=context, provider=AlwaysNo())
    assert (result.attainable, result.relevant) == (False, True)
    # the GUIDE judges A and R only where the person told about themselves
    alone = analyze("get promoted to senior engineer", provider=AlwaysNo())
    assert (alone.attainable, alone.relevant) == (None, None)
