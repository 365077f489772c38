"""The signed-in person's career data in any template: the occupation picker for their
profile and the roles their occupation leads to."""

from __future__ import annotations

from typing import Any

from django import template

from cairn.accounts.occupations import picker_context
from cairn.accounts.services import get_profile

register = template.Library()


@register.inclusion_tag("careerdata/_picker.html", takes_context=True)
def occupation_picker(context: template.Context, which: str = "occupation") -> dict[str, Any]:
    """The picker for the signed-in person's `occupation` or `target_occupation`."""
    return picker_context(context["request"], which)


@register.inclusion_tag("careerdata/_next_roles_list.html", takes_context=True)
def next_roles(context: template.Context, limit: int = 8) -> dict[str, Any]:
    """Next roles from the signed-in person's occupation (nothing for anonymous visitors)."""
    from cairn.careerdata.nextroles import next_roles as find

    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"show": False}
    profile = get_profile(user)
    occupation = profile.occupation
    roles = find(occupation.code if occupation else None, profile.state, limit)
    return {"show": True, "occupation": occupation, "roles": roles, "state": profile.state}
