"""`cairn plan` steps 4-5: SMART letter by letter (only what is missing), and the ladder."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from cairn.accounts.services import update_profile
from cairn.cli.plan_run import Run, profile_context, show_verdict
from cairn.cli.plan_ui import ask_date, ask_number, fill, number_validator, show_error
from cairn.goals.models import Area, Goal, Horizon, Period
from cairn.goals.rules import horizon_for
from cairn.planning import services
from cairn.smart import Assessment

HORIZONS = [(label, value) for value, label in Horizon.choices]
PERIODS = [(f"per {label.removeprefix('a ')}", value) for value, label in Period.choices]


def smart(run: Run) -> None:
    goal = run.need_goal()
    found = run.verdict(goal.statement, goal)
    show_verdict(run.ui, found)
    assessment = found.assessment
    if goal.area == Area.OTHER:
        _area(run)
    if not assessment.specific:
        _note(run, "specific_note", "Specific: what exactly, and where?")
    goal = run.need_goal()
    wants_frequency = assessment.time == "recurring"
    if goal.metric_target is None and not goal.has_frequency:
        wants_frequency = _measure(run, assessment) or wants_frequency
    goal = run.need_goal()
    if goal.deadline is None and not goal.has_frequency:
        _time(run, assessment, wants_frequency)
    elif goal.horizon is None:
        default = horizon_for(goal.deadline, run.today) if goal.deadline else Horizon.ONE
        _save(run, {"horizon": lambda v: _horizon(run, v, default)})
    _attainable(run, assessment)
    if assessment.relevant is not True:
        for reason in assessment.relevant_reasons:
            run.ui.say(f"  Relevant: {reason.text}", "dim")
    _note(run, "relevant_note", "Relevant: how does it serve your field and your vision?")


def _save(run: Run, askers: dict[str, Any], **fixed: Any) -> dict[str, Any]:
    return fill(run.ui, askers, lambda values: run.save("smart", {**values, **fixed}))


def _note(run: Run, name: str, message: str) -> None:
    if name in run.session_state.notes:
        return
    _save(
        run,
        {
            name: lambda v: run.ui.text(
                message, default=v.get(name, ""), instruction="(Enter to skip)"
            )
        },
    )


def _area(run: Run) -> None:
    """The area of the brainstormed idea the goal came from; asked when there is none."""
    known = services.area_of_idea(run.session, services.chosen_idea(run.session))
    if known is not None:
        run.save("smart", {"area": known})
        run.ui.say(f"  Area: {Area(known).label} (from your brainstorm).", "dim")
        return
    choices = [(label, value) for value, label in Area.choices]
    _save(run, {"area": lambda v: run.ui.select("Which area is it in?", choices, default=None)})


def _measure(run: Run, assessment: Assessment) -> bool:
    """Metric, baseline, target and unit; True when the person says it repeats instead."""
    choices = [
        ("With a number: metric, baseline and target", "number"),
        ("It repeats: a number of times per week, month...", "frequency"),
        ("A finished result the micro-goals will prove", "outcome"),
    ]
    default = "number" if assessment.numbers else "outcome"
    how = run.ui.select("Measurable: how will you know it is done?", choices, default=default)
    if how != "number":
        return bool(how == "frequency")
    target = max(assessment.numbers) if assessment.numbers else None
    _save(
        run,
        {
            "metric_unit": lambda v: run.ui.text(
                "Unit (USD, people, talks...)", default=v.get("metric_unit", "")
            ),
            "metric_baseline": lambda v: ask_number(
                run.ui, "Where you are now (baseline)", v.get("metric_baseline"), optional=True
            ),
            "metric_target": lambda v: ask_number(run.ui, "Target", v.get("metric_target", target)),
        },
    )
    return False


def _time(run: Run, assessment: Assessment, wants_frequency: bool) -> None:
    choices = [("A deadline", "deadline"), ("A frequency: it repeats", "frequency")]
    kind = run.ui.select(
        "Time-bound: by when, or how often?",
        choices,
        default="frequency" if wants_frequency else "deadline",
    )
    if kind == "deadline":
        _save(
            run,
            {
                "deadline": lambda v: ask_date(
                    run.ui, "Deadline", run.today, v.get("deadline") or assessment.deadline
                ),
                "horizon": lambda v: _horizon(run, v, horizon_for(v["deadline"], run.today)),
            },
        )
        return
    whole = number_validator(whole=True)
    _save(
        run,
        {
            "frequency_count": lambda v: int(
                run.ui.text(
                    "How many times", default=str(v.get("frequency_count") or ""), validate=whole
                )
            ),
            "frequency_period": lambda v: run.ui.select(
                "Per", PERIODS, default=v.get("frequency_period", Period.WEEK)
            ),
            "horizon": lambda v: _horizon(run, v, v.get("horizon") or Horizon.ONE),
        },
    )


def _horizon(run: Run, values: dict[str, Any], derived: int) -> int:
    run.ui.say(f"  That makes it a {derived}-year goal; change it if you see it otherwise.", "dim")
    return int(run.ui.select("Horizon", HORIZONS, default=derived))


def _attainable(run: Run, assessment: Assessment) -> None:
    if assessment.attainable is None:
        _complete_profile(run)
        assessment = run.assess(run.need_goal().statement)
    for reason in assessment.attainable_reasons:
        style = "warn" if reason.verdict is False else "dim"
        run.ui.say(f"  Attainable: {reason.text}", style)
    _note(run, "attainable_note", "Attainable: what makes it within your reach?")
    _note(run, "network_contact", "Whom in your network could you ask if it is realistic?")


def _complete_profile(run: Run) -> None:
    """Role, experience and pay help judge 'attainable'; asked only when missing."""
    known = profile_context(run.owner)
    questions = [
        ("role", "role_title", "Your current role", None),
        ("years_experience", "years_experience", "Years of experience", True),
        ("salary", "pay_amount", "Your current yearly pay (private)", False),
    ]
    for key, field, message, whole in questions:
        if key in known:
            continue
        validate = None if whole is None else number_validator(optional=True, whole=whole)
        text = run.ui.text(message, instruction="(Enter to skip)", validate=validate)
        if not text:
            continue
        value: Any = text if whole is None else int(text) if whole else text.replace(",", "")
        extra = {"pay_period": "year"} if field == "pay_amount" else {}
        try:
            update_profile(user=run.owner, **{field: value}, **extra)
        except ValidationError as error:
            show_error(run.ui, error)


def ladder(run: Run) -> None:
    goal = run.need_goal()
    span = f"a {goal.horizon}-year goal" if goal.horizon else "a goal with no horizon yet"
    run.ui.say(f"“{goal.statement}” is {span}.", "dim")
    parents = list(services.ladder_parents(run.session))
    while True:
        choice = run.ui.select(
            "Which longer goal does it serve?",
            _ladder_choices(goal, parents),
            default=goal.parent_id,
        )
        try:
            if choice == "new":
                _new_rung(run, goal)
            else:
                parent = next((g for g in parents if g.pk == choice), None)
                run.save("ladder", {"parent": parent})
            return
        except ValidationError as error:
            show_error(run.ui, error)


def _ladder_choices(goal: Goal, parents: list[Goal]) -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [
        (f"It serves: {g.statement} ({g.horizon or '?'}-year)", g.pk) for g in parents
    ]
    if goal.horizon != Horizon.TEN:
        choices.append(("Draft the longer goal it serves (a new rung)", "new"))
    choices.append(("It stands alone for now", None))
    return choices


def _new_rung(run: Run, goal: Goal) -> None:
    longer = [(label, value) for label, value in HORIZONS if value > (goal.horizon or 0)]
    fill(
        run.ui,
        {
            "new_rung_statement": lambda v: run.ui.text(
                "The longer goal, in one sentence", default=v.get("new_rung_statement", "")
            ),
            "new_rung_horizon": lambda v: run.ui.select(
                "Its horizon", longer, default=v.get("new_rung_horizon", longer[0][1])
            ),
        },
        lambda values: _save_rung(run, values),
    )


def _save_rung(run: Run, values: dict[str, Any]) -> None:
    if not str(values["new_rung_statement"]).strip():
        raise ValidationError({"new_rung_statement": "Write the longer goal in one sentence."})
    run.save("ladder", values)
