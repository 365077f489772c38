"""`cairn plan` steps 6-8: micro-goals, the reward, and review with commit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError

from cairn.cli.plan_run import Run, letters_line
from cairn.cli.plan_ui import ask_date, fill, show_error
from cairn.goals.models import Goal, RewardSize, Step
from cairn.goals.rules import display, nice_date
from cairn.goals.services import add_step, update_step
from cairn.planning import services
from cairn.planning.models import STEPS
from cairn.planning.steps import STEP_INFO

IF_THEN_EXAMPLES = (
    "If it is Monday 8:00, then I apply to two jobs.",
    "If a week passes with no reply, then I call.",
    "If I finish lunch on Friday, then I study for 30 minutes.",
)
REWARD_EXAMPLES = {
    RewardSize.SMALL: "a favourite lunch out, a new book, an evening off",
    RewardSize.MEDIUM: "a concert ticket, a day trip, good headphones",
    RewardSize.LARGE: "a week's holiday, the course you always wanted, a new laptop",
}


def breakdown(run: Run) -> None:
    goal = run.need_goal()
    due = f"due on or before {nice_date(goal.deadline)}" if goal.deadline else "each dated"
    run.ui.say(f"Small concrete steps, {due}; make the first one due soon.", "dim")
    while True:
        steps = list(goal.steps.all())
        for number, step in enumerate(steps, start=1):
            when = f" (due {nice_date(step.deadline)})" if step.deadline else ""
            run.ui.say(f"  {number}. {step.title}{when}")
        needed = services.needs_micro_goal(goal, run.today)
        if needed:
            run.ui.say("This goal runs over three months: add at least one micro-goal.", "warn")
        elif not run.ui.confirm("Add a micro-goal?", default=not steps):
            return
        _micro_goal(run, goal, first=not steps)
        goal = run.need_goal()


def _until_saved(run: Run, ask: Callable[[Any], Any], save: Callable[[Any], Any]) -> Any:
    """Ask, save at once; when refused show why and ask again with the typed answer."""
    value = None
    while True:
        value = ask(value)
        try:
            return save(value)
        except ValidationError as error:
            show_error(run.ui, error)


def _micro_goal(run: Run, goal: Goal, *, first: bool) -> None:
    ui = run.ui
    step: Step = _until_saved(
        run,
        lambda v: ui.text("Micro-goal: a small, concrete step", default=v or ""),
        lambda title: add_step(goal, title=title),
    )
    soon = services.first_micro_goal_due(goal, run.today)
    texts = [
        ("action_plan", "Action plan: how exactly will you do it?"),
        ("resources", "Resources needed"),
        ("helpers", "Who can help"),
    ]
    for name, message in texts:
        _text_field(run, step, name, message)
    _until_saved(
        run,
        lambda v: ask_date(
            ui, "Deadline", run.today, v or (soon if first else None), optional=True
        ),
        lambda day: update_step(step, deadline=day),
    )
    ui.say("An if-then plan turns a good intention into a trigger. For example:", "dim")
    for example in IF_THEN_EXAMPLES:
        ui.say(f"  {example}", "dim")
    _text_field(run, step, "if_then", "If-then plan")


def _text_field(run: Run, step: Step, name: str, message: str) -> None:
    _until_saved(
        run,
        lambda typed: run.ui.text(message, default=typed or "", instruction="(Enter to skip)"),
        lambda value: update_step(step, **{name: value}),
    )


def reward(run: Run) -> None:
    goal = run.need_goal()
    suggested = services.reward_size_for(goal, run.today)
    sizes = [
        (f"{label}: {REWARD_EXAMPLES[RewardSize(value)]}", value)
        for value, label in RewardSize.choices
    ]
    fill(
        run.ui,
        {
            "reward_size": lambda v: run.ui.select(
                "How big a reward fits this goal?",
                sizes,
                default=v.get("reward_size") or goal.reward_size or suggested,
            ),
            "reward": lambda v: run.ui.text(
                "Your reward",
                default=v.get("reward", goal.reward),
                instruction=f"(e.g. {REWARD_EXAMPLES[RewardSize(v['reward_size'])]})",
            ),
        },
        lambda values: run.save("reward", values),
    )


def review(run: Run) -> str:
    """Show the whole goal; return "done" (committed), "later", or a step to go back to."""
    while True:
        goal = run.need_goal()
        summary(run, goal)
        missing = services.missing_for_commit(run.session, run.today)
        for item in missing:
            run.ui.say(f"  Still needed: {item.message}", "warn")
        # The first thing missing says where to go; nothing missing, commit.
        fix = missing[0].step if missing else "commit"
        choice = run.ui.select("Ready?", _review_choices(bool(missing)), default=fix)
        if choice != "commit":
            return str(choice)
        try:
            goal = services.commit_session(run.session, today=run.today)
        except ValidationError as error:
            show_error(run.ui, error)
            run.reload()
            continue
        run.ui.say(f"Goal {goal.pk} is active: {goal.statement}", "ok")
        return "done"


def _review_choices(missing: bool) -> list[tuple[str, str]]:
    choices = [] if missing else [("Commit: make this goal active", "commit")]
    choices += [
        (f"Go back to step {n}: {STEP_INFO[s].title}", s) for n, s in enumerate(STEPS[:-1], 1)
    ]
    choices.append(("Leave it as a draft for now (cairn plan comes back here)", "later"))
    return choices


def summary(run: Run, goal: Goal) -> None:
    say = run.ui.say
    say(f"“{goal.statement}”", "title")
    say(f"  SMART: {letters_line(run.verdict(goal.statement, goal))}")
    say(f"  Area: {goal.get_area_display()} · horizon: {display(goal.horizon) or '?'} year(s)")
    if goal.metric_target is not None:
        start = f"from {display(goal.metric_baseline)} " if goal.metric_baseline is not None else ""
        say(f"  Measure: {start}to {display(goal.metric_target)} {goal.metric_unit}".rstrip())
    if goal.deadline:
        say(f"  Deadline: {nice_date(goal.deadline)}")
    if goal.has_frequency:
        say(f"  Every {goal.get_frequency_period_display()}: {goal.frequency_count} time(s)")
    if goal.parent:
        say(f"  Serves: {goal.parent.statement}")
    for name, text in run.session_state.notes.items():
        if text:
            say(f"  {name.replace('_', ' ').capitalize()}: {text}", "dim")
    for step in goal.steps.all():
        when = f", due {nice_date(step.deadline)}" if step.deadline else ""
        say(f"  · {step.title}{when}")
        if step.if_then:
            say(f"      {step.if_then}", "dim")
    if goal.reward:
        say(f"  Reward ({goal.get_reward_size_display().lower() or 'any size'}): {goal.reward}")
