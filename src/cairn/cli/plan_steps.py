"""`cairn plan` steps 1-3: reflect, brainstorm, draft (with the live SMART verdict)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from cairn.cli.plan_run import Run, show_verdict
from cairn.cli.plan_ui import show_error
from cairn.goals.models import Area, Prompt
from cairn.goals.services.reflections import latest_answers
from cairn.planning import services
from cairn.planning.services import IDEA_MAX
from cairn.planning.session_state import OWN_AREA
from cairn.planning.steps import PROMPT_WHY

AREAS = [(label, value) for value, label in Area.choices if value != Area.OTHER]


def reflect(run: Run) -> None:
    run.ui.say("Suspend pragmatic thinking: there are no wrong answers, and no limits yet.", "dim")
    run.ui.say("Enter keeps the answer shown; an empty answer skips the question.", "dim")
    latest = latest_answers(run.owner)
    since = services.prompts_answered(run.session)
    for prompt in Prompt:
        if prompt.value in since:
            run.ui.say(f"  {prompt.label} → {latest[prompt.value].text}", "dim")
            continue
        _ask_reflection(run, prompt, latest[prompt].text if prompt in latest else "")
    if since == set(Prompt.values):
        _revise_reflections(run)


def _ask_reflection(run: Run, prompt: Prompt, default: str) -> None:
    run.ui.say(f"  {PROMPT_WHY[prompt]}", "dim")
    text = default
    while True:
        text = run.ui.text(prompt.label, default=text)
        try:
            run.save("reflect", {prompt.value: text})
            return
        except ValidationError as error:
            show_error(run.ui, error)


def _revise_reflections(run: Run) -> None:
    while True:
        latest = latest_answers(run.owner)
        choices = [("Go on", None)] + [(f"Revise: {p.label}", p) for p in Prompt]
        prompt = run.ui.select("All six are answered.", choices, default=None)
        if prompt is None:
            return
        _ask_reflection(run, prompt, latest[prompt].text if prompt in latest else "")


def brainstorm(run: Run) -> None:
    _show_reflections(run)
    saved = run.session_state.brainstorm
    ideas: dict[str, list[str]] = {k: list(v) for k, v in saved.ideas.items()}
    own_area = saved.own_area
    choices = [*AREAS, ("Your own area", OWN_AREA)]
    areas = run.ui.checkbox("Which areas call to you?", choices, checked=list(ideas))
    if OWN_AREA in areas:
        own_area = run.ui.text("Name your own area", default=own_area)
    for area in areas:
        label = (own_area or "your own area") if area == OWN_AREA else Area(area).label
        ideas.setdefault(area, [])
        _collect_ideas(run, label, ideas, area, own_area)


def _show_reflections(run: Run) -> None:
    latest = latest_answers(run.owner)
    texts = [latest[p].text for p in Prompt.values if p in latest and latest[p].text]
    if texts:
        run.ui.say("Your reflections, as material:", "dim")
        for text in texts:
            run.ui.say(f"  · {text}", "dim")


def _collect_ideas(
    run: Run, label: str, ideas: dict[str, list[str]], area: str, own_area: str
) -> None:
    for idea in ideas[area]:
        run.ui.say(f"  · {idea}", "dim")
    while True:
        number = len(ideas[area]) + 1
        text = run.ui.text(
            f"Idea {number} for {label}",
            instruction="(quick, several; an empty line moves on)",
            validate=lambda t: (
                f"Keep it under {IDEA_MAX} characters." if len(t.strip()) > IDEA_MAX else None
            ),
        )
        if not text:
            return
        ideas[area].append(text)
        run.save("brainstorm", {"ideas": ideas, "own_area": own_area})


def draft(run: Run) -> None:
    idea = services.chosen_idea(run.session)
    goal = run.goal
    if goal is None:
        idea = _pick_idea(run, idea)
    statement = goal.statement if goal else idea
    while True:
        statement = _save_statement(run, statement, idea)
        found = run.verdict(statement)  # the draft step's panel, as on the web
        show_verdict(run.ui, found)
        choices = [("Keep this statement and go on", "keep")]
        rewrites = [s.rewrite for s in found.suggestions if s.rewrite]
        choices += [(f"Use: {rewrite}", rewrite) for rewrite in dict.fromkeys(rewrites)]
        choices.append(("Edit the statement", "edit"))
        choice = run.ui.select("What now?", choices, default="keep")
        if choice == "keep":
            return
        if choice != "edit":
            statement = _save_statement(run, choice, idea, ask=False)


def _pick_idea(run: Run, current: str) -> str:
    choices = [(idea, idea) for idea in services.all_ideas(run.session)]
    if not choices:
        return current
    choices.append(("Write something new", ""))
    default = current or choices[0][1]
    return str(run.ui.select("Which idea will you shape into a goal?", choices, default=default))


def _save_statement(run: Run, statement: str, idea: str, *, ask: bool = True) -> str:
    """Ask for the statement (what was typed stays the default) until it is accepted."""
    while True:
        if ask:
            statement = run.ui.text(
                "Your goal, as one actionable sentence",
                default=statement,
                instruction="(what, how much, by when)",
            )
        try:
            run.save("draft", {"statement": statement, "idea": idea})
            return statement
        except ValidationError as error:
            show_error(run.ui, error)
            ask = True
