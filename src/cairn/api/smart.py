"""The SMART coach: a statement (and what Cairn knows of the person) in, the assessment out."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from cairn.api.schemas import SmartIn
from cairn.smart import analyze

router = Router(tags=["smart"])


@router.post("/smart/check", summary="Is a goal statement SMART, and what is missing?")
def check(request: HttpRequest, payload: SmartIn) -> dict[str, Any]:
    context = {k: v for k, v in (payload.context or {}).items() if isinstance(k, str)}
    result = analyze(payload.text, today=payload.today, context=context)
    return result.to_dict()
