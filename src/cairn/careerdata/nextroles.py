"""Next roles: occupations related to the person's (O*NET tiers), with what it takes.

Each comes with its job zone, the typical related experience of its workers, the median
pay (the person's state when BLS has it, else national) and the skills whose importance
differs most from the current occupation. Missing data stays missing ("no pay data").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from cairn.careerdata.models import (
    NATIONAL,
    DataVersion,
    ElementScore,
    ExperienceShare,
    Occupation,
    RelatedOccupation,
    Wage,
)

TIER_LABELS = dict(RelatedOccupation.Tier.choices)
_ZONE_PREFIX = re.compile(r"^Job Zone \w+:\s*")


@dataclass(frozen=True)
class SkillDifference:
    name: str
    here: float  # importance in the next role, 1-5
    now: float  # importance in the current occupation

    @property
    def more(self) -> bool:
        return self.here > self.now

    @property
    def change(self) -> float:
        return round(self.here - self.now, 2)


@dataclass
class NextRole:
    code: str
    title: str
    tier: str
    tier_label: str
    job_zone: int | None
    job_zone_name: str
    experience: str  # the median worker's related experience, "" when unknown
    median_wage: int | None
    wage_area: str  # "US" or the state's code
    wage_broad: bool  # BLS figure for the broader SOC group (O*NET splits it finer)
    skills: list[SkillDifference] = field(default_factory=list)


def zone_name(zone: int | None, names: dict[str, str]) -> str:
    if zone is None:
        return ""
    return _ZONE_PREFIX.sub("", names.get(str(zone), "")) or f"Job Zone {zone}"


def typical_experience(shares: dict[int, float], labels: dict[str, str]) -> str:
    """The category the median worker reports (cumulative share reaches half)."""
    total = sum(shares.values())
    if total <= 0:
        return ""
    running = 0.0
    for category in sorted(shares):
        running += shares[category]
        if running >= total / 2:
            return labels.get(str(category), "")
    return ""


def next_roles(code: str | None, state: str = "", limit: int = 8) -> list[NextRole]:
    """Related occupations of `code`, closest first; [] for an unknown code or no data."""
    if not code:
        return []
    links = list(
        RelatedOccupation.objects.filter(occupation_id=code)
        .select_related("related")
        .order_by("rank")[:limit]
    )
    if not links:
        return []
    codes = [link.related_id for link in links]
    marker = DataVersion.objects.order_by("-loaded_at").first()
    zones = marker.job_zones if marker else {}
    labels = marker.experience_categories if marker else {}
    wages = _median_wages(codes, state)
    experience: dict[str, dict[int, float]] = defaultdict(dict)
    for share in ExperienceShare.objects.filter(occupation_id__in=codes):
        experience[share.occupation_id][share.category] = share.pct
    skills = _skill_differences(code, codes)
    roles = []
    for link in links:
        other: Occupation = link.related
        median, area = wages.get(other.code, (None, NATIONAL))
        roles.append(
            NextRole(
                code=other.code,
                title=other.title,
                tier=link.tier,
                tier_label=TIER_LABELS.get(link.tier, link.tier),
                job_zone=other.job_zone,
                job_zone_name=zone_name(other.job_zone, zones),
                experience=typical_experience(experience.get(other.code, {}), labels),
                median_wage=median,
                wage_area=area,
                wage_broad=other.wage_source.startswith("aggregate")
                or not other.code.endswith(".00"),
                skills=skills.get(other.code, []),
            )
        )
    return roles


def _median_wages(codes: list[str], state: str) -> dict[str, tuple[int | None, str]]:
    areas = [NATIONAL, state] if state and state != NATIONAL else [NATIONAL]
    found: dict[str, tuple[int | None, str]] = {}
    rows = Wage.objects.filter(occupation_id__in=codes, area__in=areas, p50__isnull=False)
    for occupation_id, area, p50 in rows.values_list("occupation_id", "area", "p50"):
        if area != NATIONAL or occupation_id not in found:
            found[occupation_id] = (p50, area)
    return found


def _skill_differences(
    code: str, others: list[str], count: int = 3
) -> dict[str, list[SkillDifference]]:
    rows = ElementScore.objects.filter(
        occupation_id__in=[code, *others], kind=ElementScore.Kind.SKILL
    ).values_list("occupation_id", "element", "name", "importance")
    scores: dict[str, dict[str, tuple[str, float]]] = defaultdict(dict)
    for occupation_id, element, name, importance in rows:
        scores[occupation_id][element] = (name, importance)
    mine = scores.get(code, {})
    result: dict[str, list[SkillDifference]] = {}
    for other in others:
        differences = [
            SkillDifference(name=name, here=importance, now=mine[element][1])
            for element, (name, importance) in scores.get(other, {}).items()
            if element in mine
        ]
        differences.sort(key=lambda d: (-abs(d.here - d.now), d.name))
        result[other] = [d for d in differences[:count] if abs(d.change) >= 0.25]
    return result
