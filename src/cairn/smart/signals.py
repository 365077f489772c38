"""What the rules read in a statement, as named features for the learned layer.

The rules' own verdicts are features too: the model learns when to trust them. Counts are
capped so that a pasted page does not look unlike anything seen in training.
"""

from __future__ import annotations

from cairn.smart.frequency import Frequency
from cairn.smart.goal import GoalReading
from cairn.smart.numbers import NumberMention
from cairn.smart.timewords import TimeMention

_ARROWS = ("->", "→", "=>", "➡")


def signals(
    lowered: str,
    reading: GoalReading,
    targets: list[NumberMention],
    times: list[TimeMention],
    frequencies: list[Frequency],
    rules: dict[str, bool],
) -> set[str]:
    """Feature names: r: the rules' readings, s: the statement's shape."""
    # a reading that is false adds nothing: its absence is the feature (fewer lookups)
    found = {"r:" + name for name, value in rules.items() if value}
    found.update(f"r:number:{mention.kind}" for mention in targets)
    found.update(f"r:time:{mention.kind}" for mention in times)
    found.update("r:rate" if f.is_rate else "r:habit" for f in frequencies)
    found.update(f"r:outcome:{kind}" for _, _, kind in reading.outcomes)
    if reading.goal_clauses:
        found.add(f"r:clauses={min(len(reading.goal_clauses), 3)}")
    if reading.non_career:
        found.add("r:personal_words")
    if reading.vague:
        found.add("r:vague_words_present")
    if reading.credential:
        found.add("r:credential")
    if reading.process_goal:
        found.add("r:process")
    found.update(_shape(lowered))
    return found


def _shape(lowered: str) -> set[str]:
    head = lowered[:600]
    found = set()
    if "," in head:
        found.add(f"s:commas={min(head.count(','), 3)}")
    if " and " in head:
        found.add(f"s:and={min(head.count(' and '), 3)}")
    if ":" in head:
        found.add("s:colon")
    if ";" in head:
        found.add("s:semicolon")
    if any(arrow in head for arrow in _ARROWS):
        found.add("s:arrow")
    if "&" in head or " + " in head or " plus " in head:
        found.add("s:plus")
    if "#" in head:
        found.add("s:hashtag")
    if " - " in head or "•" in head:
        found.add("s:list")
    words = head.count(" ") + 1
    found.add("s:len=" + next(label for limit, label in _LENGTHS if words <= limit))
    return found


_LENGTHS = ((4, "xs"), (9, "s"), (16, "m"), (30, "l"), (10**9, "xl"))
