"""What a rule proposes for a match: a span of the text, its TIMEX3 type and value.

Candidates of all rules compete afterwards (the longest span wins), so a handler may propose a
reading that another rule's longer reading replaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from accord.resolve.dates.context import Context

__all__ = ["Candidate", "Handler", "TimexType", "trimmed"]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Candidate:
    """A time expression at ``text[start:end]`` with its TIMEX3 ``value`` (and ``end_value`` for a
    range such as "between 1994 and 1997", kept for the contract's ``enddate``)."""

    start: int
    end: int
    timex_type: TimexType
    value: str
    end_value: str | None = None
    # Story-anchored expressions ("that day", "the quarter", "the year-ago quarter") carry what
    # they are anchored to; ``value`` is then the fallback against the report date (see anchoring).
    anchor: str | None = None

    @classmethod
    def spanning(
        cls, m: re.Match[str], kind: TimexType, value: str, end_value: str | None = None
    ) -> Candidate:
        """A candidate spanning the whole match ``m``."""
        return cls(m.start(), m.end(), kind, value, end_value)


Handler = Callable[[re.Match[str], Context], "Candidate | None"]
"""Reads one match of a rule's pattern: the candidate it stands for, None when it is no time."""


def trimmed(c: Candidate, text: str) -> Candidate:
    """``c`` without leading whitespace and trailing whitespace or commas (TimeML keeps 'the' in
    'the third quarter', so articles stay)."""
    start, end = c.start, c.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    if (start, end) == (c.start, c.end):
        return c
    return Candidate(start, end, c.timex_type, c.value, c.end_value, c.anchor)
