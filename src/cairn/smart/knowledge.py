"""Attainable and relevant: judged from what the person told about themselves.

A `KnowledgeProvider` answers both questions with a verdict (True, False, or None for
"cannot tell") and the reasons for it. `RuleBasedProvider` uses transparent rules over the
context: the size of a pay rise against the time given, the number of seniority levels
jumped, and how far a skill lies from the person's field or vision. A later provider can
ground the same questions in occupation data (O*NET, BLS) without changing the analyzer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from cairn.smart.model import Context, Reason
from cairn.smart.seniority import judge_jump, seniority, training_needed

__all__ = ["EARNING_RE", "GoalFacts", "Judgement", "KnowledgeProvider", "RuleBasedProvider",
           "domains_of", "seniority"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class GoalFacts:
    """What the analyzer read from the statement, as a provider needs it."""

    text: str  # lower-cased statement
    today: date
    deadline: date | None
    career: bool
    measurable: bool
    process_goal: bool  # "learn X": a skill, not an outcome
    yearly_pay: float | None  # an income target, per year
    raise_percent: float | None  # "a 10% raise"
    title: str | None  # the role aimed at ("senior engineer")
    business: bool  # starting or owning a business
    business_units: int | None  # "a chain of 10 restaurants" -> 10


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: bool | None
    reasons: tuple[Reason, ...] = ()


class KnowledgeProvider(Protocol):
    """Judges attainable and relevant. Return verdict None when it cannot tell."""

    name: str

    def attainable(self, goal: GoalFacts, context: Context) -> Judgement: ...

    def relevant(self, goal: GoalFacts, context: Context) -> Judgement: ...


EARNING_RE = re.compile(
    r"\b(?:earn\w*|make|making|made|be\s+on|paid|pay|salary|income|take\s+home|"
    r"commission|compensation|comp|wage|rate|bill\w*|base(?:\s+pay|\s+salary)?|tc|ote|"
    r"an\s+hour|per\s+hour|an\s+hr|/\s?hr)\b"
)


def _years_between(start: date, end: date | None) -> float | None:
    if end is None:
        return None
    return max((end - start).days, 0) / 365.25


# Fields of work and the words that place a skill, credential or person in them.
DOMAINS: dict[str, tuple[str, ...]] = {
    "software": ("python", "java", "javascript", "typescript", "rust", "golang", "c\\+\\+",
                 "c#", "kotlin", "swift", "ruby", "php", "cobol", "fortran", "react", "angular",
                 "vue", "node", "django", "kubernetes", "docker", "terraform", "aws", "azure",
                 "gcp", "cloud", "devops", "linux", "coding", "programming", "software",
                 "developer", "web development", "frontend", "front-end", "backend",
                 "full stack", "api", "cybersecurity", "security", "app", "apps", "tech",
                 "comptia", "a\\+", "network\\+", "security\\+", "ccna", "it support",
                 "helpdesk", "help desk", "webflow", "wordpress", "game development"),
    "data": ("sql", "tableau", "power bi", "data", "analytics", "statistics",
             "machine learning", "ml", "data science", "pandas", "spark", "looker", "ai",
             "analyst", "dashboards?", "informatics", "bi", "big data", "r programming"),
    "marketing": ("marketing", "seo", "sem", "google ads", "facebook ads", "social media",
                  "content", "brand", "branding", "copywriting", "campaigns?", "hubspot",
                  "instagram", "tiktok", "newsletter", "public relations", "advertising"),
    "sales": ("sales", "quota", "leads", "crm", "salesforce", "deals", "prospecting",
              "commission", "business development", "account executive", "accounts"),
    "finance": ("accounting", "accountant", "cpa", "cfa", "acca", "finance", "financial",
                "equity", "equity research", "investment banking", "wealth", "cfa charter",
                "bookkeeping", "audit", "tax", "budget", "banking", "bank", "investment",
                "cfo", "payroll", "quickbooks", "treasury", "excel"),
    "law": ("law", "legal", "lawyer", "attorney", "bar exam", "the bar", "paralegal",
            "contracts?", "litigation", "compliance", "solicitor", "barrister", "lsat"),
    "healthcare": ("nurse", "nursing", "nclex", "bsn", "msn", "rn", "medical", "medicine",
                   "doctor", "physician", "patients?", "clinical", "hospital", "physiotherapy",
                   "physiotherapist", "physio", "dental", "dentistry", "hygienist", "pharmacy",
                   "healthcare", "health care", "cna", "emt", "paramedic", "mcat", "therapy",
                   "med-surg", "midwife", "midwifery", "ward", "care home", "pharmacist",
                   "radiography", "radiographer", "paramedics?"),
    "education": ("teacher", "teaching", "education", "school", "students", "curriculum",
                  "instruction", "instructional", "classroom", "tutor", "lessons?", "edtech"),
    "academic": ("phd", "postdoc", "research", "professor", "lab", "fellowships?", "thesis",
                 "dissertation", "journal", "grant", "biology", "chemistry", "physics",
                 "science", "scientist", "academic", "ecology", "fieldwork", "field work"),
    "design": ("design", "designer", "ux", "ui", "figma", "graphic", "creative",
               "illustration", "adobe", "photoshop", "typography", "animation"),
    "hospitality": ("restaurants?", "bartender", "bartending", "hospitality", "chefs?",
                    "servsafe", "hotels?", "catering", "food", "menu", "barista", "culinary",
                    "bakery", "cafe", "coffee", "sommelier", "wset", "kitchen", "pubs?", "bar"),
    "logistics": ("warehouse", "warehousing", "logistics", "trucking", "trucks?", "cdl", "driver",
                  "hgv", "lorry", "lorries", "courier", "delivery",
                  "supply chain", "shipping", "fleet", "operations", "forklift", "freight",
                  "dispatch"),
    "trades": ("electrician", "electrical", "plumbing", "plumber", "hvac", "welding", "welder",
               "weld", "carpenter", "joinery", "roofing", "masonry", "machinist", "cnc",
               "carpentry", "construction", "mechanic", "automotive", "ev", "vehicles?",
               "high voltage", "journeyman", "contractor"),
    "hr": ("hr", "human resources", "shrm", "shrm-cp", "phr", "recruiting", "recruiter",
           "talent", "people ops"),
    "aviation": ("pilot", "aviation", "flight", "faa", "airline", "aircraft"),
    "real_estate": ("real estate", "realtor", "property", "listings", "broker", "leasing",
                    "sell homes", "homes", "lettings", "estate agent"),
    "engineering": ("civil", "structural", "mechanical", "chemical engineer(?:ing)?",
                    "autocad", "engineering", "pe license", "fe exam", "solidworks"),
    "retail": ("retail", "store", "shop", "merchandising", "cashier", "customer service"),
    "writing": ("writer", "writing", "journalism", "editor", "copywriter", "author"),
    "manufacturing": ("manufacturing", "factory", "plant", "production", "machining",
                      "quality", "qa", "qc", "lean", "six sigma", "hydraulics?", "plc",
                      "mechatronics", "maintenance", "assembly", "cnc", "tooling"),
    "farming": ("farm", "farming", "agriculture", "agricultural", "livestock", "dairy",
                "crops?", "harvest", "herd", "tractor", "agronomy", "orchard"),
    "animal_care": ("pet care", "grooming", "groomer", "kennels?", "veterinary", "vet",
                    "animals?", "dogs?", "equine"),
    "beauty": ("beauty", "salon", "hair", "hairdressing", "barber", "barbering", "nails?",
               "brows?", "lashes", "esthetician", "aesthetics", "cosmetology", "makeup"),
    "public_sector": ("civil service", "council", "policy", "government", "public sector",
                      "benefits", "welfare", "welfare rights", "library", "libraries"),
    "social_care": ("social work", "social worker", "social care", "safeguarding",
                    "youth work", "care worker", "support worker", "counselling"),
    "uniformed": ("army", "navy", "air force", "military", "police", "policing", "fire",
                  "firefighter", "rescue", "coastguard", "prison", "corrections"),
    "maritime": ("maritime", "ship", "vessel", "deck officer", "marine", "seafarer", "stcw"),
    "arts": ("music", "musician", "band", "album", "gigs?", "theatre", "acting", "actor",
             "film", "art", "artist", "illustrator", "gallery", "dj", "podcast"),
    "energy": ("energy", "wind", "turbine", "solar", "utilities", "mining", "oil", "gas",
               "grid", "lineworker", "substation"),
    "sport": ("coach", "coaching", "athletes?", "sport", "sports", "fitness", "personal trainer",
              "swim", "swimming", "gym"),
    "tourism": ("tourism", "tour guide", "tours?", "travel agent", "travel", "guiding"),
}  # fmt: skip
_ADJACENT = {
    frozenset(pair)
    for pair in [
        ("software", "data"), ("data", "finance"), ("data", "marketing"), ("data", "academic"),
        ("software", "design"), ("design", "marketing"), ("sales", "marketing"),
        ("sales", "real_estate"), ("finance", "real_estate"), ("healthcare", "academic"),
        ("law", "hr"), ("law", "finance"), ("trades", "logistics"), ("trades", "engineering"),
        ("engineering", "software"), ("retail", "sales"), ("retail", "hospitality"),
        ("writing", "marketing"), ("writing", "academic"), ("education", "academic"),
        ("logistics", "retail"), ("hr", "education"), ("sales", "software"),
        ("engineering", "data"), ("manufacturing", "engineering"),
        ("manufacturing", "trades"), ("manufacturing", "logistics"), ("farming", "animal_care"),
        ("healthcare", "social_care"), ("public_sector", "social_care"), ("sport", "healthcare"),
        ("tourism", "hospitality"), ("energy", "trades"), ("energy", "engineering"),
        ("maritime", "logistics"), ("aviation", "logistics"), ("arts", "writing"),
        ("arts", "design"), ("uniformed", "healthcare"), ("beauty", "retail"),
        ("retail", "marketing"),
    ]
}  # fmt: skip


@functools.cache
def _domain_pattern() -> re.Pattern[str]:
    """One scan for all fields: each field is a named group, the match says which.
    Compiled on first use: only statements with a role, field or vision need it."""
    groups = "|".join(f"(?P<{name}>{'|'.join(words)})" for name, words in DOMAINS.items())
    return re.compile(rf"(?<![\w-])(?:{groups})(?![\w-])")


def domains_of(text: str) -> set[str]:
    return {str(match.lastgroup) for match in _domain_pattern().finditer(text.lower())}


def _near(goal_domains: set[str], person_domains: set[str]) -> bool:
    if goal_domains & person_domains:
        return True
    return any(frozenset((g, p)) in _ADJACENT for g in goal_domains for p in person_domains)


class RuleBasedProvider:
    """Transparent rules over the context. Every verdict carries its reasons."""

    name = "rules"

    def attainable(self, goal: GoalFacts, context: Context) -> Judgement:
        if not goal.career:
            return Judgement(None)
        judgements = [
            self._pay_rise(goal, context),
            self._seniority_jump(goal, context),
            self._business_scale(goal, context),
        ]
        reasons = tuple(r for j in judgements for r in j.reasons)
        verdicts = [j.verdict for j in judgements if j.verdict is not None]
        if False in verdicts:
            return Judgement(False, reasons)
        if any(reason.verdict is None for reason in reasons):
            return Judgement(None, reasons)  # a rule saw a stretch it cannot call either way
        if True in verdicts:
            return Judgement(True, reasons)
        if (
            context.describes_work
            and goal.measurable
            and not goal.process_goal
            and not goal.business
            and self.relevant(goal, context).verdict is True
        ):
            reason = Reason(True, "an ordinary next step for someone in this field", self.name)
            return Judgement(True, (*reasons, reason))
        return Judgement(None, reasons)

    def _pay_rise(self, goal: GoalFacts, context: Context) -> Judgement:
        salary = context.salary
        if not salary:
            return Judgement(None)
        if goal.yearly_pay is not None:
            ratio = goal.yearly_pay / salary
        elif goal.raise_percent is not None:
            ratio = 1 + goal.raise_percent / 100
        else:
            return Judgement(None)
        years = _years_between(goal.today, goal.deadline)
        span = "in the time given" if years is not None else "with no time limit"
        text = f"pay {ratio:.2f}× the current salary ({salary:,.0f}) {span}"
        if ratio <= 1.0:
            return Judgement(True, (Reason(True, text + ": already within reach", self.name),))
        if years is None:
            if ratio <= 1.25:
                return Judgement(True, (Reason(True, text + ": an ordinary raise", self.name),))
            if ratio >= 3:
                return Judgement(False, (Reason(False, text + ": rarely reached", self.name),))
            return Judgement(None, (Reason(None, text + ": a stretch; say by when", self.name),))
        effective_years = max(years, 1.0)  # raises come once a year
        if ratio <= 1.25**effective_years:
            reason = Reason(True, text + f": about {ratio - 1:.0%}, an ordinary rise", self.name)
            return Judgement(True, (reason,))
        # within a year a rise comes at most once: 40% in months is almost never made
        if ratio >= (1.4 if years < 1 else 1.5**effective_years):
            reason = Reason(False, text + f": a {ratio - 1:.0%} rise people almost never make "
                            f"in {years:.1f} years", self.name)  # fmt: skip
            return Judgement(False, (reason,))
        return Judgement(None, (Reason(None, text + ": a stretch, possible", self.name),))

    def _seniority_jump(self, goal: GoalFacts, context: Context) -> Judgement:
        if not goal.title or not context.role:
            return Judgement(None)
        current, target = seniority(context.role), seniority(goal.title)
        years = _years_between(goal.today, goal.deadline)
        training = training_needed(goal.title, context.role)
        if training is not None and years is not None and years < training[1]:
            text = (f"becoming a {training[0]} from '{context.role}' takes about "
                    f"{training[1]:.0f} years of training; the goal gives {years:.1f}")  # fmt: skip
            return Judgement(False, (Reason(False, text, self.name),))
        experience = context.years_experience
        person = " ".join(part for part in (context.role, context.field) if part)
        titled = domains_of(goal.title)
        if experience is not None and titled and not _near(titled, domains_of(person)):
            experience = 0.0  # years in another field do not count toward this ladder
        verdict, why = judge_jump(current, target, years, experience)
        text = f"from '{context.role}' (level {current}) to '{goal.title}' (level {target}): {why}"
        return Judgement(verdict, (Reason(verdict, text, self.name),))

    def _business_scale(self, goal: GoalFacts, context: Context) -> Judgement:
        units = goal.business_units
        if not goal.business or not units or units < 5:
            return Judgement(None)
        years = _years_between(goal.today, goal.deadline)
        experience = context.years_experience
        if years is not None and years <= 3 and (experience is None or experience < 5):
            text = f"{units} businesses within {years:.1f} years from '{context.role or 'now'}'"
            return Judgement(False, (Reason(False, text + ": almost never done", self.name),))
        return Judgement(None)

    def relevant(self, goal: GoalFacts, context: Context) -> Judgement:
        if not goal.career or not context.describes_work:
            return Judgement(None)
        person = ", ".join(part for part in (context.role, context.field, context.vision) if part)
        person_domains = domains_of(person)
        goal_domains = domains_of(goal.text)
        if not goal_domains:
            if goal.process_goal:  # a skill we cannot place: say nothing rather than guess
                return Judgement(None, (Reason(None, "a skill of unknown field", self.name),))
            reason = Reason(True, "a general career goal: serves any field", self.name)
            return Judgement(True, (reason,))
        names = ", ".join(sorted(goal_domains))
        if not person_domains:
            return Judgement(None, (Reason(None, f"goal is about {names}", self.name),))
        if _near(goal_domains, person_domains):
            reason = Reason(True, f"{names} serves '{person}'", self.name)
            return Judgement(True, (reason,))
        reason = Reason(False, f"{names} is far from '{person}'", self.name)
        return Judgement(False, (reason,))
