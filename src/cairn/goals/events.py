"""What happened to a goal, announced to whoever listens (webhooks, above goals in the
layers). Sent by the services after their change is saved, inside their transaction:
a listener's rows commit or roll back with the change itself."""

from django.dispatch import Signal

# Sent with: owner (User), event (str, one of EVENTS), data (dict, JSON-ready).
goal_event = Signal()

EVENTS = {
    "check_in.logged": "A check-in is logged",
    "micro_goal.done": "A micro-goal is ticked off",
    "goal.achieved": "A goal is achieved",
    "comment.created": "A buddy comments on a goal",
    "deadline.soon": "A goal's deadline is 7 days away",
}


def announce(owner: object, event: str, **data: object) -> None:
    goal_event.send(sender=event, owner=owner, event=event, data=data)
