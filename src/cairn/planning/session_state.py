"""A typed view of `PlanSession.state`, the one place that knows its keys.

The session keeps in `state` what does not belong on the goal: where the person is in
the reflection, the brainstormed ideas, the idea chosen, the notes of the SMART step,
the goals drafted on the ladder, and the tab that saved last. Everything else reads and
writes it through `SessionState`, so a key is spelled once and every reader gets the
same order of ideas on every database (PostgreSQL's jsonb sorts object keys; SQLite
keeps them as written: no reader may depend on either).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cairn.goals.models import Area
from cairn.planning.models import PlanSession

# The key of the person's own area's ideas, in the browser, the terminal and answer files.
OWN_AREA = "own"
# The brainstorm page's fields, in the order it shows them; an area brainstormed in a file
# under another name sorts after them, alphabetically.
AREA_ORDER = [*(area for area in Area.values if area != Area.OTHER), OWN_AREA]


def _rank(area: str) -> tuple[int, str]:
    return (AREA_ORDER.index(area), "") if area in AREA_ORDER else (len(AREA_ORDER), area)


@dataclass(frozen=True)
class Brainstorm:
    """The ideas by area, in the order the areas were brainstormed."""

    ideas: dict[str, list[str]]
    own_area: str = ""

    @property
    def areas(self) -> list[str]:
        return list(self.ideas)

    def all_ideas(self) -> list[str]:
        return [idea for lines in self.ideas.values() for idea in lines]

    def area_of(self, idea: str) -> str | None:
        """The area an idea was brainstormed in; None for an idea typed elsewhere."""
        if not idea:
            return None
        return next((area for area, lines in self.ideas.items() if idea in lines), None)

    def as_data(self) -> dict[str, Any]:
        """What `save_step(step="brainstorm")` takes to save these ideas again."""
        ideas = {area: list(lines) for area, lines in self.ideas.items()}
        return {"ideas": ideas, "areas": self.areas, "own_area": self.own_area}


def ordered_brainstorm(stored: dict[str, Any]) -> Brainstorm:
    """The stored areas list gives the order (a JSON array keeps it); areas missing from
    it, as in sessions saved before it existed, follow in the brainstorm page's order."""
    ideas: dict[str, list[str]] = {}
    for area, lines in stored.get("ideas", {}).items():
        # The terminal once kept the own area's ideas under "other": they are the same ideas.
        key = OWN_AREA if area == Area.OTHER else str(area)
        ideas.setdefault(key, []).extend(str(i) for i in lines if str(i) not in ideas.get(key, []))
    named = (OWN_AREA if area == Area.OTHER else area for area in stored.get("areas", []))
    listed = [area for area in dict.fromkeys(named) if area in ideas]
    rest = sorted((area for area in ideas if area not in listed), key=_rank)
    ordered = {area: ideas[area] for area in [*listed, *rest]}
    return Brainstorm(ordered, str(stored.get("own_area", "")))


class SessionState:
    """Reads and writes one session's `state`; writes are saved with the session."""

    def __init__(self, session: PlanSession) -> None:
        self._data: dict[str, Any] = session.state

    @property
    def question(self) -> int:
        """The reflection question (1-6) the person is on."""
        return int(self._data.get("question", 1))

    @question.setter
    def question(self, number: int) -> None:
        self._data["question"] = number

    @property
    def last_tab(self) -> str:
        return str(self._data.get("last_tab", ""))

    @last_tab.setter
    def last_tab(self, tab: str) -> None:
        self._data["last_tab"] = tab

    @property
    def brainstorm(self) -> Brainstorm:
        return ordered_brainstorm(self._data.get("brainstorm", {}))

    @brainstorm.setter
    def brainstorm(self, value: Brainstorm) -> None:
        self._data["brainstorm"] = value.as_data()

    @property
    def idea(self) -> str:
        """The brainstormed idea the goal statement was shaped from."""
        return str(self._data.get("idea", ""))

    @idea.setter
    def idea(self, text: str) -> None:
        self._data["idea"] = text

    @property
    def notes(self) -> dict[str, str]:
        """The SMART step's notes (specific, attainable, network contact, relevant)."""
        return dict(self._data.get("smart", {}))

    def add_notes(self, notes: dict[str, str]) -> None:
        self._data.setdefault("smart", {}).update(notes)

    def drafted(self, slot: str) -> int | None:
        """The id of the goal drafted on the ladder in `slot` (rung_id, child_id)."""
        value = self._data.get(slot)
        return int(value) if value is not None else None

    def set_drafted(self, slot: str, goal_id: int) -> None:
        self._data[slot] = goal_id
