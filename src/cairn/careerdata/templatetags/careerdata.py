"""Career data in any template: attribution, the occupation picker, next roles."""

from __future__ import annotations

from typing import Any

from django import template

from cairn.careerdata.models import DataVersion

register = template.Library()

# Shown until data is loaded, and the licence's required wording in any case.
DEFAULT_ATTRIBUTION = (
    "This product includes information from the O*NET 30.1 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. Cairn has modified all or some of this "
    "information. USDOL/ETA has not approved, endorsed, or tested these modifications. "
    "Wage figures: U.S. Bureau of Labor Statistics, Occupational Employment and Wage "
    "Statistics (OEWS), May 2025 (public domain)."
)


def attribution() -> str:
    marker = DataVersion.objects.order_by("-loaded_at").only("attribution").first()
    return (marker.attribution if marker else "") or DEFAULT_ATTRIBUTION


@register.inclusion_tag("careerdata/_attribution_text.html")
def onet_attribution() -> dict[str, Any]:
    return {"attribution": attribution()}


@register.inclusion_tag("careerdata/_picker.html", takes_context=True)
def occupation_picker(context: template.Context, which: str = "occupation") -> dict[str, Any]:
    """The picker for the signed-in person's `occupation` or `target_occupation`."""
    from cairn.careerdata.views import picker_context

    return picker_context(context["request"], which)


@register.inclusion_tag("careerdata/_next_roles_list.html", takes_context=True)
def next_roles(context: template.Context, limit: int = 8) -> dict[str, Any]:
    """Next roles from the signed-in person's occupation (nothing for anonymous visitors)."""
    from cairn.accounts.services import get_profile
    from cairn.careerdata.nextroles import next_roles as find

    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"show": False}
    profile = get_profile(user)
    occupation = profile.occupation
    roles = find(occupation.code if occupation else None, profile.state, limit)
    return {"show": True, "occupation": occupation, "roles": roles, "state": profile.state}


@register.filter
def dollars(value: Any) -> str:
    """78760 -> "$78,760"; "" for a missing figure (the template says "no pay data")."""
    try:
        return f"${int(value):,}"
    except (TypeError, ValueError):
        return ""
