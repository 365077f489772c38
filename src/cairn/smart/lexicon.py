"""Word lists for reading goal statements. Broad on purpose: the lists describe how people
talk about work, not the sentences of any one data set.

Entries are lower-case words or phrases; `PhraseSet` matches a list against the words of
a text (longest phrase first, so "a lot more" wins over "a lot").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

Token = tuple[int, int, str]  # start, end, word
_TOKEN_RE = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def tokenize(text: str) -> list[Token]:
    """Words with their positions; "well-known" and "sister's" stay one word.

    findall plus str.find costs half of reading three fields off each match object. Each
    word is found where it starts: between two words there is no letter or digit, so the
    search from the end of the previous word cannot stop any earlier."""
    tokens: list[Token] = []
    position = 0
    find = text.find
    for word in _TOKEN_RE.findall(text):
        start = find(word, position)
        position = start + len(word)
        tokens.append((start, position, word))
    return tokens


class PhraseSet:
    """A word list matched against tokens with dictionary lookups, not one huge regex:
    nothing to compile at import, and each word of the text costs one lookup."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(_TOKEN_RE.findall(phrase.lower()))
            if words and words not in self._by_first.get(words[0], []):
                self._by_first.setdefault(words[0], []).append(words)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)  # longest first: "a lot more" over "a lot"
        self._first_words = frozenset(self._by_first)

    @property
    def first_words(self) -> frozenset[str]:
        """The words a phrase of the set can start with."""
        return self._first_words

    def match_at(self, text: str, tokens: list[Token], index: int) -> int:
        """How many tokens from `index` on form a phrase of the set (0 if none)."""
        options = self._by_first.get(tokens[index][2])
        if not options:
            return 0
        for words in options:
            size = len(words)
            if index + size > len(tokens):
                continue
            if all(
                tokens[index + k][2] == words[k]
                and text[tokens[index + k - 1][1] : tokens[index + k][0]].isspace()
                for k in range(1, size)
            ):
                return size
        return 0

    def find(self, text: str, tokens: list[Token]) -> list[tuple[int, int, str]]:
        """Every phrase of the set in the text, left to right, not overlapping."""
        return list(self.finditer(text, tokens))

    def finditer(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
        """find, one phrase at a time: a caller that needs only the first stops early."""
        first_words = self._first_words
        next_free = 0  # phrases do not overlap: skip tokens a found phrase used
        for index in [i for i, token in enumerate(tokens) if token[2] in first_words]:
            if index < next_free:
                continue
            size = self.match_at(text, tokens, index)
            if size:
                start, end = tokens[index][0], tokens[index + size - 1][1]
                yield (start, end, text[start:end])
                next_free = index + size


# Words and phrases that carry a goal without saying how much (GUIDE: vague_words).
VAGUE_QUANTITY = [
    "more", "less", "fewer", "better", "best", "bigger", "greater", "higher", "larger",
    "faster", "further", "stronger", "smarter", "richer", "lots of", "lot of", "a lot",
    "a lot more", "lots more", "a bunch of", "tons of", "loads of", "plenty of", "much",
    "many", "some", "several", "a few", "various", "enough", "way too much", "as much as",
    "as many as", "improve", "improving", "improved", "increase", "increasing", "grow",
    "growing", "boost", "enhance", "expand", "advance", "advancing", "progress",
    "progressing", "reduce", "decrease", "cut down", "cut back", "lower", "minimize",
    "minimise", "excel", "thrive", "succeed", "maximize", "maximise", "optimize",
    "optimise", "level up", "step up", "move up", "get ahead", "climb the ladder",
    "climb the corporate ladder", "next level", "make an impact", "make a difference",
    "have an impact", "make my mark", "reach my potential", "reach my full potential",
    "great", "good", "amazing", "awesome", "excellent", "successful", "success", "rich",
    "wealthy", "healthier", "healthy", "happier", "happy", "confident", "well known",
    "well-known", "famous", "respected", "recognized", "recognised", "influential",
    "influence", "valued", "fulfilled", "fulfilling", "meaningful", "comfortable",
    "stable", "thought leader", "rockstar", "rock star", "superstar", "expert",
    "a boss", "the boss", "enjoy", "happier", "financial freedom", "financially free",
    "financially independent", "dream job", "well paid", "well-paid", "decent",
    "a good salary", "significantly", "substantially", "seriously", "stuff", "things",
    "somehow", "something", "sort of", "kind of", "fitter", "fit", "in shape",
    "develop myself", "develop my skills", "grow my skills", "upskill", "be productive",
    "more productive", "productive", "efficient", "organized", "organised", "motivated",
    "passionate", "visible", "visibility", "balance", "money", "top performer",
    "high performer", "make a name for myself", "build my network", "build my brand",
    "personal brand", "go-to person", "happiness", "happier at work", "fulfilment",
    "fulfillment", "job satisfaction", "work-life balance", "indispensable", "stand out",
    "get noticed",
]  # fmt: skip

# Verbs of doing without a checkable end: "learn Python", "network more" (not measurable).
PROCESS_VERBS = [
    "learn", "lern", "learning", "study", "studying", "practice", "practise", "understand",
    "explore", "research", "master", "get into", "look into", "work on", "focus on",
    "think about", "try", "consider", "figure out", "know", "familiarize", "familiarise",
    "brush up", "pick up", "get comfortable", "get familiar", "get used to", "strengthen",
    "build up", "network", "socialize", "socialise", "engage", "connect",
    "keep up", "stay", "feel", "become more", "keep learning", "dabble", "become fluent",
    "get fluent", "be fluent", "speak fluent", "get comfortable with", "get good at",
]  # fmt: skip

# Things that, once done, a third person can check (GUIDE: discrete outcomes).
CREDENTIAL_WORDS = [
    "cert", "certs", "certificate", "certification", "certifications", "certifcation",
    "certificaton", "certified", "license", "licence", "licensed", "licenced", "licensure",
    "degree", "diploma", "mba", "phd", "ph.d", "doctorate", "masters", "master's",
    "masters degree", "bachelor", "bachelors", "bachelor's", "bsn", "msn", "accreditation",
    "accredited", "exam", "exams", "test", "course", "courses", "class", "specialization",
    "specialisation", "nanodegree", "bootcamp", "apprenticeship", "qualification",
    "credential", "chartered", "designation", "thesis", "dissertation", "program",
    "programme", "module", "training", "residency", "fellowship", "internship",
    "clearance", "endorsement", "registration", "board certified", "nclex", "cpa", "cfa",
    "pmp", "cissp", "ccna", "cdl", "shrm", "phr", "cpd", "servsafe", "bar", "gmat", "gre",
    "lsat", "mcat", "ielts", "toefl", "acca", "cima", "aws", "azure", "scrum", "csm",
]  # fmt: skip
# Named credentials that only exist for work ("get my CCNA and lose 15 pounds" is still
# about work in part); general words like "test" or "class" are left out.
PROFESSIONAL_CREDENTIALS = [
    "nclex", "cpa", "cfa", "pmp", "cissp", "ccna", "cdl", "shrm", "shrm-cp", "phr",
    "servsafe", "acca", "cima", "csm", "itil", "comptia", "six sigma", "bsn", "msn",
]  # fmt: skip
COMPLETION_VERBS = [
    "get", "got", "gain", "obtain", "earn", "achieve", "attain", "pass", "finish",
    "complete", "completing", "finishing", "passing", "graduate", "graduate from",
    "receive", "recieve", "secure", "be awarded", "qualify", "defend", "submit",
]  # fmt: skip

# Roles and titles ("become a senior software engineer", "make partner").
TITLE_WORDS = [
    "engineer", "developer", "programmer", "manager", "mgr", "director", "lead", "leader",
    "head", "supervisor", "partner", "ceo", "cto", "cfo", "coo", "cmo", "cio", "ciso",
    "vp", "vice president", "president", "principal", "architect", "analyst", "scientist",
    "designer", "accountant", "consultant", "nurse", "educator", "teacher", "professor",
    "lecturer", "coordinator", "specialist", "officer", "executive", "administrator",
    "owner", "founder", "co-founder", "cofounder", "chef", "sous chef", "editor",
    "producer", "attorney", "lawyer", "solicitor", "barrister", "doctor", "physician",
    "surgeon", "pharmacist", "technician", "electrician", "plumber", "pilot", "driver",
    "agent", "broker", "advisor", "adviser", "planner", "strategist", "writer",
    "journalist", "researcher", "postdoc", "fellow", "trainer", "coach", "therapist",
    "counselor", "counsellor", "psychologist", "paralegal", "clerk", "auditor",
    "controller", "actuary", "economist", "recruiter", "generalist", "representative",
    "rep", "hygienist", "assistant", "chief", "captain", "foreman", "superintendent",
    "dean", "instructor", "tutor", "intern", "apprentice", "journeyman", "contractor",
    "freelancer", "entrepreneur", "associate", "staff", "employee", "member", "chair",
    "board member", "vp of", "head of", "team lead", "tech lead", "store manager",
    "general manager", "product owner", "scrum master", "mentor", "midwife",
    "paramedic", "firefighter", "detective", "sergeant", "mechanic", "welder",
    "carpenter", "operator", "bartender", "barista", "cashier", "server", "receptionist",
    "secretary", "salesperson", "marketer", "curator", "librarian",
]  # fmt: skip
# Titles that also name people outside work: not evidence of a career goal on their own.
AMBIGUOUS_TITLES = ["partner", "member", "associate", "staff", "fellow", "driver", "server",
                    "coach", "mentor", "head", "lead", "leader", "chair", "captain", "owner",
                    "assistant", "employee", "operator"]  # fmt: skip

# Nouns that name a checkable outcome on their own ("PMP certification by June", "a
# promotion this year"): used when a statement has no verb to read.
NOUN_OUTCOMES = [
    "promotion", "promtion", "raise", "pay rise", "job offer", "offer", "internship",
    "own business", "own company", "own firm", "own studio", "own practice", "partnership",
    "tenure", "title",
]  # fmt: skip

# Career markers: words that put a statement in work life (GUIDE: career).
CAREER_WORDS = [
    "work", "job", "jobs", "career", "salary", "pay", "paid", "raise", "promotion",
    "promoted", "promtion", "earn", "earning", "earnings", "income", "revenue", "profit",
    "client", "clients", "customer", "customers", "sales", "sell", "business", "company",
    "firm", "startup", "team", "boss", "manager", "employer", "employee", "hire", "hiring",
    "interview", "interviews", "resume", "cv", "linkedin", "portfolio", "certification",
    "certificate", "cert", "certified", "license", "licence", "degree", "mba", "phd",
    "masters", "exam", "professional", "industry", "colleague", "colleagues", "office",
    "freelance", "freelancing", "contract", "leadership", "lead", "mentor", "network",
    "networking", "conference", "conferences", "trade show", "apprenticeship", "quota",
    "billable", "shift", "patients", "students", "publish", "paper", "article", "project",
    "product", "launch", "ship", "restaurant", "bakery", "studio", "shop", "store",
    "agency", "consulting", "consultant", "side hustle", "commission", "deals", "leads",
    "role", "position", "title", "senior", "junior", "director", "ceo", "vp", "partner",
    "coding", "code", "programming", "python", "sql", "excel", "design", "marketing",
    "engineer", "developer", "nurse", "teacher", "lawyer", "accountant", "internship",
    "intern", "fellowship", "postdoc", "research", "thesis", "skills", "skill", "money",
    "workshop", "seminar", "webinar", "speak",
    "talk", "pitch", "investors", "funding", "seed round", "subscribers", "followers",
    "newsletter", "blog", "audience", "brand", "course", "training", "department",
    "organisation", "organization", "employer", "workplace", "overtime", "responsibility",
    "responsibilities", "field", "boss", "clinic", "hospital", "firm", "agency", "cpd",
    "job offer", "offer", "review", "appraisal", "listings", "accounts",
    "tickets", "ticket", "users", "app", "software", "website",
    "contracts", "gig", "gigs", "trucks", "truck", "fleet", "chain", "franchise", "staff",
    "profession", "professionally", "commercial", "at work", "for work", "coworkers", "co-workers",
]  # fmt: skip
# Work words too general to outweigh a personal-life word ("save money" is personal).
WEAK_CAREER_WORDS = ["money", "rich", "wealthy", "successful", "success", "skills", "skill"]
# Personal-life markers (GUIDE: "own my own home", "lose 10 pounds", "visit Japan").
NON_CAREER_WORDS = [
    "lose weight", "weight", "pounds", "lbs", "kg", "kilos", "stone", "gym", "work out",
    "workout", "exercise", "marathon", "half marathon", "run a", "jog", "jogging", "yoga",
    "meditate", "meditation", "sleep", "diet", "eat", "eating", "healthier", "healthy",
    "fitness", "fit", "push-ups", "pushups", "swim", "swimming", "cycling", "bike",
    "quit smoking", "smoking", "drink", "drinking", "alcohol", "calories", "cook",
    "cooking", "vegetables", "visit", "trip", "travel", "traveling", "travelling",
    "vacation", "holiday", "countries", "country", "abroad", "backpack", "house", "home",
    "apartment", "kitchen", "renovate", "garden", "gardening", "married", "marry",
    "wedding", "kids", "children", "child", "family", "girlfriend", "boyfriend", "wife",
    "husband", "friends", "dating", "baby", "dog", "cat", "pet", "pay off", "student loans",
    "student loan", "debt", "credit card", "mortgage", "deposit", "savings", "save",
    "books", "novels", "guitar", "piano", "violin", "drums", "paint", "painting", "knit",
    "knitting", "chess", "video games", "hike", "hiking", "climb a mountain", "climbing",
    "km", "miles", "5k", "10k run", "steps", "weightlifting", "bench press", "squat",
    "deadlift", "retire",
    "retirement", "vegan", "vegetarian", "church", "pray", "journal", "journaling",
    "hobby", "hobbies", "parents", "mom", "dad", "mum", "grandkids", "car", "relax",
    "screen time", "social media detox", "read more", "nap", "tan", "skin", "sister's",
    "brother's", "personal", "driving test", "drivers test", "driver's test",
    "driving lessons", "drivers license", "driver's license", "driving license",
    "driving licence", "drivers licence", "driver's licence", "volunteer", "volunteering",
    "animal shelter", "charity",
]  # fmt: skip

# What people count in an audience or a customer base ("10,000 monthly listeners", "a 2000
# users"): shared by the readers that tell a count from a frequency, a year or a distance.
COUNTED_NOUNS = ["users", "subscribers", "downloads", "members", "customers", "listeners",
                 "visitors"]  # fmt: skip


def words_pattern(words: Iterable[str]) -> str:
    """An alternation of whole words for a regex (the caller adds the boundaries)."""
    return "|".join(re.escape(word) for word in words)


# Nouns that a duration describes rather than sets a deadline for ("3 year apprenticeship").
PROGRAM_NOUNS = [
    "apprenticeship", "program", "programme", "degree", "course", "contract", "plan",
    "experience", "mortgage", "loan", "lease", "warranty", "residency", "fellowship",
    "internship", "bootcamp", "training", "streak", "career",
]  # fmt: skip

# Filler that opens a clause before its verb ("I want to", "my goal is to", "goal:").
CLAUSE_OPENERS = [
    "i want to", "i wanna", "want to", "i would like to", "i'd like to", "id like to",
    "i'd love to", "i need to", "need to", "i will", "i'll", "ill", "i plan to", "plan to",
    "i hope to", "hope to", "i aim to", "aim to", "i am going to", "i'm going to",
    "im going to", "going to", "my goal is to", "my goal is", "goal is to", "goal:",
    "goal", "to", "and", "also", "then", "and then", "and also", "plus", "so", "and to",
    "i must", "i should", "i", "really", "just", "finally", "actually", "honestly",
    "my first big goal is to", "my main goal is to", "my big goal is to",
    "i'm trying to", "im trying to", "try to", "i would love to", "i'd really like to",
    "i want", "i'd like", "i need", "would like to", "be able to",
]  # fmt: skip
# Verbs that open a goal clause: used to find several goals in one statement.
GOAL_VERBS = [
    "get", "become", "be", "earn", "make", "hit", "reach", "land", "secure", "pass",
    "finish", "complete", "learn", "lern", "study", "start", "open", "launch", "publish",
    "ship", "build", "create", "write", "run", "own", "buy", "sell", "save", "pay",
    "lose", "gain", "visit", "travel", "go", "move", "find", "apply", "send", "call",
    "close", "win", "grow", "increase", "reduce", "cut", "improve", "lead", "manage",
    "hire", "mentor", "teach", "volunteer", "attend", "join", "read", "post", "network",
    "connect", "work", "do", "take", "have", "spend", "meditate", "exercise", "cook",
    "renovate", "marry", "retire", "quit", "raise", "double", "triple", "speak",
    "present", "deliver", "host", "organize", "organise", "bill", "sign", "launch",
    "obtain", "achieve", "attain", "recieve", "receive", "enroll", "enrol", "practice",
    "practise", "master", "develop", "design", "code", "train", "coach", "climb",
    "jog", "swim", "cycle", "hike", "see", "eat", "drink", "sleep", "stop", "keep",
    "contribute", "submit", "defend", "transition", "switch", "change", "pivot", "expand",
    "boost", "generate", "acquire", "onboard", "book", "schedule", "ask", "negotiate",
    "land", "write", "publish", "record", "produce", "sell", "invest", "retire", "own",
]  # fmt: skip
