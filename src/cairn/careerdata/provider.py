"""`DataProvider`: attainable and relevant grounded in O*NET 30.1 and BLS OEWS May 2025.

It implements the analyzer's `KnowledgeProvider` protocol. From the person's context it
resolves their occupation (the role) and a target occupation (the vision, "become a
software developer"), then:

- relevant: finds the skills, knowledge areas and technologies the goal is about
  (`matching.Matcher`) and looks up their O*NET importance (1-5) in both occupations:
  relevant when one is important (importance >= 3, or a hot / in-demand technology
  there), not relevant when all are low (< 2.5) in both, with the occupation's top
  elements as a suggestion; unknown in between;
- attainable: a role goal against the target occupation's job zone and the share of its
  workers with at most the experience the person will have by the deadline; a pay goal
  against the occupation's wage percentiles (national, or the state given to the
  provider) and the size of the rise against the time given. Pay in another currency
  is not judged: the data is US.

The rule-based provider still runs: its verdict stands where the data cannot tell.
Attainable: false from either wins (a jump people almost never make), then true from
either. Relevant: the rules' true stands (the goal names the person's field, e.g. "python
to automate contract review" for a lawyer), otherwise the data's verdict where it has one.
Every data reason carries its source. Nothing here raises: unknown titles, codes missing
in one source, empty wage cells give "no data" reasons.

The packaged data is loaded on first need (a context with a role or vision), not on import.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cairn.careerdata.dataset import (
    BLS_SOURCE,
    ONET_SOURCE,
    SENIORITY_WORDS,
    CareerData,
    WageFigures,
    load,
    normalise,
    state_code,
)
from cairn.smart.knowledge import (
    EARNING_RE,
    GoalFacts,
    Judgement,
    KnowledgeProvider,
    RuleBasedProvider,
    seniority,
)
from cairn.smart.model import Context, Reason

if TYPE_CHECKING:
    from cairn.careerdata.matching import GoalItems, Matcher

IMPORTANT = 3.0  # O*NET importance at or above which an element matters in an occupation
LOW = 2.5  # below this in every occupation known, it does not
RARE_SHARE = 5.0  # % of workers with as little experience: below this, "almost never"
USUAL_SHARE = 50.0
MIN_ROLE_SCORE = 0.6  # find_title score needed to take a role or vision as an occupation

# Upper bound in years of each O*NET related-work-experience category (RW 1..11).
_RW_UPPER = {1: 0.0, 2: 1 / 12, 3: 0.25, 4: 0.5, 5: 1.0, 6: 2.0, 7: 4.0, 8: 6.0, 9: 8.0,
             10: 10.0, 11: float("inf")}  # fmt: skip
_US_CURRENCIES = {"usd", "us$", "$", "us dollar", "us dollars", "dollar", "dollars"}
_FOREIGN_MONEY_RE = re.compile(
    r"[£€¥₹₩₽]|\b(?:gbp|eur|euros?|pounds?|cad|aud|inr|rupees?|yen|jpy|chf|sek|nok|dkk|"
    r"zar|nzd|sgd|mxn|brl|rmb|cny|yuan)\b|c\$|a\$|nz\$|r\$"
)
_VISION_LEAD_RE = re.compile(
    r"^(?:(?:i|i'd|i would|i want to|i'd like to|want to|to|eventually|one day|someday)\s+)*"
    r"(?:become|be|work as|working as|move into|get into|transition (?:in)?to|switch to|"
    r"land a (?:job|role) as|run|lead|grow into|step into|specialise in|specialize in)?\s*"
    r"(?:an?|the|my own)?\s*"
)
_PERCENTILE_NAMES = {10: "10th percentile", 25: "25th percentile", 50: "median",
                     75: "75th percentile", 90: "90th percentile"}  # fmt: skip
_FRACTIONS = [(0.5, "about half"), (1 / 3, "roughly a third"), (0.25, "about a quarter"),
              (0.2, "about one in five"), (0.15, "about one in seven"),
              (0.1, "about one in ten")]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str
    title: str
    matched: str  # the O*NET title that matched the person's words


def _money(value: float) -> str:
    return f"${value:,.0f}"


def _years(value: float) -> str:
    if abs(value - round(value)) < 0.05:
        whole = round(value)
        return f"{whole} year" + ("" if whole == 1 else "s")
    return f"{value:.1f} years"


def _share_words(share: float) -> str:
    """0.32 -> 'roughly a third'."""
    return min(_FRACTIONS, key=lambda item: abs(item[0] - share))[1]


class DataProvider:
    """Knowledge provider backed by the packaged O*NET and BLS data.

    `state` (a code or name, e.g. "CA") makes pay comparisons use that state's wages.
    `data` is for tests; by default the packaged data is loaded on first need.
    """

    name = "data"

    def __init__(
        self,
        data: CareerData | None = None,
        *,
        state: str | None = None,
        fallback: KnowledgeProvider | None = None,
    ) -> None:
        self._data = data
        self.state = state_code(state)
        self.fallback: KnowledgeProvider = fallback or RuleBasedProvider()
        self._matcher: Matcher | None = None
        self._resolve = functools.lru_cache(maxsize=512)(self._resolve_uncached)

    # -- plumbing ------------------------------------------------------------------------

    @property
    def data(self) -> CareerData:
        if self._data is None:
            self._data = load()
        return self._data

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            from cairn.careerdata.matching import Matcher

            self._matcher = Matcher(self.data)
        return self._matcher

    def _resolve_uncached(self, text: str, vision: bool) -> Occupation | None:
        cleaned = text.strip().lower()
        if vision:
            cleaned = _VISION_LEAD_RE.sub("", cleaned, count=1)
        if not cleaned:
            return None
        found = self.data.find_title(cleaned, limit=1)
        if not found or found[0][2] < MIN_ROLE_SCORE:
            return None
        code, matched, _ = found[0]
        return Occupation(code, self.data.title_of(code), matched)

    def occupation_of(self, text: str | None, *, vision: bool = False) -> Occupation | None:
        """The O*NET occupation a role (or a vision sentence) names, if any."""
        if not text or not isinstance(text, str):
            return None
        return self._resolve(text[:300], vision)

    # -- the protocol --------------------------------------------------------------------

    def attainable(self, goal: GoalFacts, context: Context) -> Judgement:
        rules = self.fallback.attainable(goal, context)
        if not goal.career or not (context.role or context.vision):
            return rules
        try:
            data = self._attainable(goal, context)
        except Exception:  # never break the analyzer over the data
            return rules
        return _combine_attainable(rules, data)

    def relevant(self, goal: GoalFacts, context: Context) -> Judgement:
        rules = self.fallback.relevant(goal, context)
        if not goal.career or not (context.role or context.vision):
            return rules
        try:
            data = self._relevant(goal, context)
        except Exception:
            return rules
        reasons = (*rules.reasons, *data.reasons)
        if rules.verdict is True or data.verdict is None:
            return Judgement(rules.verdict, reasons)
        return Judgement(data.verdict, reasons)

    # -- relevant ------------------------------------------------------------------------

    def _relevant(self, goal: GoalFacts, context: Context) -> Judgement:
        current = self.occupation_of(context.role)
        target = self.occupation_of(context.vision, vision=True)
        if target is not None and current is not None and target.code == current.code:
            target = None
        people = [occupation for occupation in (current, target) if occupation]
        if not people:
            text = f"no O*NET occupation matches '{context.role or context.vision}'"
            return Judgement(None, (Reason(None, text, ONET_SOURCE),))
        items = self.matcher.find(goal.text)
        if not items:
            return self._own_line(goal, current, target)
        return self._judge_items(items, people)

    def _own_line(
        self, goal: GoalFacts, current: Occupation | None, target: Occupation | None
    ) -> Judgement:
        """Earnings and promotion goals in the person's own line are relevant."""
        earnings = goal.yearly_pay is not None or goal.raise_percent is not None
        earnings = earnings or bool(EARNING_RE.search(goal.text))
        if current is None or not (earnings or goal.title):
            return Judgement(None)
        if goal.title:
            aimed = self._goal_occupation(goal.title, current)
            line = {current.code, *(r.code for r in self.data.related(current.code))}
            if target is not None:
                line.add(target.code)
            if aimed is not None and aimed.code not in line:
                return Judgement(None)
            text = f"a step up in your own line ({current.title})"
        else:
            text = f"an earnings goal in your own line ({current.title})"
        return Judgement(True, (Reason(True, text, ONET_SOURCE),))

    def _judge_items(self, items: GoalItems, people: list[Occupation]) -> Judgement:
        data = self.data
        lines: list[str] = []
        important = False
        all_low = all(data.occupation(p.code) and data.occupation(p.code)["skills"] for p in people)  # type: ignore[index]
        for element, words in items.elements.items():
            name = data.elements.get(element, {}).get("name", element)
            figures = []
            for person in people:
                value = data.importance(person.code, element)
                if value is None:
                    figures.append(f"not rated for {person.title}")
                    all_low = False
                    continue
                figures.append(
                    f"{value:.2f}" + (" of 5" if not figures else "") + f" for {person.title}"
                )
                important = important or value >= IMPORTANT
                all_low = all_low and value < LOW
            lines.append(f"{name} ('{words}'): importance " + "; ".join(figures))
        for tech_name, words in _one_per_phrase(items.tech, people, data)[:3]:
            notes = []
            for person in people:
                listed = [t for t in data.tech(person.code) if t[0] == tech_name]
                if not listed:
                    notes.append(f"not listed for {person.title}")
                    continue
                _, hot, in_demand = listed[0]
                all_low = False
                if hot or in_demand:
                    important = True
                    kind = "a hot technology" if hot else "an in-demand technology"
                    notes.append(f"{kind} for {person.title}")
                else:
                    notes.append(f"used by {person.title}")
            lines.append(f"{tech_name} ('{words}'): " + "; ".join(notes))
        if important:
            return Judgement(True, tuple(Reason(True, line, ONET_SOURCE) for line in lines))
        if all_low and lines:
            reasons = [Reason(False, line, ONET_SOURCE) for line in lines]
            focus = people[-1]  # the target occupation when there is one
            covered = set(items.elements)
            top = [e for e in data.top_elements(focus.code, 8) if e.id not in covered][:4]
            if top:
                reasons.append(Reason(False, _matters_most(focus.title, top), ONET_SOURCE))
            return Judgement(False, tuple(reasons))
        return Judgement(None, tuple(Reason(None, line, ONET_SOURCE) for line in lines))

    # -- attainable ----------------------------------------------------------------------

    def _attainable(self, goal: GoalFacts, context: Context) -> Judgement:
        parts = [self._role_jump(goal, context), self._pay(goal, context)]
        reasons = tuple(reason for part in parts for reason in part.reasons)
        verdicts = [part.verdict for part in parts]
        if False in verdicts:
            return Judgement(False, reasons)
        if True in verdicts:
            return Judgement(True, reasons)
        return Judgement(None, reasons)

    def _goal_occupation(self, title: str, current: Occupation | None) -> Occupation | None:
        """The occupation a goal's title aims at; the current one when the title only
        adds seniority to the role's own words ("senior engineer" for a software engineer)."""
        core = [w for w in normalise(title).split() if w not in SENIORITY_WORDS]
        if current is not None and core:
            role_words = set(normalise(current.matched).split())
            if set(core) <= role_words:
                return current
        if current is not None:
            near = self._near_match(title, current.code)
            if near is not None:
                return near
        return self.occupation_of(title)

    def _near_match(self, title: str, code: str) -> Occupation | None:
        """Of the occupations a title names equally well ("captain": police, airline,
        fire), the one in the person's own family of work (same SOC group), if any."""
        found = self.data.find_title(title.strip().lower()[:300], limit=12)
        if not found or found[0][2] < MIN_ROLE_SCORE:
            return None
        best = [row for row in found if row[2] == found[0][2]]
        for prefix in (code[:4], code[:2]):
            for other, matched, _ in best:
                if other.startswith(prefix):
                    return Occupation(other, self.data.title_of(other), matched)
        return None

    def _role_jump(self, goal: GoalFacts, context: Context) -> Judgement:
        if not goal.title:
            return Judgement(None)
        current = self.occupation_of(context.role)
        target = self._goal_occupation(goal.title, current)
        if target is None:
            text = f"no O*NET occupation matches '{goal.title}'"
            return Judgement(None, (Reason(None, text, ONET_SOURCE),))
        if current is not None and target.code == current.code:
            return Judgement(None)  # a step within the occupation: seniority, not O*NET's
        data = self.data
        zone = data.job_zone(target.code)
        zone_text = f"{target.title}: {zone[1]}" if zone else f"{target.title}: no job zone"
        experience = data.experience(target.code)
        if not experience:
            text = zone_text + "; O*NET has no experience data for it"
            return Judgement(None, (Reason(None, text, ONET_SOURCE),))
        _category, label, top_share = max(experience, key=lambda row: (row[2], row[0]))
        summary = f"{top_share:.0f}% of {target.title} report {label.lower()} of related experience"
        if zone:
            summary += f" (job zone {zone[0]} of {len(data.job_zones)})"
        now = context.years_experience
        if now is None and context.role and seniority(context.role) == 0:
            now = 0.0  # an intern or student
        horizon = None
        if goal.deadline is not None:
            horizon = max((goal.deadline - goal.today).days, 0) / 365.25
        if now is None or horizon is None:
            missing = "your years of experience" if now is None else "a deadline"
            return Judgement(
                None,
                (Reason(None, f"{summary}; without {missing} it cannot be weighed", ONET_SOURCE),),
            )
        by_then = now + horizon
        share = sum(pct for cat, _, pct in experience if _RW_UPPER.get(cat, 99) <= by_then + 1e-9)
        origin = f"'{context.role}'" if context.role else "now"
        text = (
            f"{summary}; {share:.0f}% report {_years(by_then)} or less, what you will have: "
            f"your goal gives {_years(horizon)} from {origin} with {_years(now)} of experience"
        )
        if share < RARE_SHARE:
            return Judgement(False, (Reason(False, text, ONET_SOURCE),))
        if share >= USUAL_SHARE:
            return Judgement(True, (Reason(True, text, ONET_SOURCE),))
        return Judgement(None, (Reason(None, text, ONET_SOURCE),))

    def _pay(self, goal: GoalFacts, context: Context) -> Judgement:
        pay = goal.yearly_pay
        if pay is None or pay <= 0:
            return Judgement(None)
        currency = (context.currency or "").strip().lower()
        if (currency and currency not in _US_CURRENCIES) or _FOREIGN_MONEY_RE.search(goal.text):
            shown = context.currency or "another currency"
            text = (
                f"the wage data is for the United States, in US dollars; "
                f"pay in {shown} is not compared"
            )
            return Judgement(None, (Reason(None, text, BLS_SOURCE),))
        current = self.occupation_of(context.role)
        occupation = self._goal_occupation(goal.title, current) if goal.title else current
        if occupation is None:
            return Judgement(None)
        figures, note = self._wages(occupation.code)
        if figures is None:
            text = f"BLS publishes no wages for {occupation.title}"
            return Judgement(None, (Reason(None, text, BLS_SOURCE),))
        where, label, above = _position(pay, figures)
        text = f"{_money(pay)} lies {where} for {figures.title} {figures.area_name}{note}: {label}"
        reasons = []
        salary = context.salary
        years = None
        if goal.deadline is not None:
            years = max((goal.deadline - goal.today).days, 0) / 365.25
        ratio = pay / salary if salary else None
        if ratio is not None:
            span = f"in {_years(years)}" if years is not None else "with no time limit"
            text += f"; a {ratio - 1:+.0%} change on your {_money(salary or 0)} {span}"
        verdict: bool | None = None
        effective = max(years, 1.0) if years is not None else None
        if (
            above is not None
            and above >= 0.25
            and (ratio is None or (effective is not None and ratio <= 1.25**effective))
        ):
            verdict = True
        elif (
            above is not None and above < 0.1 and ratio is not None and effective is not None
            and ratio >= 1.5**effective
        ):  # fmt: skip
            verdict = False
        reasons.append(Reason(verdict, text, BLS_SOURCE))
        return Judgement(verdict, tuple(reasons))

    def _wages(self, code: str) -> tuple[WageFigures | None, str]:
        if self.state:
            figures = self.data.wages(code, self.state)
            if figures is not None:
                return figures, _source_note(figures)
            national = self.data.wages(code)
            note = f" (no figures for {self.state})" if national else ""
            return national, note + (_source_note(national) if national else "")
        figures = self.data.wages(code)
        return figures, _source_note(figures) if figures else ""


def _one_per_phrase(
    tech: dict[str, str], people: list[Occupation], data: CareerData
) -> list[tuple[str, str]]:
    """'sql' names several products ('Structured query language SQL', 'T-SQL'): keep the
    one an occupation lists (hot first), else the shortest name."""
    listed: dict[str, tuple[bool, bool]] = {}
    for person in people:
        for name, hot, in_demand in data.tech(person.code):
            if name in tech:
                was = listed.get(name, (False, False))
                listed[name] = (was[0] or hot, was[1] or in_demand)
    chosen: dict[str, str] = {}
    for name in sorted(tech, key=lambda n: (n not in listed, not listed.get(n, (0, 0))[0], len(n))):
        chosen.setdefault(tech[name], name)
    return [(name, words) for words, name in chosen.items()]


def _source_note(figures: WageFigures) -> str:
    if figures.source.startswith("aggregate:"):
        return f" (BLS publishes only the group {figures.source.split(':', 1)[1]})"
    return ""


def _position(pay: float, figures: WageFigures) -> tuple[str, str, float | None]:
    """Where `pay` sits among the published percentiles, a verdict in words, and the
    share of workers earning more."""
    cells = figures.percentiles()
    if not cells:
        return "where BLS publishes no percentiles", "not compared", None
    low_pct, low_value = cells[0]
    high_pct, high_value = cells[-1]
    if pay < low_value:
        where = f"below the {_PERCENTILE_NAMES[low_pct]} ({_money(low_value)})"
        return where, "most earn more", 1 - low_pct / 100
    if pay > high_value:
        where = f"above the {_PERCENTILE_NAMES[high_pct]} ({_money(high_value)})"
        if high_pct == 90:
            return where, "reached by fewer than one in ten", 0.05
        share = 1 - high_pct / 100
        label = f"BLS publishes no higher percentile; reached by under {share:.0%}"
        return where, label, share * 0.8
    for (p_low, v_low), (p_high, v_high) in itertools.pairwise(cells):
        if v_low <= pay <= v_high:
            fraction = (pay - v_low) / (v_high - v_low) if v_high > v_low else 0.0
            share = 1 - (p_low + fraction * (p_high - p_low)) / 100
            where = (f"between the {_PERCENTILE_NAMES[p_low]} ({_money(v_low)}) and the "
                     f"{_PERCENTILE_NAMES[p_high]} ({_money(v_high)})")  # fmt: skip
            if share >= 0.75:
                return where, "most earn more", share
            if share >= 0.5:
                return where, "within the usual range", share
            label = "ambitious" if share >= 0.25 else "very ambitious"
            return where, f"{label}, reached by {_share_words(share)}", share
    where = f"at the {_PERCENTILE_NAMES[low_pct]} ({_money(low_value)})"
    return where, "most earn more", 1 - low_pct / 100


def _combine_attainable(rules: Judgement, data: Judgement) -> Judgement:
    reasons = (*rules.reasons, *data.reasons)
    if False in (rules.verdict, data.verdict):
        return Judgement(False, reasons)
    if True in (rules.verdict, data.verdict):
        return Judgement(True, reasons)
    return Judgement(None, reasons)


def _matters_most(title: str, elements: Sequence[Any]) -> str:
    """A sentence, not a run of names: "For Chefs, what matters most is Food Production,
    Customer and Personal Service and Administration (importance 3.9 to 4.4 of 5)."""
    names = [element.name for element in elements]  # O*NET's names, capitals and all
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    low = min(element.importance for element in elements)
    high = max(element.importance for element in elements)
    scale = f"{high:.1f}" if abs(high - low) < 0.05 else f"{low:.1f} to {high:.1f}"
    return f"For {title}, what matters most is {listed} (importance {scale} of 5)."
