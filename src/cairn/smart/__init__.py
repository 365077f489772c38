"""The SMART analyzer: reads a career goal statement and says which of S-M-A-R-T it meets.

Pure Python, no Django: `from cairn.smart import analyze` works anywhere.

>>> from cairn.smart import analyze
>>> result = analyze("earn 100K a year by 2027", today="2026-01-10")
>>> result.time, result.deadline.isoformat(), result.numbers
('deadline', '2027-12-31', [100000])
"""

from cairn.smart.analyzer import analyze, resolve_today
from cairn.smart.knowledge import GoalFacts, Judgement, KnowledgeProvider, RuleBasedProvider
from cairn.smart.model import FLAG_ORDER, Assessment, Context, Reason, Span, Suggestion

__all__ = [
    "FLAG_ORDER",
    "Assessment",
    "Context",
    "GoalFacts",
    "Judgement",
    "KnowledgeProvider",
    "Reason",
    "RuleBasedProvider",
    "Span",
    "Suggestion",
    "analyze",
    "resolve_today",
]
