"""Career data in any template: the attribution and money figures. The tags that read the
signed-in person's profile (the occupation picker, next roles) are in accounts' `profile`."""

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


@register.filter
def dollars(value: Any) -> str:
    """78760 -> "$78,760"; "" for a missing figure (the template says "no pay data")."""
    try:
        return f"${int(value):,}"
    except (TypeError, ValueError):
        return ""
