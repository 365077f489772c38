"""`cairn plan`: the guided goal-setting session in the terminal, or from a YAML file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

import click

from cairn.cli.accounts import account
from cairn.cli.django_setup import setup_django

if TYPE_CHECKING:
    from cairn.accounts.models import User
    from cairn.cli.plan_run import Run
    from cairn.cli.plan_ui import Prompter
    from cairn.planning.models import PlanSession

INTERRUPTED = 130  # the shell's code for a Ctrl-C


@click.command()
@click.option("--user", "username", metavar="NAME", help="Whose goal (needed with 2+ accounts).")
@click.option(
    "--answers",
    type=click.File("r", encoding="utf-8"),
    metavar="FILE.yaml",
    help="Create the goal from a YAML file instead of asking ('-' for standard input).",
)
def plan(username: str | None, answers: IO[str] | None) -> None:
    """Set a goal with a guided session: from what success means to you to an active
    SMART goal with micro-goals.

    The eight steps are those of the web session: reflect, brainstorm, draft (with the
    SMART verdict), SMART letter by letter, ladder, micro-goals, reward, review and commit.
    Every answer is saved at once in the same database as the web app (CAIRN_HOME): after
    Ctrl-C, `cairn plan` again resumes at the same step, and a session started in the
    browser can be finished here.

    With --answers the goal is created from a file, without questions. Every step but
    draft is optional; dates are YYYY-MM-DD or counted from today (+90d, +6w, +9m, +1y).
    The whole file is applied in one transaction: when any part is refused, the error
    names the step and field, the exit code is 1 and NOTHING is written (no session, no
    draft; fix the file and run it again). It prints the goal's id and SMART letters.

    \b
        reflect:                   # any of: success, money, company, perception,
          success: Freedom to choose my projects    #  ultimate_job, admire
        brainstorm:
          ideas:                   # earnings, knowledge, difference, power,
            earnings: [Ask for a raise]             #  experiences, other
          own_area: ""
        draft:
          idea: Ask for a raise
          statement: Earn $120K a year as a senior engineer within a year
        smart:                     # only what the goal needs
          area: earnings
          metric_unit: USD
          metric_baseline: 95000
          metric_target: 120000
          deadline: +12m           # or frequency_count: 2, frequency_period: week
          horizon: 1               # 1, 5 or 10 (years); must fit the deadline
          attainable_note: Two seniors were promoted from my team last year
          network_contact: Dana, my mentor
          relevant_note: Pay that matches the work I already do
        ladder:                    # parent: ID or statement of one of your goals, or
          new_rung: {statement: Lead an engineering team, horizon: 5}
        breakdown:                 # micro-goals; one at least for goals over 3 months
          - title: List my wins of the year
            action_plan: Go through my tickets and reviews
            deadline: +14d         # on or before the goal's deadline
            resources: Last year's review
            helpers: Dana
            if_then: If it is Friday 4pm, then I add this week's wins
        reward: {size: medium, text: A weekend in Lisbon}

    \b
    Examples:
        cairn plan                           # ask, step by step; resumes an open session
        cairn plan --user alice              # when there are several accounts
        cairn plan --answers goal.yaml --user alice
        cat goal.yaml | cairn plan --answers - --user alice
    """
    setup_django()
    owner = account(username, whose="goal")
    if answers is not None:
        _from_answers(owner, answers)
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise click.ClickException(
            "cairn plan asks questions and needs a terminal; use --answers FILE.yaml in scripts."
        )
    from cairn.cli.plan_ui import QuestionaryPrompter

    interactive(owner, QuestionaryPrompter())


def _from_answers(owner: User, stream: IO[str]) -> None:
    from django.utils import timezone

    from cairn.cli.plan_answers import AnswerError, create_goal, load
    from cairn.cli.plan_run import letters_line
    from cairn.goals import assess

    today = timezone.localdate()
    try:
        goal = create_goal(owner, load(stream), today)
    except AnswerError as error:
        name = getattr(stream, "name", "answers")
        raise click.ClickException(f"{name}: {error} (nothing was saved)") from None
    found = assess.verdict_for(owner, goal.statement, today, goal)
    click.echo(f"Created goal {goal.pk} ({goal.status}): {goal.statement}")
    click.echo(f"SMART: {letters_line(found)}")


def interactive(owner: User, ui: Prompter) -> None:
    """Run (or resume) a session; Ctrl-C stops it with everything saved."""
    from django.utils import timezone

    from cairn.cli.plan_run import Run

    ui.say("cairn plan: every answer is saved at once; Ctrl-C stops, `cairn plan` resumes.", "dim")
    try:
        run = Run(_choose_session(owner, ui), ui, timezone.localdate())
    except KeyboardInterrupt:
        raise click.exceptions.Exit(INTERRUPTED) from None
    try:
        committed = run_steps(run)
    except KeyboardInterrupt:
        run.reload()
        ui.say()
        ui.say(
            f"Stopped. Everything you answered is saved: `cairn plan` continues at step "
            f"{run.session.step_number} ({run.session.step}).",
            "warn",
        )
        raise click.exceptions.Exit(INTERRUPTED) from None
    if not committed:
        ui.say("Kept as a draft: `cairn plan` comes back to it.", "dim")


def _choose_session(owner: User, ui: Prompter) -> PlanSession:
    from cairn.cli.plan_run import describe
    from cairn.planning import services

    sessions = list(services.open_sessions(owner)[:20])
    if not sessions:
        return services.start_session(owner=owner)
    choices: list[tuple[str, Any]] = [(f"Continue {describe(s)}", s.pk) for s in sessions]
    choices.append(("Start a new session", None))
    count = "an open session" if len(sessions) == 1 else f"{len(sessions)} open sessions"
    chosen = ui.select(f"You have {count}.", choices, default=sessions[0].pk)
    if chosen is None:
        return services.start_session(owner=owner)
    return next(s for s in sessions if s.pk == chosen)


def step_functions() -> dict[str, Callable[[Run], Any]]:
    from cairn.cli import plan_finish, plan_smart, plan_steps

    return {
        "reflect": plan_steps.reflect,
        "brainstorm": plan_steps.brainstorm,
        "draft": plan_steps.draft,
        "smart": plan_smart.smart,
        "ladder": plan_smart.ladder,
        "breakdown": plan_finish.breakdown,
        "reward": plan_finish.reward,
        "review": plan_finish.review,
    }


def run_steps(run: Run) -> bool:
    """From the session's step to review; True when the goal was committed."""
    from cairn.cli.plan_run import header
    from cairn.planning.models import STEPS

    functions = step_functions()
    step = run.session.step
    while True:
        header(run, step)
        outcome = functions[step](run)
        if step == "review" and outcome in ("done", "later"):
            return bool(outcome == "done")
        step = outcome if step == "review" else STEPS[STEPS.index(step) + 1]
        run.enter(step)
