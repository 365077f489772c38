"""Which O*NET skills, knowledge areas and technologies a goal statement is about.

Two sources: a curated table of everyday words ("public speaking", "budget", "negotiate")
mapped to O*NET element IDs, and the technology examples of O*NET's Technology Skills
("Python", "Microsoft Excel", "Structured query language SQL"), matched by their name,
their name without the vendor ("Excel"), or their trailing acronym ("SQL", "COBOL").
Pure Python; the tech index is built from the loaded data on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cairn.careerdata.dataset import CareerData, normalise

PROGRAMMING = "2.B.3.e"

# Everyday words -> O*NET element IDs (skills 2.A/2.B, knowledge 2.C). Regular expressions
# over the normalised statement; keep them specific: a loose word here is a wrong verdict.
ELEMENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    r"public speaking|presentations?|present(?:ing)? to|speak(?:ing|er)? at|toastmasters|"
    r"keynote|speeches|give (?:a )?talks?": ("2.A.1.d",),
    r"negotiat\w*": ("2.B.1.d",),
    r"persuasi\w*|persuade": ("2.B.1.c",),
    r"budget\w*|p ?& ?l|profit and loss|cost control|forecasting": ("2.B.5.b", "2.C.1.c"),
    r"accounting|bookkeeping|financial modell?ing|financial analysis|economics|cpa|cfa|"
    r"acca|corporate finance|valuation": ("2.C.1.c",),
    r"writing|copywriting|technical writing|write (?:a |my )?(?:blog|articles?|book|"
    r"newsletter|reports?)": ("2.A.1.c",),
    r"active listening|listening skills": ("2.A.1.b",),
    r"critical thinking": ("2.A.2.a",),
    r"problem solving": ("2.B.2.i",),
    r"decision making": ("2.B.4.e",),
    r"time management|prioriti[sz]\w*": ("2.B.5.a",),
    r"people management|manage (?:a |my )?team|managing (?:a |my )?team|lead (?:a |my )?"
    r"team|leading (?:a |my )?team|leadership|supervis\w*|direct reports?|hire and "
    r"train|hiring": ("2.B.5.d", "2.C.1.a"),
    r"management skills|business administration|mba|operations management": ("2.C.1.a",),
    r"project management|pmp|prince2|scrum|agile": ("2.B.1.b", "2.C.1.a"),
    r"mentor\w*|coach(?:ing)? (?:junior|new|my)|teach\w*|train(?:ing)? (?:new|junior|"
    r"staff|others)|tutor\w*|instruct\w*|curriculum": ("2.B.1.e", "2.C.6"),
    r"customer service|client service|customer experience": ("2.C.1.e", "2.B.1.f"),
    r"sales|selling|prospecting|cold calling|business development": ("2.C.1.d",),
    r"marketing|seo|sem|advertising|branding|brand strategy|social media marketing|"
    r"google ads|campaigns?": ("2.C.1.d",),
    r"recruit\w*|human resources|hr (?:generalist|management|certification)|"
    r"talent acquisition|shrm\w*|payroll|onboarding": (
        "2.C.1.f",
    ),
    r"statistics|statistical|calculus|algebra|math\w*|quantitative": ("2.A.1.e", "2.C.4.a"),
    r"data analysis|data analytics|data science|machine learning|deep learning|"
    r"artificial intelligence|ai": ("2.C.4.a", PROGRAMMING),
    r"programming|coding|code|software development|web development|app development|"
    r"python|java|javascript|typescript|rust|golang|c\+\+|c#|kotlin|swift|ruby|php|cobol|"
    r"fortran|sql|html|css|react|django|kubernetes|docker|devops|terraform": (PROGRAMMING,),
    r"computers?|it support|networking hardware|hardware|cybersecurity|information "
    r"security": ("2.C.3.a",),
    r"(?:graphic|ux|ui|web|product|interior) design|design thinking|typography|figma|"
    r"illustration|drafting|cad": ("2.C.3.c",),
    r"engineering|technical design": ("2.C.3.b",),
    r"construction|carpentry|masonry|roofing|framing": ("2.C.3.d",),
    r"mechanical|machinery|engines?|mechanics": ("2.C.3.e",),
    r"repair\w*|fix(?:ing)? (?:cars|engines|machines)": ("2.B.3.l",),
    r"troubleshoot\w*|diagnos\w* (?:faults|problems|issues)": ("2.B.3.k",),
    r"maintenance|maintain (?:equipment|machines)": ("2.B.3.j",),
    r"install\w*|wiring": ("2.B.3.d",),
    r"quality control|quality assurance|qa|six sigma|lean": ("2.B.3.m",),
    r"physics": ("2.C.4.b",),
    r"chemistry": ("2.C.4.c",),
    r"biology|molecular|genetics|microbiology|anatomy": ("2.C.4.d",),
    r"psychology": ("2.C.4.e",),
    r"sociology|anthropology": ("2.C.4.f",),
    r"geography|gis|mapping": ("2.C.4.g",),
    r"medicine|medical|clinical|nursing|pharmacology|patient care|first aid|cpr|bls|acls": (
        "2.C.5.a",
    ),
    r"counsel+ing|therapy|therapeutic": ("2.C.5.b",),
    r"english|grammar|proofreading|editing": ("2.C.7.a",),
    r"spanish|french|german|mandarin|chinese|japanese|arabic|portuguese|italian|korean|"
    r"russian|hindi|foreign language|sign language|asl|a second language|fluent in": (
        "2.C.7.b",
    ),
    r"music|painting|drawing|photography|fine arts?|acting|dance": ("2.C.7.c",),
    r"history|archaeology": ("2.C.7.d",),
    r"philosophy|theology|ethics": ("2.C.7.e",),
    r"safety|security|osha|emergency response": ("2.C.8.a",),
    r"law|legal|contracts?|compliance|regulations?|litigation|bar exam": ("2.C.8.b",),
    r"telecommunications|telecom": ("2.C.9.a",),
    r"public relations|journalism|media|communications|broadcasting": ("2.C.9.b",),
    r"cooking|culinary|baking|food safety|food production|servsafe": ("2.C.2.b",),
    r"manufacturing|production line|logistics|supply chain|inventory": ("2.C.2.a",),
    r"driving|cdl|trucking|forklift|aviation|pilot|flying|shipping": ("2.C.10",),
    r"administrative|office administration|clerical|typing|scheduling": ("2.C.1.b",),
}  # fmt: skip

# Vendors dropped from a technology's name to get the word people use ("Excel").
_VENDORS = ("microsoft", "adobe", "autodesk", "intuit", "oracle", "ibm", "google", "apple",
            "sap", "amazon", "apache", "salesforce com", "atlassian", "corel", "the")  # fmt: skip
_SUFFIXES = (" programming language", " software", " language")
# Short names that are also everyday words: never matched on their own.
_STOP_ALIASES = frozenset(
    [
        "word",
        "access",
        "project",
        "teams",
        "outlook",
        "office",
        "go",
        "r",
        "c",
        "s",
        "edge",
        "publisher",
        "notes",
        "mail",
        "calendar",
        "time",
        "data",
        "visual",
        "basic",
        "box",
        "base",
        "sheets",
        "docs",
        "forms",
        "maps",
        "keynote",
        "pages",
        "numbers",
        "photos",
        "chrome",
        "safari",
        "drive",
        "one",
        "note",
        "online",
        "shell",
        "windows",
        "email",
        "internet",
        "web",
        "browser",
        "spreadsheet",
        "software",
        "database",
        "dynamics",
        "express",
        "server",
        "cloud",
        "connect",
        "mobile",
        "analytics",
        "ads",
        "sales",
        "marketing",
        "design",
        "accounting",
        "learn",
        "lean",
        "agile",
        "scrum",
        "reduce",
        "google",
        "dig",
        "slides",
        "prince",
        "mars",
        "julia",
        "travis",
        "domino",
        "gazebo",
        "seesaw",
        "cats",
        "continuum",
        "penultimate",
        "mendel",
        "sax",
        "taproot",
        "algae",
        "bowtie",
        "ventura",
        "viz",
    ]
)
_ALWAYS = frozenset(
    [
        "excel",
        "sharepoint",
        "slack",
        "spark",
        "swift",
        "rust",
        "ruby",
        "java",
        "python",
        "linux",
        "unix",
        "salesforce",
        "sql",
        "tableau",
        "quickbooks",
        "autocad",
        "photoshop",
        "figma",
        "kubernetes",
        "docker",
        "javascript",
        "typescript",
        "cobol",
        "matlab",
        "sas",
        "spss",
        "stata",
        "jira",
        "git",
        "github",
        "hadoop",
        "aws",
        "azure",
    ]
)
_ACRONYM_RE = re.compile(r"\b([A-Z][A-Z0-9+#]{1,7})$")


@dataclass(frozen=True, slots=True)
class GoalItems:
    """What the goal is about: O*NET elements (with the words that named them) and tech."""

    elements: dict[str, str]  # element id -> the words in the goal
    tech: dict[str, str]  # canonical tech example -> the words in the goal

    def __bool__(self) -> bool:
        return bool(self.elements or self.tech)


def _is_abbreviation(acronym: str, words: list[str]) -> bool:
    """'sql' of 'structured query language', 'cobol' of 'common business oriented
    language': the acronym is made of prefixes of at least two of the words, in order."""

    def fits(rest: str, index: int, used: int) -> bool:
        if not rest:
            return used >= 2
        for position in range(index, len(words)):
            word = words[position]
            for size in range(min(len(word), len(rest)), 0, -1):
                if rest[:size] == word[:size] and fits(rest[size:], position + 1, used + 1):
                    return True
        return False

    return len(words) <= 12 and fits(acronym, 0, 0)


def _aliases(name: str, title_words: frozenset[str] = frozenset()) -> set[str]:
    """The ways people write a technology: 'Microsoft Excel' -> {'microsoft excel', 'excel'};
    'Structured query language SQL' -> {..., 'sql'}. One-word aliases that are everyday or
    job-title words ('chef', 'review', 'lead') are left out unless well known as tech."""
    full = normalise(name)
    found = {full}
    derived: set[str] = set()
    acronym = _ACRONYM_RE.search(name.strip())
    if acronym:
        short = normalise(acronym.group(1))
        before = full[: -len(short)].split() if full.endswith(short) else []
        before = [w for w in before if w not in _VENDORS and w != "and"]
        if short and _is_abbreviation(short.replace(" ", ""), before):
            found.add(short)
    for alias in list(found):
        for vendor in _VENDORS:
            if alias.startswith(vendor + " ") and len(alias) > len(vendor) + 2:
                found.add(alias[len(vendor) + 1 :])
    for alias in list(found):
        for suffix in _SUFFIXES:
            if alias.endswith(suffix) and len(alias) > len(suffix) + 1:
                derived.add(alias[: -len(suffix)].strip())
    usable = set()
    for alias in found | derived:
        words = alias.split()
        if not words or len(words) > 5:
            continue
        if len(words) == 1 and alias not in _ALWAYS:
            if alias in _STOP_ALIASES or alias in title_words or len(alias) < 3:
                continue
            if alias in derived and alias not in found:
                continue  # "Billing software" is a kind of software, not a product
        usable.add(alias)
    return usable


class Matcher:
    """Finds elements and technologies in a statement. Build once per data set."""

    def __init__(self, data: CareerData) -> None:
        self._element_re = [
            (re.compile(rf"(?<![\w+#])(?:{pattern})(?![\w+#])"), ids)
            for pattern, ids in ELEMENT_SYNONYMS.items()
        ]
        tech_names: set[str] = {
            str(entry[0])
            for occupation in data.occupations.values()
            for entry in occupation["tech"]
        }
        title_words = frozenset(
            word for title, _ in data.titles for word in normalise(title).split()
        )
        index: dict[str, set[str]] = {}
        for name in tech_names:
            for alias in _aliases(name, title_words):
                index.setdefault(alias, set()).add(name)
        self._tech_index = index
        self._elements = data.elements

    def find(self, text: str) -> GoalItems:
        lowered = normalise(text[:2000])
        elements: dict[str, str] = {}
        for pattern, ids in self._element_re:
            match = pattern.search(lowered)
            if match:
                for element in ids:
                    if element in self._elements:
                        elements.setdefault(element, match.group(0))
        tech: dict[str, str] = {}
        words = lowered.split()
        covered: set[int] = set()
        for size in range(5, 0, -1):  # longest names first: "power bi" before "bi"
            for start in range(len(words) - size + 1):
                span = range(start, start + size)
                if covered.intersection(span):
                    continue
                phrase = " ".join(words[start : start + size])
                names = self._tech_index.get(phrase)
                if names:
                    covered.update(span)
                    for name in names:
                        tech.setdefault(name, phrase)
        return GoalItems(elements, tech)

    def tech_in(
        self, names: Iterable[str], listed: Iterable[tuple[str, bool, bool]]
    ) -> list[tuple[str, bool, bool]]:
        """The technologies among `names` that an occupation lists, with their flags."""
        wanted = set(names)
        return [entry for entry in listed if entry[0] in wanted]
