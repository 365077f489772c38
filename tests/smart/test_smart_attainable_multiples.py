"""A pay rise given as a multiple ("double my salary") is judged like the same sum."""

from __future__ import annotations

import pytest

from cairn.smart import analyze

CONTEXT = {"role": "data analyst", "field": "data", "salary": 60000, "currency": "USD"}


@pytest.mark.parametrize(
    "text",
    ["double my salary within 3 months", "triple my income by next month",
     "I want to double my current salary in 6 months"],
)  # fmt: skip
def test_doubling_pay_in_months_is_not_attainable(text: str) -> None:
    """The GUIDE's own example: doubling a salary in three months is almost never done."""
    result = analyze(text, today="2026-01-10", context=CONTEXT)
    assert result.attainable is False
    assert any("2.00×" in r.text or "3.00×" in r.text for r in result.attainable_reasons)


def test_doubling_pay_over_years_is_a_stretch_not_a_failure() -> None:
    result = analyze("double my salary within 4 years", today="2026-01-10", context=CONTEXT)
    assert result.attainable is not False
