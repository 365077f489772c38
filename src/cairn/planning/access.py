"""A session is its owner's alone: anyone else gets 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from cairn.planning.models import PlanSession
from cairn.web.types import AuthedRequest


def own_session(request: AuthedRequest, session_id: int) -> PlanSession:
    return get_object_or_404(
        PlanSession.objects.select_related("goal"), pk=session_id, owner_id=request.user.pk
    )


def own_open_session(request: AuthedRequest, session_id: int) -> PlanSession:
    return get_object_or_404(
        PlanSession.objects.select_related("goal"),
        pk=session_id,
        owner_id=request.user.pk,
        committed_at__isnull=True,
        discarded_at__isnull=True,
    )
