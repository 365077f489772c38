"""How far into a statement numbers, times and frequencies are read.

Each finder (digits, number words, each time pattern, each frequency pattern) keeps no
more than MAX_MENTIONS mentions, and reads no more than RAW_FACTOR times as many candidate
matches. When one has more, reading of all mentions stops where its first unread candidate
starts: the analyzer keeps only the mentions that end
before that point, the horizon. Everything before the horizon reads exactly as it would
without the bound, so the result is the same as for the text cut there.

Why this is safe: the Assessment uses the first date, the first invalid date, the first
time limit and the first frequency, and lists the target numbers of one goal. A goal
statement names a handful of each; MAX_MENTIONS of one kind means a pasted document or
noise ("1,1,1,...", "by 99999 by 99999 ..."), and its first few hundred characters say all
there is to say. The bound turns the cost of such input from one step per mention (each
a few microseconds of Python) into a fixed ceiling, while the patterns themselves still
scan once, in linear time. A story of two hundred numbers followed by a goal would lose
the goal's figures: the benchmark's long story (about a hundred of each) stays within it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sized

MAX_MENTIONS = 200
# Candidate matches a finder may turn down ("one" inside "someone") before it stops too.
RAW_FACTOR = 4


class Horizon:
    """The point where reading stops: the text's length until a finder cuts it short."""

    __slots__ = ("at", "limit", "short")

    def __init__(self, length: int, limit: int = MAX_MENTIONS) -> None:
        self.at = length
        self.limit = limit
        self.short = length <= limit  # too short to hold more matches than the limit

    def cut(self, position: int) -> None:
        self.at = min(self.at, position)

    def bound(self, matches: Iterable[re.Match[str]], found: Sized) -> Iterable[re.Match[str]]:
        """The matches a finder may read, while `found` (the list it adds its mentions
        to) grows by at most `limit` and it reads at most RAW_FACTOR * `limit` matches.
        Text no longer than the limit cannot hold more matches than that (each takes a
        character at least): it is left as it is."""
        if self.short:
            return matches
        return self._bounded(iter(matches), found, len(found))

    def _bounded(
        self, matches: Iterator[re.Match[str]], found: Sized, before: int
    ) -> Iterator[re.Match[str]]:
        for count, match in enumerate(matches):
            start = match.start()
            if start >= self.at:
                return  # past a horizon another finder set: nothing there is kept
            if len(found) - before >= self.limit or count >= RAW_FACTOR * self.limit:
                self.cut(start)
                return
            yield match

    def keeps(self, end: int) -> bool:
        return end <= self.at


def unbounded() -> Horizon:
    """No horizon: finders called on their own read everything."""
    return Horizon(1 << 62, 1 << 62)
