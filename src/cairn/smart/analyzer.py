"""analyze(): read a goal statement and say which of S-M-A-R-T it meets, and why."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from cairn.smart import goal as goal_reader
from cairn.smart import learned, lexicon
from cairn.smart.frequency import find_frequencies
from cairn.smart.horizon import Horizon
from cairn.smart.knowledge import EARNING_RE, GoalFacts, KnowledgeProvider, RuleBasedProvider
from cairn.smart.model import FLAG_ORDER, Assessment, Context, Span, TimeKind
from cairn.smart.numbers import NumberMention, find_numbers, parse_number_words
from cairn.smart.seniority import named_rank
from cairn.smart.signals import signals
from cairn.smart.suggest import suggest
from cairn.smart.timeexpr import find_times
from cairn.smart.timewords import Frequency, TimeMention

DEFAULT_PROVIDER: KnowledgeProvider = RuleBasedProvider()

# Same-length replacements, so offsets in the normalised text are offsets in the original.
_NORMALISE_PAIRS = (
    ("’", "'"), ("‘", "'"), ("`", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"),
    ("\u00a0", " "), ("\t", " "), ("\n", " "), ("\r", " "), ("\u2009", " "), ("\u202f", " "),
)  # fmt: skip
_PROGRAM_AFTER_RE = re.compile(
    r"\s*-?\s*(?:days?|weeks?|months?|years?|yrs?)\b(?:[\s-]+[\w'-]+){0,3}?[\s-]+(?:"
    + "|".join(lexicon.PROGRAM_NOUNS)
    + r")\b"
)
# "CFA level 1", "part 2", "version 3": numbers in names, not targets.
_NAME_NUMBER_BEFORE_RE = re.compile(
    r"\b(?:level|lvl|part|tier|grade|class|phase|version|v|series|chapter|module|stage|band|"
    r"round|step|unit|section|season|episode|no|number|fortune|ward|room|floor|bay|gate|"
    r"platform|route|building|block|site|plant|station|line|series|type|ironman|big|store|"
    r"couch\s+to|cohort|dock|aisle|table|pod|formula|pt|week|#)\.?\s*$"
)
# A number word that is part of a name after it ("six sigma").
_NAME_NUMBER_AFTER_RE = re.compile(r"[\s-](?:sigma|peaks)\b")
# Letters glued to a number that are not a unit make it a name: "3PL", "5-axis", "4G".
_UNIT_AFTER = frozenset(["k", "m", "kg", "kgs", "lb", "lbs", "km", "mi", "mph", "kph", "hr", "hrs",
                         "h", "min", "mins", "pm", "am", "x", "st", "nd", "rd", "th", "s", "yo",
                         "yr", "yrs", "mo", "mos", "wk", "wks", "ft", "cm", "mm", "ml", "l",
                         "gb", "tb", "mb", "pc", "pct", "kms", "miles"])  # fmt: skip
_GLUED_LETTERS_RE = re.compile(r"[a-z]+")
# "1) finish", "(2) adopt", "1. Achieve": a list's numbering.
_LIST_MARK_RE = re.compile(r"(?:^|[\s(:;,>→-])\d{1,2}[).](?=\s)")
_CLOCK_AFTER_RE = re.compile(r"\s?(?:am|pm|a\.m\.|p\.m\.)\b|:\d")
_ONE_NOT_COUNT_BEFORE_RE = re.compile(
    r"\b(?:no|the|every|any|some|which|this|that|current|next|last|other|new|old|each|only|until|"
    r"till|til|same|main|my|your|his|her|our|their|first|get|on|into|vintage)\s*-?$"
)
_CLAUSE_AFTER_RE = re.compile(r"\s+(?:i|we|they|he|she|my|our|the|it)\b")
_BASELINE_AFTER_RE = re.compile(r"\s*(?:[a-z]+\s*)?(?:→|->|=>|➡)\s*[$£€]?\s*\d")
_HAVING_BEFORE_RE = re.compile(r"\b(?:mum|mom|dad|mother|father|parent)\s+of\s+$|\b401\(?$")
_COUNTED_AFTER_RE = re.compile(
    rf"\s+(?:{lexicon.words_pattern(lexicon.COUNTED_NOUNS)}|rating|elo|points|followers|sales|"
    r"units|words|steps|calories|miles|students|clients|signups|views|trees|books|"
    r"pages|people|employees|staff|attendees|orders|copies|meals|hours)\b"
)
# "3 nights instead of 4": the number given up is not a target.
_REPLACED_BEFORE_RE = re.compile(r"\b(?:instead\s+of|insted\s+of|rather\s+than)\s*$")
_ONE_NOT_COUNT_AFTER_RE = re.compile(r"\s*(?:of\b|-on-|on\s+one\b|another\b|day\b)")
_BUSINESS_NOUNS = ("business", "company", "startup", "firm", "agency", "studio", "shop", "store",
                   "restaurant", "bakery", "practice", "clinic", "salon", "chain", "franchise",
                   "kennel",
                   "consultancy", "cafe", "café", "gym", "label", "brand", "venture")  # fmt: skip
_BUSINESS_RE = re.compile(
    r"\b(?:start|open|run|own|launch|found|build|buy|have)\w*\s+(?:(?:my|our)\s+own|a|an|my|our|"
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)"
    r"\s+(?:[\w'-]+\s+){0,3}?(?:" + "|".join(_BUSINESS_NOUNS) + r")s?\b"
)
_BUSINESS_UNITS_RE = re.compile(
    r"\bchain\s+of\s+(?P<n>\d+|[a-z]+)\b|\b(?P<m>\d+|[a-z]+)\s+(?:[\w-]+\s+)?(?:restaurants|"
    r"stores|shops|locations|branches|clinics|salons|franchises|cafes|gyms|outlets|offices|"
    r"kennels|practices|studios|bakeries|barbershops|sites)\b"
    r"|\b(?P<wide>national|nationwide|international|global)\s+(?:[\w-]+\s+)?chain\b"
)
_NOT_INCOME_RE = re.compile(
    r"\b(?:sales|revenue|deals?|seed|round|funding|fund|raise\s+a|save|saving|savings|"
    r"budget|investments?|invest|pipeline|arr|mrr|gmv|turnover|sell|sold|loan|debt)\b"
)
# "double my salary", "triple my income": a rise given as a multiple of today's pay.
_MULTIPLY_WORDS = ("doubl", "tripl", "quadrupl")
_MULTIPLY_PERCENT = {"doub": 100.0, "trip": 200.0, "quad": 300.0}
_MULTIPLY_PAY_RE = re.compile(
    r"\b(?P<how>double|doubling|triple|tripling|quadruple|quadrupling)\s+(?:my|our|the|his|her)?"
    r"\s*(?:current\s+|base\s+|annual\s+|yearly\s+)?(?:salary|pay|income|earnings|wages?|"
    r"compensation|take[\s-]home(?:\s+pay)?|paycheck|rate)\b"
)
_RAISE_WORDS = ("raise", "rise", "increase", "bump")  # one is in every match of _RAISE_RE
_RAISE_RE = re.compile(
    r"\b(?:raise|pay\s+rise|salary\s+increase|pay\s+increase|bump)\b"
    r"|\bincrease\s+(?:my\s+|personal\s+|our\s+)*(?:earnings|income|salary|pay|take[\s-]home)\b"
)
_RATE_MULTIPLIER = {"day": 260, "week": 52, "month": 12, "quarter": 4, "year": 1}
_HOURLY_RE = re.compile(r"\s*(?:an|per|a|/)\s*(?:hour|hr)\b")


def analyze(
    text: Any,
    *,
    today: date | str | None = None,
    context: Context | Mapping[str, Any] | None = None,
    provider: KnowledgeProvider | None = None,
    use_model: bool = True,
) -> Assessment:
    """Assess one goal statement. Never raises on odd text: any string gets an answer
    (a missing or corrupt model file is a broken install and raises learned.ModelError).
    `use_model=False` gives the rules' verdicts alone, for comparison.

    >>> analyze("earn 100K a year by 2027", today="2026-01-10").deadline
    datetime.date(2027, 12, 31)
    """
    text = text if isinstance(text, str) else ("" if text is None else str(text))
    day = resolve_today(today)
    person = context if isinstance(context, Context) else Context.from_mapping(context)
    return _Analysis(text, day, person, provider or DEFAULT_PROVIDER, use_model).run()


def learning_features(text: str, *, today: date | str | None = None) -> dict[str, int]:
    """What the learned layer reads in a statement, before it decides: for training."""
    analysis = _Analysis(text, resolve_today(today), Context(), DEFAULT_PROVIDER, use_model=False)
    analysis.run()
    return analysis.features


def resolve_today(today: date | str | None) -> date:
    """`today` as a date: a date, a datetime, an ISO string; anything else is today."""
    if isinstance(today, datetime):
        return today.date()
    if isinstance(today, date):
        return today
    if isinstance(today, str):
        try:
            return date.fromisoformat(today.strip()[:10])
        except ValueError:
            pass
    return date.today()


def normalise(text: str) -> str:
    """Lower-case with the same length as `text`, curly quotes and dashes made plain."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters grow when lower-cased ("İ")
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    for old, new in _NORMALISE_PAIRS:  # str.translate reads each character: far slower
        if old in lowered:
            lowered = lowered.replace(old, new)
    return lowered


class _Analysis:
    """One run of the analyzer; each step fills part of the Assessment."""

    def __init__(
        self,
        text: str,
        today: date,
        context: Context,
        provider: KnowledgeProvider,
        use_model: bool = True,
    ):
        self.use_model = use_model
        self.features: dict[str, int] = {}
        self.rules: dict[str, bool] = {}
        self.text = text
        self.lowered = normalise(text)
        self.today = today
        self.context = context
        self.provider = provider
        self.result = Assessment(text=text, today=today)
        self.flags: set[str] = set()
        self.evidence: list[Span] = []
        self.tokens: list[lexicon.Token] = []

    def run(self) -> Assessment:
        horizon = Horizon(len(self.lowered))
        numbers = find_numbers(self.lowered, horizon)
        tokens = self.tokens = lexicon.tokenize(self.lowered)
        times = find_times(self.lowered, self.today, tokens, horizon)
        frequencies = find_frequencies(self.lowered, numbers, horizon)
        if not horizon.short:  # keep what lies before the point where reading stopped
            numbers = [n for n in numbers if horizon.keeps(n.end)]
            times = [t for t in times if horizon.keeps(t.end)]
            frequencies = [f for f in frequencies if horizon.keeps(f.end)]
        frequencies = _outside_times(frequencies, times)
        self._resolve_time(times, frequencies)
        targets = self._target_numbers(numbers, times, frequencies)
        self.result.numbers = [mention.value for mention in targets]
        time_ends = [mention.end for mention in times]
        reading = goal_reader.read_goal(self.lowered, self._blank(times), tokens, time_ends)
        self._classify(reading, targets, times, frequencies)
        self._judge(reading, targets, frequencies)
        self._collect_evidence(reading, targets, times, frequencies)
        result = self.result
        result.flags = [flag for flag in FLAG_ORDER if flag in self.flags]
        result.evidence = sorted(self.evidence, key=lambda span: (span.start, span.end))
        result.suggestions = suggest(result, self.context, times, reading)
        return result

    # --- T: deadline, period ----------------------------------------------------------

    def _resolve_time(self, times: list[TimeMention], frequencies: list[Frequency]) -> None:
        dated = [t for t in times if t.kind == "date"]
        invalid = [t for t in times if t.kind == "invalid"]
        undated = [t for t in times if t.kind == "undated"]
        habits = [f for f in frequencies if not f.is_rate]
        time: TimeKind = "none"
        if dated:  # the last day the goal is due: of several dates, the latest
            last = max(dated, key=lambda t: t.deadline or self.today)
            time, self.result.deadline = "deadline", last.deadline
            if last.deadline is not None and last.deadline < self.today:
                self.flags.add("deadline_past")
        elif invalid:
            time = "deadline"
            self.flags.add("deadline_invalid")
        elif undated:
            time = "deadline"
        elif habits:
            time = "recurring"
        self.result.time = time
        self.result.period = habits[0].period if habits else None
        if any(t.kind == "vague" for t in times):
            self.flags.add("vague_words")

    # --- numbers that are part of the target ---------------------------------------------

    def _target_numbers(
        self, numbers: list[NumberMention], times: list[TimeMention], frequencies: list[Frequency]
    ) -> list[NumberMention]:
        covered = bytearray(len(self.lowered))  # 1 inside a time or frequency expression
        spans = [(t.start, t.end) for t in times if t.kind != "vague"]
        spans += [(f.start, f.end) for f in frequencies]
        for start, end in spans:
            covered[start:end] = b"\x01" * (end - start)
        targets: list[NumberMention] = []
        for mention in numbers:
            if covered[mention.start] and covered[mention.end - 1]:
                continue
            if self._not_a_target(mention):
                continue
            targets.append(mention)
        return targets

    def _not_a_target(self, mention: NumberMention) -> bool:
        text, start, end = self.lowered, mention.start, mention.end
        if mention.kind == "ordinal":
            return True
        if mention.kind == "digits":
            if len(mention.text) == 4 and 1900 <= mention.value <= 2199:
                # a year that does not set the deadline ("since 2019"), unless it counts
                # something ("a 2000 rating", "2025 steps")
                return not _COUNTED_AFTER_RE.match(text, end)
            if _CLOCK_AFTER_RE.match(text, end) or text[end : end + 2] == "/7":
                return True  # "9am", "24/7"
        if mention.kind in ("digits", "word") and (
            _NAME_NUMBER_BEFORE_RE.search(text, max(0, start - 10), start)
            or _NAME_NUMBER_AFTER_RE.match(text, end)
            or self._capitals_before(start)
        ):
            return True  # "level 2", "fortune 500", "six sigma", "ISO 9001": part of a name
        if mention.kind == "digits" and self._name_or_list_number(start, end):
            return True
        if _REPLACED_BEFORE_RE.search(text, max(0, start - 16), start):
            return True
        if _BASELINE_AFTER_RE.match(text, end) or _HAVING_BEFORE_RE.search(
            text, max(0, start - 12), start
        ):
            return True  # "£38k → £41k": where one starts; "mum of 3": who one is
        if mention.text == "once" and (
            text[max(0, start - 4) : start] == "for " or _CLAUSE_AFTER_RE.match(text, end)
        ):
            return True  # "for once", "once we move": not one time
        if mention.kind == "word" and mention.value == 1 and mention.text == "one":
            before = text[max(0, start - 8) : start]
            if _ONE_NOT_COUNT_BEFORE_RE.search(before) or _ONE_NOT_COUNT_AFTER_RE.match(text, end):
                return True  # "no one", "one of the", "one-on-one"
        # "a 3 year apprenticeship": a duration that describes a programme, not a target
        return bool(_PROGRAM_AFTER_RE.match(text, end))

    def _capitals_before(self, start: int) -> bool:
        """An all-capitals word right before: "IFRS 17", "SOC 2", "OSHA 30"."""
        before = self.text[max(0, start - 8) : start]
        word = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
        return len(word) >= 2 and word.isalpha() and word.isupper() and before.endswith(" ")

    def _name_or_list_number(self, start: int, end: int) -> bool:
        """ "3PL", "5-axis" (a name), "1) finish" (a list's numbering)."""
        text = self.lowered
        glued = _GLUED_LETTERS_RE.match(text, end)
        if glued and glued.group() not in _UNIT_AFTER:
            return True
        named = _GLUED_LETTERS_RE.match(text, end + 1) if text[end : end + 1] == "-" else None
        if named is not None and named.group() in ("axis", "pl", "d"):
            return True  # "5-axis", "3-d"
        return bool(_LIST_MARK_RE.match(text, max(0, start - 1))) and text[end : end + 1] in ".)"

    def _blank(self, times: list[TimeMention]) -> str:
        """The text with time expressions replaced by spaces, for the clause reader."""
        chars = list(self.lowered)
        for mention in times:
            chars[mention.start : mention.end] = " " * (mention.end - mention.start)
        return "".join(chars)

    # --- career, S, M, flags --------------------------------------------------------------

    def _classify(
        self,
        reading: goal_reader.GoalReading,
        targets: list[NumberMention],
        times: list[TimeMention],
        frequencies: list[Frequency],
    ) -> None:
        rules = self.rules = self._rule_verdicts(reading, targets, frequencies)
        words = learned.model_words(self.tokens)
        others = learned.other_features(
            words, signals(self.lowered, reading, targets, times, frequencies, rules)
        )
        self.features = learned.feature_counts(words, others) if not self.use_model else {}
        verdicts = learned.model().decide(words, others, rules) if self.use_model else rules
        if not self.lowered.strip():
            verdicts = {**verdicts, "specific": False, "measurable": False, "compound": False}
        result = self.result
        self.flags.discard("vague_words")  # a vague time ("soon") is one of the features
        result.career = verdicts["career"]
        result.specific = verdicts["specific"] and not verdicts["compound"]
        result.measurable = verdicts["measurable"]
        for flag, on in (("not_career", not verdicts["career"]),
                         ("compound", verdicts["compound"]),
                         ("vague_words", verdicts["vague_words"])):  # fmt: skip
            if on:
                self.flags.add(flag)

    def _rule_verdicts(
        self,
        reading: goal_reader.GoalReading,
        targets: list[NumberMention],
        frequencies: list[Frequency],
    ) -> dict[str, bool]:
        """What the word lists and clause reader say: features for the learned layer."""
        compound = self._is_compound(reading, targets, frequencies)
        vague_core = not targets and goal_reader.vague_core(reading)
        blank = not self.lowered.strip()
        habits = any(not f.is_rate for f in frequencies)
        if targets:
            measurable = True
        elif vague_core or blank:
            measurable = False
        elif reading.credential:
            measurable = True
        elif reading.process_goal:
            measurable = False
        else:
            measurable = habits or bool(reading.outcomes) or bool(reading.goal_clauses)
        return {
            "career": reading.career,
            "specific": not blank and not compound and not vague_core,
            "measurable": measurable,
            "compound": compound,
            "vague_words": (bool(reading.vague) and not targets) or "vague_words" in self.flags,
            "vague_core": vague_core,
        }

    def _is_compound(
        self,
        reading: goal_reader.GoalReading,
        targets: list[NumberMention],
        frequencies: list[Frequency],
    ) -> bool:
        """Several unrelated goals: clauses from work and personal life ("get promoted and
        buy a house"), or two clauses that each carry their own target ("earn 80k and go
        to 2 conferences"). "Learn SQL and build a dashboard" stays one goal."""
        clauses = reading.goal_clauses
        if len(clauses) < 2:
            return False
        starts = goal_reader.personal_word_starts(self.tokens)
        personal: set[bool] = set()
        for start, end, _ in clauses:  # stop once both kinds are seen
            personal.add(goal_reader.clause_is_personal(self.lowered, start, end, starts))
            if len(personal) == 2:
                return True
        marks = [m.start for m in targets] + [f.start for f in frequencies if not f.is_rate]
        marks = sorted(marks + [start for start, _, _ in reading.outcomes])
        with_target = 0
        for start, end, _ in clauses:  # does a target start inside this clause?
            index = bisect.bisect_left(marks, start)
            with_target += index < len(marks) and marks[index] < end
        return with_target >= 2

    # --- A, R ----------------------------------------------------------------------------

    def _judge(
        self,
        reading: goal_reader.GoalReading,
        targets: list[NumberMention],
        frequencies: list[Frequency],
    ) -> None:
        if self.context.empty:
            return  # the GUIDE judges A and R only where the person told about themselves
        facts = self._facts(reading, targets, frequencies)
        try:
            attainable = self.provider.attainable(facts, self.context)
            relevant = self.provider.relevant(facts, self.context)
        except Exception:  # a plug-in provider must not break the analyzer
            return
        self.result.attainable, self.result.attainable_reasons = (
            attainable.verdict,
            list(attainable.reasons),
        )
        self.result.relevant, self.result.relevant_reasons = (
            relevant.verdict,
            list(relevant.reasons),
        )

    def _facts(
        self,
        reading: goal_reader.GoalReading,
        targets: list[NumberMention],
        frequencies: list[Frequency],
    ) -> GoalFacts:
        text = self.lowered
        # the title's words run on past the shortest match ("head" of "head chef")
        titles = [_title_phrase(reading.blanked, s, e) for s, e, kind in reading.outcomes
                  if kind == "title"]  # fmt: skip
        if not titles and self.context.role and self.result.measurable:
            # "sous chef by end of Q1", "secure a matron role": a rank named without a verb
            titles = [ranked] if (ranked := named_rank(reading.blanked)) else []
        business = None
        if any(noun in text for noun in _BUSINESS_NOUNS):  # cheap test before the scan
            business = _BUSINESS_RE.search(text)
        units = None
        units_match = _BUSINESS_UNITS_RE.search(text) if business else None
        if units_match:  # a national chain has many branches, whatever the count
            wide = units_match["wide"]
            units = 10 if wide else _small_number(units_match["n"] or units_match["m"])
        return GoalFacts(
            text=text,
            today=self.today,
            deadline=self.result.deadline,
            # judged as a career goal when either reading says so: a work goal the model
            # doubts still deserves its A and R (it cannot hurt a personal one: no context
            # from work makes it relevant)
            career=self.result.career or self.rules.get("career", False),
            measurable=self.result.measurable,
            process_goal=reading.process_goal and not reading.credential,
            yearly_pay=self._yearly_pay(targets, frequencies),
            raise_percent=self._raise_percent(targets),
            title=titles[0] if titles else None,
            business=bool(business),
            business_units=units,
        )

    def _yearly_pay(
        self, targets: list[NumberMention], frequencies: list[Frequency]
    ) -> float | None:
        # a sum of money, or a bare number paid by the hour ("hit 25 an hour")
        hourly = _HOURLY_RE.match
        money = [m for m in targets if m.kind == "money"
                 or (m.kind in ("digits", "word") and hourly(self.lowered, m.end))]  # fmt: skip
        if not money or _NOT_INCOME_RE.search(self.lowered) or not EARNING_RE.search(self.lowered):
            return None
        amount = max(money, key=lambda mention: mention.value)
        multiplier = 1.0
        if _HOURLY_RE.match(self.lowered, amount.end):
            multiplier = 2080
        for frequency in frequencies:
            if frequency.is_rate and 0 <= frequency.start - amount.end <= 8:
                multiplier = _RATE_MULTIPLIER.get(frequency.period, 1)
        return float(amount.value) * multiplier

    def _raise_percent(self, targets: list[NumberMention]) -> float | None:
        text = self.lowered
        if any(word in text for word in _MULTIPLY_WORDS):  # "double my salary": +100%
            multiply = _MULTIPLY_PAY_RE.search(text)
            if multiply:
                return _MULTIPLY_PERCENT[multiply["how"][:4]]
        if not any(word in text for word in _RAISE_WORDS) or not _RAISE_RE.search(text):
            return None
        percents = [m.value for m in targets if m.kind == "percent"]
        return float(percents[0]) if percents else None

    # --- evidence ------------------------------------------------------------------------

    def _collect_evidence(
        self,
        reading: goal_reader.GoalReading,
        targets: list[NumberMention],
        times: list[TimeMention],
        frequencies: list[Frequency],
    ) -> None:
        number_kinds = {"money": "money", "percent": "percent"}
        for mention in targets:
            self._add(mention.start, mention.end, number_kinds.get(mention.kind, "count"))
        time_kinds = {"date": "deadline", "undated": "time limit", "invalid": "invalid date",
                      "vague": "vague time"}  # fmt: skip
        for time in times:
            if time.kind in time_kinds:
                self._add(time.start, time.end, time_kinds[time.kind])
        for frequency in frequencies:
            self._add(
                frequency.start, frequency.end, "pay rate" if frequency.is_rate else "frequency"
            )
        if "vague_words" in self.flags:
            for start, end, _ in reading.vague:
                self._add(start, end, "vague word")
        for start, end, kind in reading.outcomes:
            self._add(start, end, kind)
        for start, _, verb in reading.goal_clauses:
            if verb != "want":
                self._add(start, start + len(verb), "action verb")
        if not self.result.career:
            for start, end, _ in reading.non_career:
                self._add(start, end, "personal")

    def _add(self, start: int, end: int, kind: str) -> None:
        start, end = max(0, start), min(len(self.text), end)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start < end:
            self.evidence.append(Span(start, end, kind, self.text[start:end]))


def _outside_times(frequencies: list[Frequency], times: list[TimeMention]) -> list[Frequency]:
    """Drop "frequencies" inside a time expression: "a year from now" is a duration."""
    if not frequencies or not times:
        return frequencies
    taken = bytearray(max(t.end for t in times))
    for time in times:
        if time.kind != "vague":
            taken[time.start : time.end] = b"\x01" * (time.end - time.start)
    return [f for f in frequencies if not any(taken[f.start : f.end])]


_TITLE_TAIL_RE = re.compile(
    r"(?:[\s-]+(?!(?:and|or|by|in|at|for|within|before|to|so|then)\b)"
    r"[a-z][\w'-]*){0,2}"
)


def _title_phrase(blanked: str, start: int, end: int) -> str:
    """A title with the words that finish it: "head" + " chef", "vp" + " of sales"."""
    tail = _TITLE_TAIL_RE.match(blanked, end)
    return blanked[start : tail.end() if tail else end].strip()


def _small_number(text: str) -> int | None:
    if text.isdigit():
        return int(text) if len(text) < 7 else None
    return parse_number_words(text)
