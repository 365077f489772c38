"""Which fields of each model travel, shared by export and import so the two cannot drift.
Ids never travel (goals are referred to as "g1", "g2", ...); `updated_at` does not either: it
is when the row last changed on this instance."""

from __future__ import annotations

PROFILE = ("role_title", "field", "years_experience", "pay_amount", "pay_currency",
           "pay_period", "vision", "state", "time_zone")  # fmt: skip
REFLECTION = ("prompt", "text", "created_at")
REMINDERS = ("lead_days", "nudge_after_days", "deadline_emails", "buddy_emails",
             "nudge_emails", "review_emails")  # fmt: skip
GOAL = ("statement", "area", "horizon", "metric_unit", "metric_baseline", "metric_target",
        "deadline", "frequency_count", "frequency_period", "status", "visibility", "reward",
        "reward_size", "reward_enjoyed_at", "abandon_reason", "created_at", "activated_at",
        "achieved_at", "abandoned_at")  # fmt: skip
REVISION = ("at", "changes", "reason")
STEP = ("title", "action_plan", "deadline", "resources", "helpers", "done_when", "if_then",
        "order", "completed_at", "created_at")  # fmt: skip
CHECK_IN = ("date", "value", "note", "created_at")
GOAL_REFLECTION = ("hard", "easy", "helped", "differently", "created_at")
SESSION = ("step", "state", "created_at", "committed_at", "discarded_at")
REVIEW = ("scheduled_for", "held_at")
DECISION = ("decision", "note", "created_at")
COMMENT = ("text", "created_at")
# When a row was made: a file must give it (a model default would say "now" instead).
STAMPED = {"created_at", "at"}
