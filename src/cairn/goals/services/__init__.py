"""Every change to goals, micro-goals, check-ins and reflections goes through here.

Views, the CLI, workers and tests all call these functions; each runs in one transaction.
"""

from cairn.goals.services.checkins import delete_check_in, record_check_in
from cairn.goals.services.goals import (
    TransitionRefused,
    abandon_goal,
    achieve_goal,
    activate_goal,
    allowed_transitions,
    can,
    create_goal,
    delete_goal,
    pause_goal,
    refusal,
    reopen_goal,
    resume_goal,
    update_goal,
)
from cairn.goals.services.reflections import save_goal_reflection, save_reflection_answer
from cairn.goals.services.steps import (
    add_step,
    complete_step,
    delete_step,
    move_step,
    reopen_step,
    update_step,
)

__all__ = [
    "TransitionRefused",
    "abandon_goal",
    "achieve_goal",
    "activate_goal",
    "add_step",
    "allowed_transitions",
    "can",
    "complete_step",
    "create_goal",
    "delete_check_in",
    "delete_goal",
    "delete_step",
    "move_step",
    "pause_goal",
    "record_check_in",
    "refusal",
    "reopen_goal",
    "reopen_step",
    "resume_goal",
    "save_goal_reflection",
    "save_reflection_answer",
    "update_goal",
    "update_step",
]
