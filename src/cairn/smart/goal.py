"""Read what kind of goal a statement states: career or not, its clauses, its outcome,
its vague words. Works on the lower-cased text with time expressions blanked out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from cairn.smart import lexicon

_VAGUE = lexicon.PhraseSet(lexicon.VAGUE_QUANTITY)
# Work words, and job titles ("become a sous chef" is work even with "kitchen" in it);
# titles that also name people outside work ("partner", "member") are left out.
_CAREER = lexicon.PhraseSet(
    [word for word in lexicon.CAREER_WORDS if word not in lexicon.WEAK_CAREER_WORDS]
    + [word for word in lexicon.TITLE_WORDS if word not in lexicon.AMBIGUOUS_TITLES]
    + lexicon.PROFESSIONAL_CREDENTIALS
)
_NON_CAREER = lexicon.PhraseSet(lexicon.NON_CAREER_WORDS)
# Personal-life quantities glued to their number ("5kg", "10lbs") have no word boundary.
_BODY_UNITS_RE = re.compile(r"\d\s?(?:kg|kgs|lbs?|km|mi)\b")
_PROCESS = lexicon.PhraseSet(lexicon.PROCESS_VERBS)
_NOUN_OUTCOME = lexicon.PhraseSet(
    [*lexicon.NOUN_OUTCOMES, *lexicon.CREDENTIAL_WORDS, *lexicon.TITLE_WORDS]
)
_OPENERS = sorted(lexicon.CLAUSE_OPENERS, key=len, reverse=True)
_OPENER_RE = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in _OPENERS)
    + r")(?![\w'])\s*)+"
)
_GOAL_VERBS = frozenset(lexicon.GOAL_VERBS)
_WANT_NOUN_RE = re.compile(r"^(?:i\s+)?(?:want|need|'d\s+like|would\s+like)\s+(?:a|an|my|the)\b")
# Punctuation, "and"-like words, a spaced dash. Written to open with one character class,
# which lets the regex engine skip to candidate characters instead of trying every one.
_CLAUSE_SPLIT_RE = re.compile(
    r"[,;:!?.\s](?:(?<=[,;:!?])[,;:!?]*|(?<=[.])(?:\s|$)"
    r"|(?<=\s)(?:(?:and|&|plus|as\s+well\s+as|also|then|while)\s|-\s))"
)
_NO_CONTENT = frozenset(
    ["", "it", "them", "this", "that", "by", "before", "within", "in", "and", "or",
     "too", "so", "then"]
)  # fmt: skip
_CREDENTIAL_RE = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon.COMPLETION_VERBS, key=len, reverse=True)) + r")\b"
    r"(?P<np>(?:\s+[\w'&./+-]+){0,6}?\s+(?:"
    + "|".join(re.escape(word) for word in sorted(lexicon.CREDENTIAL_WORDS, key=len, reverse=True))
    + r"))\b"
    r"|\b(?:get|become|be|getting)\s+(?P<np2>certified|licensed|licenced|accredited|chartered)\b"
)
_TITLE_RE = re.compile(
    r"\b(?:become|became|be|make|made|get\s+promoted\s+to|be\s+promoted\s+to|promoted\s+to|"
    r"promo?t[io]+n\s+to|move\s+(?:up\s+)?(?:in)?to|step\s+(?:up\s+)?into|advance\s+to|"
    r"progress\s+to|land\s+(?:a|an|the)|work\s+as|hired\s+as|reach|get\s+to|rise\s+to)\b"
    r"(?P<np>(?:\s+(?!(?:and|or|by|in|before|within|at|for)\b)[\w'&./-]+){0,6}?\s+(?:"
    + "|".join(re.escape(word) for word in sorted(lexicon.TITLE_WORDS, key=len, reverse=True))
    + r"))\b"
)
_JOB_RE = re.compile(
    r"\b(?:get|land|secure|receive|recieve|accept|obtain|find|start|win|earn|make)\s+"
    r"(?P<np>(?:a|an|my|the|\d+)?\s*(?:new\s+|first\s+|full[\s-]time\s+|part[\s-]time\s+|"
    r"permanent\s+|remote\s+|paid\s+)?(?:job|offer|position|role|internship|placement|"
    r"contract|promotion|promtion|raise|partner|tenure|residency|fellowship|seat))\b"
    r"|\b(?P<np2>(?:get|be|getting)\s+(?:promoted|hired|published|funded|elected|accepted))\b"
    r"|\b(?:start|open|run|own|launch|found|build|buy)\s+(?P<np3>(?:my|our|a|an)\s+own\s+"
    r"[\w'-]+(?:\s+[\w'-]+)?)"
    r"|\b(?:launch|publish|ship|release|submit|deliver|present|finish|complete|pay\s+off|"
    r"visit|renovate|remodel|redecorate|paint|repaint|open|marry|get\s+married|run|defend)\s+(?P<np4>(?:my|our|a|an|the|\d+)"
    r"(?:\s+[\w'-]+){1,3})"
)


@dataclass(slots=True)
class GoalReading:
    """What the clause reader found. Spans are (start, end, kind) in the statement."""

    blanked: str = ""
    career: bool = True
    goal_clauses: list[tuple[int, int, str]] = field(default_factory=list)
    vague: list[tuple[int, int, str]] = field(default_factory=list)
    outcomes: list[tuple[int, int, str]] = field(default_factory=list)
    non_career: list[tuple[int, int, str]] = field(default_factory=list)
    main_verb: str | None = None
    process_goal: bool = False
    credential: bool = False


def read_goal(
    lowered: str,
    blanked: str,
    tokens: list[lexicon.Token] | None = None,
    time_ends: list[int] | None = None,
) -> GoalReading:
    """Read the statement: `lowered` whole, `blanked` with time expressions as spaces
    (so "before my trip" still says trip, but clauses are read without their times).
    `tokens` (of `lowered`) and `time_ends` (where the blanked expressions end) let long
    text be read faster; the reading is the same."""
    reading = GoalReading(blanked=blanked)
    spots = None
    if tokens is not None and time_ends is not None and len(lowered) > _LONG_TEXT:
        spots = _word_spots(tokens, time_ends)
    tokens = lexicon.tokenize(lowered) if tokens is None else tokens
    reading.non_career = _non_career_spans(lowered, tokens)
    reading.career = _is_career(lowered, tokens, reading.non_career)
    reading.goal_clauses = find_goal_clauses(blanked)
    reading.outcomes = _outcomes(blanked, {token[2] for token in tokens}, spots)
    reading.credential = any(kind == "credential" for *_, kind in reading.outcomes)
    # the words outside time expressions (blanking only turned whole expressions to spaces)
    blanked_tokens = [token for token in tokens if blanked.startswith(token[2], token[0])]
    reading.vague = _VAGUE.find(blanked, blanked_tokens)
    reading.process_goal = _starts_with_process(blanked, blanked_tokens, reading.goal_clauses)
    if not reading.goal_clauses and not reading.outcomes:
        # no verb to read ("PMP certification by June", "senior engineer by 2027"): a named
        # credential, title or promotion is still a checkable outcome
        reading.outcomes = [
            (start, end, "outcome") for start, end, _ in _NOUN_OUTCOME.find(blanked, blanked_tokens)
        ]
    if reading.goal_clauses:
        reading.main_verb = reading.goal_clauses[0][2]
    return reading


_HABIT_STARTERS = frozenset(["start", "begin", "keep", "continue", "try"])


def _starts_with_process(
    text: str, tokens: list[lexicon.Token], clauses: list[tuple[int, int, str]]
) -> bool:
    """Is the main verb one of doing without a checkable end ("learn", "network")?"""
    if clauses:
        index = bisect.bisect_left(tokens, clauses[0][0], key=lambda token: token[0])
        if index >= len(tokens):
            return False
        if (
            tokens[index][2] in _HABIT_STARTERS
            and index + 1 < len(tokens)
            and tokens[index + 1][2].endswith("ing")
        ):
            return True  # "start exercising", "keep networking": a habit with no measure
        return bool(_PROCESS.match_at(text, tokens, index))
    # no clause found: look at the first few words ("honestly just learn python")
    return any(_PROCESS.match_at(text, tokens, i) for i in range(min(len(tokens), 6)))


def _non_career_spans(text: str, tokens: list[lexicon.Token]) -> list[tuple[int, int, str]]:
    spans = _NON_CAREER.find(text, tokens)
    spans += [(m.start(), m.end(), m.group()) for m in _BODY_UNITS_RE.finditer(text)]
    return spans


def _is_career(
    text: str, tokens: list[lexicon.Token], non_career: list[tuple[int, int, str]]
) -> bool:
    """Career unless personal-life words appear and no work word lies outside them
    ("work out" is exercise; "visit clients" is work)."""
    if not non_career:
        return True
    personal = bytearray(len(text))
    for start, end, _ in non_career:
        personal[start:end] = b"\x01" * (end - start)
    return any(not any(personal[start:end]) for start, end, _ in _CAREER.finditer(text, tokens))


def _cuts_word(text: str, position: int) -> bool:
    """Could a word run across this position? (Clauses found on the blanked text may end
    inside a time expression of the real one.)"""
    return 0 < position < len(text) and all(
        ch.isalnum() or ch in "'-" for ch in text[position - 1 : position + 1]
    )


def personal_word_starts(tokens: list[lexicon.Token]) -> list[int]:
    """Where words that can open a personal-life phrase start, in text order."""
    first_words = _NON_CAREER.first_words
    return [start for start, _, word in tokens if word in first_words]


def clause_is_personal(
    lowered: str, start: int, end: int, personal_starts: list[int] | None = None
) -> bool:
    """Is this clause about personal life ("buy a house") rather than work?

    `personal_starts` (personal_word_starts of the whole text's tokens) lets a clause
    with no such word and no "5kg" be answered without reading it: a clause
    starts at a word and ends before a separator, so its words are the text's words
    (where a word might run across its edge, it is read in full)."""
    if personal_starts is not None and not (_cuts_word(lowered, start) or _cuts_word(lowered, end)):
        index = bisect.bisect_left(personal_starts, start)
        if (index == len(personal_starts) or personal_starts[index] >= end) and not (
            _BODY_UNITS_RE.search(lowered, start, end)  # same as on the slice: no lookbehind
        ):
            return False
    tokens = lexicon.tokenize(lowered[start:end])
    non_career = _non_career_spans(lowered[start:end], tokens)
    return bool(non_career) and not _is_career(lowered[start:end], tokens, non_career)


def find_goal_clauses(text: str) -> list[tuple[int, int, str]]:
    """Clauses that open with a goal verb and have an object: (start, end, verb).

    "get promoted, buy a house and run a marathon" has three; "finish my thesis and
    defend by June" one (the second has no object of its own); "I've been a nurse for
    3 years and want to teach" one (the first is background, not a goal).
    """
    clauses: list[tuple[int, int, str]] = []
    position = 0
    for separator in _CLAUSE_SPLIT_RE.finditer(text):
        end, after = separator.span()
        # a clause opens with a letter, maybe after spaces: "1,1,1,..." skips the call
        if end > position and (text[position].isalpha() or text[position].isspace()):
            clause = _read_clause(text, position, end)
            if clause:
                clauses.append(clause)
        position = after
    clause = _read_clause(text, position, len(text))
    if clause:
        clauses.append(clause)
    return clauses


def _read_clause(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    segment = text[start:end]
    stripped = segment.lstrip()
    if not stripped or not stripped[0].isalpha():
        return None  # a clause opens with a word, not "1" or "$"
    offset = start + len(segment) - len(stripped)
    if _WANT_NOUN_RE.match(stripped):
        return (offset, end, "want")  # "I want a salary of 80k": a goal without a verb
    opener = _OPENER_RE.match(stripped)
    if opener:
        stripped = stripped[opener.end() :]
        offset += opener.end()
    words = stripped.split(None, 2)
    if not words or words[0] not in _GOAL_VERBS:
        return None
    following = words[1] if len(words) > 1 else ""
    if following.strip(".,") in _NO_CONTENT:
        return None
    return (offset, end, words[0])


_CREDENTIAL_GATE = frozenset(
    [*(verb.split()[0] for verb in lexicon.COMPLETION_VERBS), "become", "be", "getting"]
)
_TITLE_GATE = frozenset(["become", "became", "be", "make", "made", "promoted", "promotion",
                         "promtion", "promotion", "move", "step", "advance", "progress", "land",
                         "work", "hired", "reach", "get", "rise"])  # fmt: skip
_JOB_GATE = frozenset(["get", "land", "secure", "receive", "recieve", "accept", "obtain", "find",
                       "start", "win", "earn", "make", "be", "getting", "open", "run", "own",
                       "launch", "found", "build", "buy", "publish", "ship", "release", "submit",
                       "deliver", "present", "finish", "complete", "pay", "visit", "renovate",
                       "remodel", "redecorate", "paint", "repaint",
                       "marry", "defend"])  # fmt: skip


_LONG_TEXT = 400  # below this, one scan per pattern costs less than finding start words
# The first letters of every alternative each outcome pattern can start with.
_CREDENTIAL_STARTS = tuple(_CREDENTIAL_GATE)
_TITLE_STARTS = (*_TITLE_GATE, "prom")
_JOB_STARTS = tuple(_JOB_GATE)


def _word_spots(tokens: list[lexicon.Token], time_ends: list[int]) -> _WordSpots:
    """Where a pattern that opens with \\b and a word can match: at the start of a token,
    after an apostrophe or hyphen inside one ("well-get"), or right after a blanked time
    expression. Token starts come with their word, to test against a pattern's verbs."""
    starts = [(start, word) for start, _, word in tokens]
    inner = [
        start + index + 1
        for start, _, word in tokens
        if "-" in word or "'" in word
        for index, char in enumerate(word)
        if char in "-'"
    ]
    return starts, sorted([*inner, *time_ends])


_WordSpots = tuple[list[tuple[int, str]], list[int]]


def _scan(
    pattern: re.Pattern[str], text: str, spots: _WordSpots | None, verbs: tuple[str, ...]
) -> Iterator[re.Match[str]]:
    """Like pattern.finditer(text), but on long text trying only the spots where a match
    can start (see _word_spots) instead of every character."""
    if spots is None:
        yield from pattern.finditer(text)
        return
    starts, others = spots
    positions = sorted([start for start, word in starts if word.startswith(verbs)] + others)
    end = -1
    for position in positions:
        if position < end:
            continue  # inside the previous match, as finditer would skip it
        match = pattern.match(text, position)
        if match is not None:
            end = match.end()
            yield match


def _outcomes(
    text: str, words: set[str], spots: _WordSpots | None = None
) -> list[tuple[int, int, str]]:
    """Checkable outcomes; each span covers the noun phrase, not the verb, so that a
    vague word inside it ("a better leader") can be told from one outside it. A pattern
    runs only if a verb it starts with is among the words of the text."""
    found: list[tuple[int, int, str]] = []
    if not _CREDENTIAL_GATE.isdisjoint(words):
        for match in _scan(_CREDENTIAL_RE, text, spots, _CREDENTIAL_STARTS):
            group = "np" if match["np"] else "np2"
            found.append((match.start(group), match.end(group), "credential"))
    if not _TITLE_GATE.isdisjoint(words):
        for match in _scan(_TITLE_RE, text, spots, _TITLE_STARTS):
            found.append((match.start("np"), match.end("np"), "title"))
    if not _JOB_GATE.isdisjoint(words):
        for match in _scan(_JOB_RE, text, spots, _JOB_STARTS):
            group = next(name for name in ("np", "np2", "np3", "np4") if match[name])
            found.append((match.start(group), match.end(group), "outcome"))
    return found


def vague_core(reading: GoalReading) -> bool:
    """The goal rests on vague words: no checkable outcome stands free of them."""
    if not reading.vague:
        return False
    vague_starts = [start for start, _, _ in reading.vague]  # already in text order
    for start, end, _ in reading.outcomes:
        index = bisect.bisect_left(vague_starts, start)
        if index == len(vague_starts) or vague_starts[index] >= end:
            return False  # this outcome holds no vague word
    return True
