"""Seniority of job titles in every sector, and whether a jump between two is made in the
time given.

Levels: 0 trainee or student, 1 entry (assistant, commis, private, picker), 2 a qualified
professional (nurse, engineer, first officer, constable, journeyman, teacher), 3 the first
rung of leading (senior, lead, supervisor, sergeant, sous chef, charge nurse), 4 a manager
(ward, store, bar manager, captain, inspector, head chef), 5 director level (head of,
partner, matron, consultant doctor, executive chef, major), 6 VP or general manager
level (VP, general counsel, head teacher, colonel), 7 the top (chief, owner, founder,
general). The ladder is the same shape in every trade: what differs is the words.

`TYPICAL_YEARS` is the career a level usually takes, from O*NET's typical experience for
job zones 2-5 and the usual time in rank in uniformed and clinical ladders; a goal that
reaches a level with far fewer years than that is a jump people almost never make.
"""

from __future__ import annotations

import functools
import re

# (level, words). Several words match: the highest level wins, after the modifiers below.
_LEVELS: list[tuple[int, tuple[str, ...]]] = [
    (7, ("ceo", "cto", "cfo", "coo", "cmo", "cio", "ciso", "chief", "president", "founder",
         "co-founder", "managing partner", "managing director", "owner", "major general",
         "brigadier general", "lieutenant general", "admiral", "chief constable", "commissioner",
         "air marshal", "brigadier")),
    (6, ("vp", "vice president", "senior director", "regional director", "executive director",
         "general manager", "svp", "evp", "colonel", "chief superintendent", "head teacher",
         "headteacher", "general counsel", "equity partner", "managing broker", "commodore",
         "group captain", "area manager", "district manager", "chief pilot")),
    (5, ("director", "head of", "partner", "senior manager", "department head", "dean",
         "principal engineer", "controller", "matron", "station manager", "chief inspector",
         "major", "lieutenant colonel", "consultant surgeon", "consultant physician",
         "consultant psychiatrist", "consultant anaesthetist", "consultant doctor",
         "executive chef", "plant manager", "deputy head", "training captain",
         "superintendent pharmacist", "principal", "commander", "group manager")),
    (4, ("manager", "mgr", "superintendent", "architect", "captain", "skipper",
         "police inspector", "detective inspector",
         "lieutenant", "head chef", "chef de cuisine", "ward manager", "watch manager",
         "registrar", "warrant officer", "master mariner", "chief officer", "head of department",
         "squadron leader", "principal teacher", "staff sergeant")),
    (3, ("lead", "leader", "supervisor", "senior", "sr", "staff", "coordinator",
         "assistant manager", "assistant store manager", "foreman", "charge nurse",
         "sergeant", "sous chef", "crew manager", "team lead", "shift manager", "keyholder",
         "master", "chargehand", "charge hand", "second officer", "petty officer",
         "corporal", "sister")),
    (1, ("junior", "jr", "entry", "associate", "assistant", "clerk", "worker", "cashier",
         "barista", "server", "rep", "representative", "graduate", "bartender", "commis",
         "line cook", "prep cook", "picker", "packer", "labourer", "laborer", "hand",
         "healthcare assistant", "care assistant", "teaching assistant", "private",
         "airman", "seaman", "recruit", "porter", "cleaner", "helper", "first-year",
         "foundation year", "f1", "f2", "receptionist", "runner", "dishwasher", "kp",
         "cadet officer", "probationer", "operative", "operator", "crew member")),
    (0, ("intern", "student", "trainee", "volunteer", "apprentice", "cadet",
         "student pilot", "work experience", "seasonal", "school leaver")),
]  # fmt: skip
BASE_LEVEL = 2  # a plain professional title: engineer, nurse, designer, analyst
_UPWARD_MODIFIER_RE = re.compile(r"\b(?:senior|sr|regional|global|national|group)\b")
# NHS and civil-service pay bands name levels directly.
_BAND_RE = re.compile(r"\bband\s*(?P<band>[2-9])\b|\bgrade\s*(?P<grade>[5-7])\b")
_BAND_LEVELS = {"2": 1, "3": 1, "4": 1, "5": 2, "6": 3, "7": 4, "8": 5, "9": 6}
_GRADE_LEVELS = {"7": 5, "6": 6, "5": 6}
# Years of working life a level usually takes (see the module docstring).
TYPICAL_YEARS = {0: 0.0, 1: 0.0, 2: 1.0, 3: 3.0, 4: 6.0, 5: 9.0, 6: 12.0, 7: 15.0}


@functools.cache
def _level_patterns() -> list[tuple[int, re.Pattern[str]]]:
    """Compiled on first use: only statements with a role and a title need them."""
    return [
        (level, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"))
        for level, words in _LEVELS
    ]


def seniority(title: str) -> int:
    """The level of a title (see the module docstring); a plain title is BASE_LEVEL."""
    lowered = title.lower()
    band = _BAND_RE.search(lowered)
    if band:
        return (_BAND_LEVELS.get(band["band"] or "")
                or _GRADE_LEVELS.get(band["grade"] or "", BASE_LEVEL))  # fmt: skip
    for level, pattern in _level_patterns():
        if pattern.search(lowered):
            return _adjusted(level, lowered)
    return _adjusted(BASE_LEVEL, lowered)


def _adjusted(level: int, lowered: str) -> int:
    if "staff nurse" in lowered:
        return BASE_LEVEL  # "staff" means senior for engineers, qualified for nurses
    if level < 4 and re.search(r"\bhead\s+(?!of\b)\w", lowered):
        return max(level, BASE_LEVEL) + 1  # "head receptionist", "head sommelier"
    if level in (4, 5) and _UPWARD_MODIFIER_RE.search(lowered):
        return level + 1  # "senior manager", "regional operations director"
    if level == 1 and re.search(r"\bsenior\b", lowered):
        return 2  # "senior associate"
    if level == 4 and re.search(r"\b(?:assistant|deputy)\b", lowered):
        return 3  # "assistant manager", "deputy manager"
    return level


def judge_jump(
    current: int, target: int, years: float | None, experience: float | None
) -> tuple[bool | None, str]:
    """Is going from one level to another in `years` (None: no time given), with
    `experience` years behind, a usual step? The verdict and a phrase saying why."""
    jump = target - current
    if jump <= 0:
        return True, "not a step up"
    if jump == 1:
        return True, "one rung up: a usual step"
    if years is None:
        return (None, "no time given") if jump >= 3 else (True, "two rungs, no deadline")
    pace = jump / max(years, 0.1)
    needed = TYPICAL_YEARS[target]
    behind = (experience or 0.0) + years
    if experience is not None and behind >= needed and pace <= 2:
        return True, f"{jump} rungs with {behind:.0f} years behind you by then"
    if pace > 1.5:
        return False, f"{jump} rungs in {years:.1f} years: more than one a year"
    if experience is not None and behind < 0.6 * needed:
        return False, (f"{jump} rungs: the role usually takes about {needed:.0f} years of "
                       f"experience, you would have {behind:.1f}")  # fmt: skip
    if pace <= 1.0 or jump == 2:  # two rungs at no more than 1.5 a year: a usual climb
        return True, f"{jump} rungs over {years:.1f} years"
    return None, f"{jump} rungs in {years:.1f} years: fast, possible"


def named_rank(text: str) -> str | None:
    """The words of `text` from its first ladder word on, when it names a rank above the
    base level ("a matron role", "sous chef"); None otherwise."""
    lowered = text.lower()
    for level, pattern in _level_patterns():
        match = pattern.search(lowered)
        if match and level > BASE_LEVEL:
            return " ".join(lowered[match.start() : match.end() + 30].split()[:4])
    return None


# Regulated professions and the usual years of training to enter them from outside (degree,
# pupillage, residency, licences): no rank ladder, but a door that takes years to open.
TRAINING_YEARS = {
    "neurosurgeon": 12, "surgeon": 10, "psychiatrist": 9, "consultant": 9, "doctor": 7,
    "physician": 7, "gp": 8, "dentist": 5, "orthodontist": 8, "veterinarian": 5, "vet": 5,
    "pharmacist": 5, "barrister": 4, "solicitor": 4, "lawyer": 4, "attorney": 4,
    "architect": 7, "airline pilot": 2, "commercial pilot": 1.5, "psychologist": 6,
    "midwife": 3, "registered nurse": 3, "nurse practitioner": 5, "paramedic": 3,
    "actuary": 5, "chartered accountant": 3, "radiographer": 3, "physiotherapist": 3,
}  # fmt: skip


@functools.cache
def _training_pattern() -> re.Pattern[str]:
    words = sorted(TRAINING_YEARS, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(word) for word in words) + r")s?\b")


def training_needed(title: str, role: str) -> tuple[str, float] | None:
    """The regulated profession a title enters and its years of training, when the person
    is not in it already ("become a barrister" for a care worker: 4 years)."""
    match = _training_pattern().search(title.lower())
    if match is None or _training_pattern().search(role.lower()):
        return None
    return match.group(1), float(TRAINING_YEARS[match.group(1)])
