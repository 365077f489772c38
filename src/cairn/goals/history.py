"""A goal's history as people read it: field labels, status names, in form order."""

from __future__ import annotations

from dataclasses import dataclass

from cairn.goals.models import Goal, Revision, Status
from cairn.goals.services.goals import EDITABLE

ORDER = ("status", *EDITABLE)


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


def _label(field: str) -> str:
    if field == "parent":
        return "Serves"
    model_field = Goal._meta.get_field(field)
    label = str(getattr(model_field, "verbose_name", field))
    return label[:1].upper() + label[1:]


def _value(field: str, value: str) -> str:
    if field == "status" and value in Status.values:
        return Status(value).label
    return value


def changes_of(revision: Revision) -> list[Change]:
    known = [name for name in ORDER if name in revision.changes]
    rest = sorted(set(revision.changes) - set(known))
    return [
        Change(_label(name), _value(name, before), _value(name, after))
        for name in known + rest
        for before, after in [revision.changes[name]]
    ]
