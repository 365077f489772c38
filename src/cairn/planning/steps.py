"""What each step of the guided session is called and why it is there."""

from __future__ import annotations

from dataclasses import dataclass

from cairn.goals.models import Prompt
from cairn.planning.models import STEPS


@dataclass(frozen=True)
class StepInfo:
    key: str
    title: str
    why: str


STEP_INFO = {
    info.key: info
    for info in (
        StepInfo("reflect", "Reflect", "Aspirations first: what would success look like to you?"),
        StepInfo("brainstorm", "Brainstorm", "Many ideas in each area before choosing one."),
        StepInfo("draft", "Draft", "One idea as an actionable statement, not a dream."),
        StepInfo("smart", "Make it SMART", "Only the letters still missing are asked about."),
        StepInfo("ladder", "Ladder", "Place it on your 1-, 5- and 10-year ladder."),
        StepInfo("breakdown", "Break it down", "Micro-goals with plans and deadlines."),
        StepInfo("reward", "Reward", "A reward sized to the goal, to celebrate with your buddy."),
        StepInfo("review", "Review and commit", "The whole goal on one page."),
    )
}
assert tuple(STEP_INFO) == STEPS

PROMPT_WHY = {
    Prompt.SUCCESS: "Your own definition, not anyone else's, is what your goals should serve.",
    Prompt.MONEY: "With money out of the way, what is left is what you care about.",
    Prompt.COMPANY: "What you would change shows where you want to make a difference.",
    Prompt.PERCEPTION: "How you want to be seen hints at the recognition you are after.",
    Prompt.ULTIMATE_JOB: "No obstacles: the dream job names the direction to walk in.",
    Prompt.ADMIRE: "The people we admire show the qualities we want to grow.",
}


def neighbours(step: str) -> tuple[str | None, str | None]:
    index = STEPS.index(step)
    before = STEPS[index - 1] if index > 0 else None
    after = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return before, after
