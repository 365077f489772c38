"""A session is its owner's alone: anyone else's, like a missing one, raises NotFound (the
web answers 404). Functions of a person, as in every app, so the CLI can ask them too."""

from __future__ import annotations

from django.db.models import QuerySet

from cairn.accounts.models import User
from cairn.goals.access import one_or_not_found
from cairn.planning.models import PlanSession


def own_sessions(user: User) -> QuerySet[PlanSession]:
    return PlanSession.objects.select_related("goal").filter(owner_id=user.pk)


def own_session(user: User, session_id: int) -> PlanSession:
    return one_or_not_found(own_sessions(user).filter(pk=session_id), "session")


def own_open_session(user: User, session_id: int) -> PlanSession:
    found = own_sessions(user).filter(pk=session_id, committed_at__isnull=True,
                                      discarded_at__isnull=True)  # fmt: skip
    return one_or_not_found(found, "session")
