"""One verdict for every front end: what a goal's fields settle, evidence pieces, advice
on what is still missing, and the reasons shown beside a decided letter."""

from __future__ import annotations

from click.testing import CliRunner

from cairn.cli import main
from cairn.cli.check import render
from cairn.smart import Reason, analyze
from cairn.smart.model import Span
from cairn.smart.verdict import GoalFields, pieces, verdict

TODAY = "2026-03-10"


def test_goal_fields_settle_measurable_and_time_bound() -> None:
    assessment = analyze("get better at public speaking", today=TODAY)
    alone = verdict(assessment)
    assert (alone.letters["M"], alone.letters["T"]) == (False, False)
    assert {tip.key for tip in alone.suggestions} >= {"M", "T"}
    with_fields = verdict(assessment, GoalFields(measure=True, deadline=True))
    assert (with_fields.letters["M"], with_fields.letters["T"]) == (True, True)
    assert not {tip.key for tip in with_fields.suggestions} & {"M", "T"}
    assert with_fields.letters["S"] is False  # the sentence is still not specific


def test_a_frequency_settles_both() -> None:
    found = verdict(analyze("read industry news", today=TODAY), GoalFields(frequency=True))
    assert (found.letters["M"], found.letters["T"]) == (True, True)


def test_is_smart_needs_every_letter_and_a_career_goal() -> None:
    assert verdict(analyze("earn $100K a year by 2027", today=TODAY)).is_smart
    assert not verdict(analyze("run a marathon by october 2027", today=TODAY)).is_smart


def test_overlapping_evidence_shows_the_longest_span_from_the_earliest_start() -> None:
    assessment = analyze("x", today=TODAY)
    assessment.text = "earn 100k by june"
    assessment.evidence = [
        Span(0, 4, "action verb", "earn"),
        Span(5, 9, "money", "100k"),
        Span(5, 7, "count", "10"),
        Span(10, 17, "deadline", "by june"),
    ]
    assert pieces(assessment) == [
        ("earn", "action verb"),
        (" ", None),
        ("100k", "money"),
        (" ", None),
        ("by june", "deadline"),
    ]


def test_undecided_reasons_are_hidden_beside_a_decided_letter() -> None:
    assessment = analyze("make partner at the firm in five years", today=TODAY)
    assessment.attainable = True
    assessment.attainable_reasons = [
        Reason(True, "two rungs over five years", "rules"),
        Reason(None, "no O*NET occupation matches 'partner'", "O*NET 30.1"),
    ]
    shown = verdict(assessment).attainable_reasons
    assert [reason.text for reason in shown] == ["two rungs over five years"]
    assessment.attainable = None
    assert len(verdict(assessment).attainable_reasons) == 2


def test_cairn_check_shows_the_verdicts_letters_and_advice() -> None:
    text = "get better at my job"
    found = verdict(analyze(text, today=TODAY))
    output = CliRunner().invoke(main, ["check", text, "--today", TODAY, "--no-data"]).output
    letters = "  ".join(
        f"{key} {({True: '✓', False: '✗', None: '?'})[value]}"
        for key, value in found.letters.items()
    )
    assert output.startswith(letters)
    for tip in found.suggestions:
        assert tip.message in output
    assert render(found.assessment).count("try:") == len(
        [tip for tip in found.suggestions if tip.rewrite]
    )
